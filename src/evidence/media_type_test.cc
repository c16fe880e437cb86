#include "evidence/media_type.h"

#include <gtest/gtest.h>

namespace qorgau::evidence {
namespace {

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out.push_back(static_cast<char>(v));
  return out;
}

// An ISO-BMFF file start: box size, "ftyp", the major brand, minor version.
std::string ftyp(std::string_view brand) {
  return bytes({0, 0, 0, 0x20}) + "ftyp" + std::string(brand) + bytes({0, 0, 0, 0}) + "isommp42";
}

TEST(MediaType, RecognisesEachAcceptedFormatByItsFirstBytes) {
  struct Case {
    std::string head;
    Kind kind;
    const char* mime;
  };
  const Case cases[] = {
      {bytes({0xFF, 0xD8, 0xFF, 0xE0}) + "JFIF", Kind::kPhoto, "image/jpeg"},
      {bytes({0x89}) + "PNG\r\n" + bytes({0x1A}) + "\n" + bytes({0, 0, 0, 13}) + "IHDR",
       Kind::kPhoto, "image/png"},
      {"GIF89a" + bytes({1, 0, 1, 0}), Kind::kPhoto, "image/gif"},
      {"GIF87a" + bytes({1, 0, 1, 0}), Kind::kPhoto, "image/gif"},
      {"RIFF" + bytes({0x24, 0, 0, 0}) + "WEBPVP8 ", Kind::kPhoto, "image/webp"},
      {ftyp("heic"), Kind::kPhoto, "image/heic"},
      {ftyp("mif1"), Kind::kPhoto, "image/heif"},
      {ftyp("isom"), Kind::kVideo, "video/mp4"},
      {ftyp("mp42"), Kind::kVideo, "video/mp4"},
      {ftyp("qt  "), Kind::kVideo, "video/quicktime"},
      {ftyp("3gp4"), Kind::kVideo, "video/3gpp"},
      {ftyp("3g2a"), Kind::kVideo, "video/3gpp2"},
      {bytes({0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 1, 0x42, 0x82, 0x84}) + "webm",
       Kind::kVideo, "video/webm"},
      {bytes({0x1A, 0x45, 0xDF, 0xA3, 0xA3, 0x42, 0x82, 0x88}) + "matroska", Kind::kVideo,
       "video/x-matroska"},
      {ftyp("M4A "), Kind::kAudio, "audio/mp4"},
      {"ID3" + bytes({4, 0, 0, 0, 0, 0, 0}), Kind::kAudio, "audio/mpeg"},
      {bytes({0xFF, 0xFB, 0x90, 0x64}), Kind::kAudio, "audio/mpeg"},  // MPEG-1 layer III
      {"OggS" + std::string(24, '\0') + "OpusHead", Kind::kAudio, "audio/ogg"},
      {"OggS" + std::string(24, '\0') + bytes({1}) + "vorbis", Kind::kAudio, "audio/ogg"},
      {"RIFF" + bytes({0x24, 0, 0, 0}) + "WAVEfmt ", Kind::kAudio, "audio/wav"},
      {"%PDF-1.7\n", Kind::kDocument, "application/pdf"},
  };
  for (const Case& c : cases) {
    auto type = sniff(c.head);
    ASSERT_TRUE(type) << c.mime;
    EXPECT_EQ(type->kind, c.kind) << c.mime;
    EXPECT_EQ(type->mime, c.mime);
    EXPECT_EQ(extension_for(type->mime), type->extension) << c.mime;
  }
}

TEST(MediaType, RefusesEverythingElse) {
  const std::string refused[] = {
      "",
      "%PD",                                                      // too short
      "MZ" + bytes({0x90, 0, 3, 0}),                              // Windows executable
      bytes({0x7F}) + "ELF" + bytes({2, 1, 1}),                   // Linux executable
      "PK" + bytes({3, 4, 20, 0}),                                // ZIP (and .docx)
      "<html><body>",                                             // HTML
      "<svg xmlns=\"http://www.w3.org/2000/svg\">",               // SVG can carry scripts
      "plain text that claims to be a .jpg",                      //
      ftyp("crx "),                                               // unknown brand
      "RIFF" + bytes({0x24, 0, 0, 0}) + "AVI LIST",               // AVI
      "OggS" + std::string(24, '\0') + bytes({0x80}) + "theora",  // Ogg video
      bytes({0xFF, 0xF1, 0x50, 0x80}),                            // AAC ADTS, not MP3
      bytes({0xFF, 0xFB, 0xF0, 0x64}),                            // MP3 sync, bad bitrate
      bytes({0x1A, 0x45, 0xDF, 0xA3, 0x9F}),                      // EBML without a DocType
  };
  for (const auto& head : refused) {
    EXPECT_FALSE(sniff(head)) << "accepted: " << head.substr(0, 12);
  }
}

TEST(MediaType, LooksOnlyAtTheFirstBytes) {
  std::string late_magic = std::string(kSniffBytes, 'x') + "%PDF-1.7";
  EXPECT_FALSE(sniff(late_magic));
  EXPECT_TRUE(sniff("%PDF-1.7" + std::string(1 << 20, 'x')));
}

TEST(MediaType, KindNames) {
  EXPECT_EQ(kind_name(Kind::kPhoto), "photo");
  EXPECT_EQ(kind_name(Kind::kVideo), "video");
  EXPECT_EQ(kind_name(Kind::kAudio), "audio");
  EXPECT_EQ(kind_name(Kind::kDocument), "document");
  EXPECT_EQ(extension_for("application/x-unknown"), "bin");
}

}  // namespace
}  // namespace qorgau::evidence
