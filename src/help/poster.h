// The printable help poster: one A4 page for schools, clinics and public transport with the help
// numbers in large type and a QR code to the help page. This file only draws; which texts go on
// the poster (language, region, numbers) is decided by the caller (help/poster_api.cc).
//
// Invariants of render_poster's output:
// - a PDF of exactly one A4 portrait page (595 x 842 pt);
// - every text is laid out by pango in the "DejaVu Sans" family (through pdf/typesetter.h, shared
//   with the court bundle; it has the Kazakh letters ә ғ қ ң ө ұ ү һ і) and embedded as real text,
//   so it can be extracted and read aloud; texts are plain, never pango markup, so no input can
//   change the formatting;
// - the QR code encodes `url` exactly (byte mode, error correction level M) and has a quiet zone
//   of four modules; `url` is also printed under it;
// - long content never runs onto a second page: the numbers' type shrinks to fit.
// Rendering has no side effects and needs no lock: pango's default font map is per thread.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace qorgau::help {

struct PosterNumber {
  std::string number;  // "111"
  std::string label;   // what the number is, in the poster's language
};

// Everything printed on the poster, already in one language. Empty optional texts are left out.
struct PosterContent {
  std::string language;     // BCP 47 code for pango's shaping and line breaking: "kk"
  std::string heading;      // "You are not alone"
  std::string lead;         // a short line under the heading (optional)
  std::string region;       // the region's name (optional)
  std::string institution;  // school, clinic, station... (optional)
  std::string numbers_title;
  std::vector<PosterNumber> numbers;
  std::string qr_caption;  // what scanning the code gives
  std::string url;         // encoded in the QR code and printed under it; must not be empty
  std::string footer;      // "Calls to 111 and 150 are free." (optional)
};

struct PosterError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The poster as PDF bytes. Throws PosterError when cairo fails or the URL cannot be encoded in a
// QR code (empty, or longer than a QR code holds).
std::string render_poster(const PosterContent& content);

}  // namespace qorgau::help
