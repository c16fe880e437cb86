#include "evidence/media_type.h"

#include <array>

namespace qorgau::evidence {

namespace {

struct Brand {
  std::string_view brand;  // ISO-BMFF major brand (4 characters), or its first 3
  Kind kind;
  std::string_view mime;
  std::string_view extension;
};

// ISO base media file format ("ftyp" box): the major brand says what it is.
constexpr std::array<Brand, 24> kBrands = {{
    {"isom", Kind::kVideo, "video/mp4", "mp4"},   {"iso2", Kind::kVideo, "video/mp4", "mp4"},
    {"iso4", Kind::kVideo, "video/mp4", "mp4"},   {"iso5", Kind::kVideo, "video/mp4", "mp4"},
    {"iso6", Kind::kVideo, "video/mp4", "mp4"},   {"mp41", Kind::kVideo, "video/mp4", "mp4"},
    {"mp42", Kind::kVideo, "video/mp4", "mp4"},   {"avc1", Kind::kVideo, "video/mp4", "mp4"},
    {"dash", Kind::kVideo, "video/mp4", "mp4"},   {"M4V ", Kind::kVideo, "video/mp4", "mp4"},
    {"MSNV", Kind::kVideo, "video/mp4", "mp4"},   {"qt  ", Kind::kVideo, "video/quicktime", "mov"},
    {"3gp", Kind::kVideo, "video/3gpp", "3gp"},   {"3g2", Kind::kVideo, "video/3gpp2", "3g2"},
    {"M4A ", Kind::kAudio, "audio/mp4", "m4a"},   {"M4B ", Kind::kAudio, "audio/mp4", "m4a"},
    {"heic", Kind::kPhoto, "image/heic", "heic"}, {"heix", Kind::kPhoto, "image/heic", "heic"},
    {"hevc", Kind::kPhoto, "image/heic", "heic"}, {"hevx", Kind::kPhoto, "image/heic", "heic"},
    {"heim", Kind::kPhoto, "image/heic", "heic"}, {"heis", Kind::kPhoto, "image/heic", "heic"},
    {"mif1", Kind::kPhoto, "image/heif", "heif"}, {"msf1", Kind::kPhoto, "image/heif", "heif"},
}};

MediaType make(Kind kind, std::string_view mime, std::string_view extension) {
  return {kind, std::string(mime), std::string(extension)};
}

bool at(std::string_view head, std::size_t offset, std::string_view magic) {
  return head.size() >= offset + magic.size() && head.substr(offset, magic.size()) == magic;
}

std::uint8_t byte(std::string_view head, std::size_t i) {
  return static_cast<std::uint8_t>(head[i]);
}

// An MPEG audio frame header (layer I-III): 11 sync bits, a valid version,
// layer, bitrate and sample rate. ADTS (AAC) has layer 00 and is not MP3.
bool mpeg_audio_frame(std::string_view head) {
  if (head.size() < 4 || byte(head, 0) != 0xFF || (byte(head, 1) & 0xE0) != 0xE0) return false;
  unsigned version = (byte(head, 1) >> 3) & 0x3;
  unsigned layer = (byte(head, 1) >> 1) & 0x3;
  unsigned bitrate = byte(head, 2) >> 4;
  unsigned rate = (byte(head, 2) >> 2) & 0x3;
  return version != 1 && layer != 0 && bitrate != 0xF && rate != 3;
}

}  // namespace

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::kPhoto:
      return "photo";
    case Kind::kVideo:
      return "video";
    case Kind::kAudio:
      return "audio";
    case Kind::kDocument:
      return "document";
  }
  return "document";
}

std::optional<MediaType> sniff(std::string_view head) {
  if (head.size() > kSniffBytes) head = head.substr(0, kSniffBytes);
  if (at(head, 0, "\xFF\xD8\xFF")) return make(Kind::kPhoto, "image/jpeg", "jpg");
  if (at(head, 0, "\x89PNG\r\n\x1A\n")) return make(Kind::kPhoto, "image/png", "png");
  if (at(head, 0, "GIF87a") || at(head, 0, "GIF89a")) {
    return make(Kind::kPhoto, "image/gif", "gif");
  }
  if (at(head, 0, "RIFF") && at(head, 8, "WEBP")) return make(Kind::kPhoto, "image/webp", "webp");
  if (at(head, 0, "RIFF") && at(head, 8, "WAVE")) return make(Kind::kAudio, "audio/wav", "wav");
  if (at(head, 4, "ftyp") && head.size() >= 12) {
    std::string_view major = head.substr(8, 4);
    for (const Brand& b : kBrands) {
      if (major.substr(0, b.brand.size()) == b.brand) return make(b.kind, b.mime, b.extension);
    }
    return std::nullopt;
  }
  if (at(head, 0, "\x1A\x45\xDF\xA3")) {  // EBML: Matroska or WebM, by DocType
    if (head.find("webm") != std::string_view::npos) {
      return make(Kind::kVideo, "video/webm", "webm");
    }
    if (head.find("matroska") != std::string_view::npos) {
      return make(Kind::kVideo, "video/x-matroska", "mkv");
    }
    return std::nullopt;
  }
  if (at(head, 0, "OggS")) {
    if (head.find("OpusHead") != std::string_view::npos ||
        head.find("\x01vorbis") != std::string_view::npos) {
      return make(Kind::kAudio, "audio/ogg", "ogg");
    }
    return std::nullopt;
  }
  if (at(head, 0, "ID3") || mpeg_audio_frame(head)) return make(Kind::kAudio, "audio/mpeg", "mp3");
  if (at(head, 0, "%PDF-")) return make(Kind::kDocument, "application/pdf", "pdf");
  return std::nullopt;
}

std::string_view extension_for(std::string_view mime) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kExtensions = {{
      {"image/jpeg", "jpg"},
      {"image/png", "png"},
      {"image/gif", "gif"},
      {"image/webp", "webp"},
      {"image/heic", "heic"},
      {"image/heif", "heif"},
      {"video/mp4", "mp4"},
      {"video/quicktime", "mov"},
      {"video/3gpp", "3gp"},
      {"video/3gpp2", "3g2"},
      {"video/webm", "webm"},
      {"video/x-matroska", "mkv"},
      {"audio/mpeg", "mp3"},
      {"audio/mp4", "m4a"},
      {"audio/ogg", "ogg"},
      {"audio/wav", "wav"},
  }};
  if (mime == "application/pdf") return "pdf";
  for (const auto& [type, extension] : kExtensions) {
    if (type == mime) return extension;
  }
  return "bin";
}

}  // namespace qorgau::evidence
