#include "pdf/typesetter.h"

#include <cairo-pdf.h>

#include <new>

namespace qorgau::pdf {

namespace {

struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (const std::bad_alloc&) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

}  // namespace

void set_colour(cairo_t* cr, Colour colour) {
  cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
}

void fill_rect(cairo_t* cr, double x, double y, double width, double height, Colour colour) {
  set_colour(cr, colour);
  cairo_rectangle(cr, x, y, width, height);
  cairo_fill(cr);
}

Typesetter::Typesetter(cairo_t* cr, const std::string& language)
    : cr_(cr), language_(pango_language_from_string(language.c_str())) {}

LayoutPtr Typesetter::layout(const std::string& text, double size, bool bold, double width,
                             PangoAlignment align, PangoWrapMode wrap) const {
  LayoutPtr layout(pango_cairo_create_layout(cr_));
  pango_context_set_language(pango_layout_get_context(layout.get()), language_);
  pango_layout_context_changed(layout.get());
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, kFontFamily);
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_width(layout.get(), width < 0 ? -1 : static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), wrap);
  pango_layout_set_alignment(layout.get(), align);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

void Typesetter::draw(PangoLayout* layout, double x, double y, Colour colour) const {
  set_colour(cr_, colour);
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, layout);
}

double Typesetter::height(PangoLayout* layout) {
  int width = 0;
  int height = 0;
  pango_layout_get_size(layout, &width, &height);
  return static_cast<double>(height) / PANGO_SCALE;
}

double Typesetter::width(PangoLayout* layout) {
  int width = 0;
  int height = 0;
  pango_layout_get_size(layout, &width, &height);
  return static_cast<double>(width) / PANGO_SCALE;
}

std::string render_a4(const std::string& title, const std::function<void(cairo_t*)>& draw) {
  std::string pdf;
  std::unique_ptr<cairo_surface_t, CairoDestroy> surface(
      cairo_pdf_surface_create_for_stream(append_to_string, &pdf, kA4Width, kA4Height));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Qorgau");
  {
    std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
    draw(cr.get());
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
      throw PdfError(std::string("drawing failed: ") +
                     cairo_status_to_string(cairo_status(cr.get())));
    }
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    throw PdfError(std::string("writing the PDF failed: ") +
                   cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  return pdf;
}

}  // namespace qorgau::pdf
