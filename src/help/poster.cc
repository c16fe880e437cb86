#include "help/poster.h"

#include <qrencode.h>

#include <algorithm>
#include <memory>

#include "pdf/typesetter.h"

namespace qorgau::help {

namespace {

using pdf::Colour;
using pdf::fill_rect;
using pdf::LayoutPtr;
using pdf::set_colour;
using pdf::Typesetter;

constexpr double kPageWidth = pdf::kA4Width;
constexpr double kPageHeight = pdf::kA4Height;
constexpr double kMargin = 48;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kQrSize = 136;  // 48 mm: phones read it from arm's length
constexpr int kQrQuietModules = 4;

constexpr Colour kTeal{0.043, 0.333, 0.388};  // #0B5563: 8:1 against white
constexpr Colour kInk{0.102, 0.102, 0.102};   // #1A1A1A
constexpr Colour kWhite{1, 1, 1};
constexpr Colour kMist{0.902, 0.941, 0.949};  // #E6F0F2
constexpr Colour kRule{0.784, 0.851, 0.863};  // #C8D9DC

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

using QrPtr = std::unique_ptr<QRcode, QrFree>;

QrPtr encode_qr(const std::string& url) {
  if (url.empty() || url.find('\0') != std::string::npos) {
    throw PosterError("the poster's URL is empty or holds a NUL byte");
  }
  QrPtr code(QRcode_encodeString(url.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!code) throw PosterError("the poster's URL does not fit in a QR code");
  return code;
}

// Width of one module when the code, quiet zone included, is `size` wide.
double module_size(const QRcode& code, double size) {
  return size / (code.width + 2 * kQrQuietModules);
}

// The QR code, quiet zone included, in a `size` square at (x, y). Dark modules of a row are
// joined into runs and filled as one path, so no hairline seams appear between them.
void draw_qr(cairo_t* cr, const QRcode& code, double x, double y, double size) {
  const int modules = code.width;
  const double module = module_size(code, size);
  fill_rect(cr, x, y, size, size, kWhite);
  set_colour(cr, kInk);
  const double origin_x = x + kQrQuietModules * module;
  const double origin_y = y + kQrQuietModules * module;
  for (int row = 0; row < modules; ++row) {
    int column = 0;
    while (column < modules) {
      auto dark = [&](int c) { return (code.data[row * modules + c] & 1) != 0; };
      if (!dark(column)) {
        ++column;
        continue;
      }
      int start = column;
      while (column < modules && dark(column)) ++column;
      cairo_rectangle(cr, origin_x + start * module, origin_y + row * module,
                      (column - start) * module, module);
    }
  }
  cairo_fill(cr);
}

struct NumberRow {
  LayoutPtr digits;
  LayoutPtr label;
  double height = 0;
};

// The numbers at `scale` (1 = full size), with their total height.
std::vector<NumberRow> set_numbers(const Typesetter& type, const PosterContent& content,
                                   double scale, double& total_height, double& digits_width) {
  constexpr double kRowGap = 10;
  std::vector<NumberRow> rows;
  digits_width = 0;
  for (const auto& n : content.numbers) {
    NumberRow row;
    row.digits = type.layout(n.number, 64 * scale, true, -1);
    digits_width = std::max(digits_width, Typesetter::width(row.digits.get()));
    rows.push_back(std::move(row));
  }
  const double label_width = kContentWidth - digits_width - 24;
  total_height = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    rows[i].label =
        type.layout(content.numbers[i].label, std::max(12.0, 15 * scale), false, label_width);
    rows[i].height = std::max(Typesetter::height(rows[i].digits.get()),
                              Typesetter::height(rows[i].label.get())) +
                     kRowGap;
    total_height += rows[i].height;
  }
  return rows;
}

void draw_poster(cairo_t* cr, const PosterContent& content, const QRcode& code) {
  Typesetter type(cr, content.language);
  fill_rect(cr, 0, 0, kPageWidth, kPageHeight, kWhite);

  // Heading band.
  auto heading = type.layout(content.heading, 42, true, kContentWidth);
  auto lead = type.layout(content.lead, 18, false, kContentWidth);
  double band = 36 + Typesetter::height(heading.get()) + 30;
  if (!content.lead.empty()) band += 12 + Typesetter::height(lead.get());
  fill_rect(cr, 0, 0, kPageWidth, band, kTeal);
  double y = 36;
  type.draw(heading.get(), kMargin, y, kWhite);
  y += Typesetter::height(heading.get());
  if (!content.lead.empty()) type.draw(lead.get(), kMargin, y + 12, kWhite);
  y = band + 24;

  // Where the poster hangs.
  if (!content.region.empty()) {
    auto region = type.layout(content.region, 24, true, kContentWidth);
    type.draw(region.get(), kMargin, y, kInk);
    y += Typesetter::height(region.get()) + 4;
  }
  if (!content.institution.empty()) {
    auto institution = type.layout(content.institution, 18, false, kContentWidth);
    type.draw(institution.get(), kMargin, y, kInk);
    y += Typesetter::height(institution.get());
  }
  y += 20;

  // From the bottom up: the footer band, then the QR code with its caption and URL.
  double bottom = kPageHeight;
  if (!content.footer.empty()) {
    auto footer = type.layout(content.footer, 18, true, kContentWidth, PANGO_ALIGN_CENTER);
    double footer_band = Typesetter::height(footer.get()) + 32;
    bottom -= footer_band;
    fill_rect(cr, 0, bottom, kPageWidth, footer_band, kMist);
    type.draw(footer.get(), kMargin, bottom + 16, kTeal);
  }
  auto url = type.layout(content.url, 12, false, kContentWidth, PANGO_ALIGN_LEFT, PANGO_WRAP_CHAR);
  double url_y = bottom - 22 - Typesetter::height(url.get());
  double qr_y = url_y - 6 - kQrSize;
  // The code's quiet zone reaches into the margin, so its modules line up with the text above.
  double qr_x = kMargin - kQrQuietModules * module_size(code, kQrSize);
  draw_qr(cr, code, qr_x, qr_y, kQrSize);
  type.draw(url.get(), kMargin, url_y, kInk);
  double caption_x = qr_x + kQrSize + 16;
  auto caption = type.layout(content.qr_caption, 20, true, kPageWidth - kMargin - caption_x);
  type.draw(caption.get(), caption_x, qr_y + (kQrSize - Typesetter::height(caption.get())) / 2,
            kInk);

  // The numbers fill the space between; their type shrinks until they fit.
  if (!content.numbers_title.empty()) {
    auto title = type.layout(content.numbers_title, 16, true, kContentWidth);
    type.draw(title.get(), kMargin, y, kTeal);
    y += Typesetter::height(title.get()) + 8;
  }
  const double available = qr_y - 14 - y;
  double total = 0;
  double digits_width = 0;
  std::vector<NumberRow> rows;
  for (double scale = 1.0;; scale -= 0.05) {
    rows = set_numbers(type, content, scale, total, digits_width);
    if (total <= available || scale <= 0.4) break;
  }
  for (const auto& row : rows) {
    fill_rect(cr, kMargin, y, kContentWidth, 1, kRule);
    double digits_h = Typesetter::height(row.digits.get());
    double label_h = Typesetter::height(row.label.get());
    double row_h = std::max(digits_h, label_h);
    type.draw(row.digits.get(), kMargin, y + 7 + (row_h - digits_h) / 2, kTeal);
    type.draw(row.label.get(), kMargin + digits_width + 24, y + 7 + (row_h - label_h) / 2, kInk);
    y += row.height;
  }
  if (!rows.empty()) fill_rect(cr, kMargin, y, kContentWidth, 1, kRule);
}

}  // namespace

std::string render_poster(const PosterContent& content) {
  QrPtr code = encode_qr(content.url);  // before drawing: a bad URL is the caller's error
  try {
    return pdf::render_a4(content.heading, [&](cairo_t* cr) {
      draw_poster(cr, content, *code);
      cairo_show_page(cr);
    });
  } catch (const pdf::PdfError& error) {
    throw PosterError(std::string("the poster PDF: ") + error.what());
  }
}

}  // namespace qorgau::help
