// What an evidence file is, decided from its first bytes (its "magic"), never
// from its name or the type the client claims: a renamed executable stays an
// executable. Only the formats phones and scanners produce are accepted:
//   photo:    JPEG, PNG, HEIC/HEIF, WebP, GIF
//   video:    MP4, MOV (QuickTime), 3GP, WebM/Matroska
//   audio:    MP3 (ID3 tag or MPEG frame sync), M4A, OGG (Vorbis/Opus), WAV
//   document: PDF
// Invariant: sniff() returns a type only for these; for anything else
// (including empty and too-short input) it returns nullopt, and the upload is
// refused (415 unsupported_file_type).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace qorgau::evidence {

enum class Kind { kPhoto, kVideo, kAudio, kDocument };

std::string_view kind_name(Kind kind);  // "photo", "video", "audio", "document"

struct MediaType {
  Kind kind;
  std::string mime;       // "image/jpeg"
  std::string extension;  // "jpg": for download file names

  bool operator==(const MediaType&) const = default;
};

// How many leading bytes sniff() looks at; pass at least this many when the
// file has them.
inline constexpr std::size_t kSniffBytes = 64;

std::optional<MediaType> sniff(std::string_view head);

// The file extension for a MIME type sniff() produces ("video/mp4" -> "mp4"),
// or "bin".
std::string_view extension_for(std::string_view mime);

}  // namespace qorgau::evidence
