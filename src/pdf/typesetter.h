// What every PDF the server draws shares: A4 pages written by cairo into
// memory, and text laid out by pango in the "DejaVu Sans" family (found
// through fontconfig; it has the Kazakh letters ә ғ қ ң ө ұ ү һ і) and
// embedded as real text, so it can be extracted, searched and read aloud.
// Texts are plain, never pango markup, so no input can change the formatting.
// Used by the help poster (help/poster.h) and the court bundle
// (cases/bundle_pdf.h). Nothing here has side effects beyond the surface
// drawn on; pango's default font map is per thread, so no lock is needed.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace qorgau::pdf {

// A4 portrait in PDF points (1/72 inch).
inline constexpr double kA4Width = 595.276;
inline constexpr double kA4Height = 841.890;
inline constexpr const char* kFontFamily = "DejaVu Sans";

struct Colour {
  double r, g, b;
};

struct GObjectUnref {
  void operator()(gpointer object) const { g_object_unref(object); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;

void set_colour(cairo_t* cr, Colour colour);
void fill_rect(cairo_t* cr, double x, double y, double width, double height, Colour colour);

// Text laid out in the document's font and language; sizes are in points.
class Typesetter {
 public:
  // `language` is a BCP 47 code for pango's shaping and line breaking ("kk").
  Typesetter(cairo_t* cr, const std::string& language);

  // `width` < 0: one unwrapped line.
  LayoutPtr layout(const std::string& text, double size, bool bold, double width,
                   PangoAlignment align = PANGO_ALIGN_LEFT,
                   PangoWrapMode wrap = PANGO_WRAP_WORD) const;
  void draw(PangoLayout* layout, double x, double y, Colour colour) const;

  static double height(PangoLayout* layout);
  static double width(PangoLayout* layout);

 private:
  cairo_t* cr_;
  PangoLanguage* language_;
};

struct PdfError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A PDF of A4 portrait pages: `draw` draws them on the context, ending each
// page with cairo_show_page(). Returns the PDF bytes; throws PdfError when
// cairo reports a failure.
std::string render_a4(const std::string& title, const std::function<void(cairo_t*)>& draw);

}  // namespace qorgau::pdf
