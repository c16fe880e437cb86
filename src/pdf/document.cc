#include "pdf/document.h"

#include <algorithm>

#include "pdf/typesetter.h"

namespace qorgau::pdf {

namespace {

constexpr double kMargin = 48;
constexpr double kContentWidth = kA4Width - 2 * kMargin;
constexpr double kFooterHeight = 28;
constexpr double kTop = kMargin;
constexpr double kBottom = kA4Height - kMargin - kFooterHeight;
// The value column holds a 64-digit SHA-256 on one line (64 x 0.636 em at 9 pt = 366 pt).
constexpr double kLabelWidth = 110;
constexpr double kColumnGap = 10;
constexpr double kValueWidth = kContentWidth - kLabelWidth - kColumnGap;
constexpr double kRowSize = 9;
constexpr double kRowGap = 3;

constexpr Colour kInk{0.102, 0.102, 0.102};
constexpr Colour kMuted{0.35, 0.35, 0.35};
constexpr Colour kTeal{0.043, 0.333, 0.388};
constexpr Colour kRule{0.784, 0.851, 0.863};

// Lays the blocks out page by page. Run once to count the pages (nothing is
// drawn), then again to draw them knowing the total.
class Flow {
 public:
  Flow(cairo_t* cr, const Document& document, int total_pages)
      : cr_(cr), type_(cr, document.language), document_(document), total_(total_pages) {}

  bool drawing() const { return total_ > 0; }

  int run() {
    for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
      const Block& block = document_.blocks[i];
      const Block* next = i + 1 < document_.blocks.size() ? &document_.blocks[i + 1] : nullptr;
      place_block(block, next);
    }
    finish_page();
    return page_;
  }

 private:
  LayoutPtr heading_layout(const Block& block) const {
    switch (block.kind) {
      case Block::Kind::kTitle:
        return type_.layout(block.text, 18, true, kContentWidth);
      case Block::Kind::kHeading:
        return type_.layout(block.text, 13, true, kContentWidth);
      case Block::Kind::kSubheading:
        return type_.layout(block.text, 10.5, true, kContentWidth);
      case Block::Kind::kParagraph:
      case Block::Kind::kRows:
        break;
    }
    return type_.layout(block.text, kRowSize, false, kContentWidth, PANGO_ALIGN_LEFT,
                        PANGO_WRAP_WORD_CHAR);
  }

  static double space_before(const Block& block) {
    switch (block.kind) {
      case Block::Kind::kTitle:
        return 0;
      case Block::Kind::kHeading:
        return 16;
      case Block::Kind::kSubheading:
        return 10;
      case Block::Kind::kParagraph:
      case Block::Kind::kRows:
        return 4;
    }
    return 0;
  }

  // Height of what must stay with a heading: its next block's first piece.
  double first_piece_height(const Block& block) const {
    if (block.kind == Block::Kind::kRows) {
      return block.rows.empty() ? 0 : row_height(block.rows.front());
    }
    return Typesetter::height(heading_layout(block).get()) + space_before(block);
  }

  double row_height(const Row& row) const {
    auto label = type_.layout(row.label, kRowSize, true, kLabelWidth, PANGO_ALIGN_LEFT,
                              PANGO_WRAP_WORD_CHAR);
    auto value = type_.layout(row.value, kRowSize, false, kValueWidth, PANGO_ALIGN_LEFT,
                              PANGO_WRAP_WORD_CHAR);
    return std::max(Typesetter::height(label.get()), Typesetter::height(value.get())) + kRowGap;
  }

  void place_block(const Block& block, const Block* next) {
    if (block.kind == Block::Kind::kRows) {
      for (const auto& row : block.rows) place_row(row);
      return;
    }
    auto layout = heading_layout(block);
    double height = Typesetter::height(layout.get());
    double before = at_top() ? 0 : space_before(block);
    bool is_heading = block.kind != Block::Kind::kParagraph;
    double keep = is_heading && next ? first_piece_height(*next) : 0;
    if (!at_top() && y_ + before + height + keep > kBottom) {
      new_page();
      before = 0;
    }
    ensure_page();
    y_ += before;
    if (drawing()) {
      Colour colour = block.kind == Block::Kind::kParagraph ? kMuted : kTeal;
      type_.draw(layout.get(), kMargin, y_, colour);
      if (block.kind == Block::Kind::kHeading) {
        fill_rect(cr_, kMargin, y_ + height + 1, kContentWidth, 0.8, kRule);
      }
    }
    y_ += height + (block.kind == Block::Kind::kHeading ? 6 : 3);
  }

  void place_row(const Row& row) {
    auto label = type_.layout(row.label, kRowSize, true, kLabelWidth, PANGO_ALIGN_LEFT,
                              PANGO_WRAP_WORD_CHAR);
    auto value = type_.layout(row.value, kRowSize, false, kValueWidth, PANGO_ALIGN_LEFT,
                              PANGO_WRAP_WORD_CHAR);
    double height =
        std::max(Typesetter::height(label.get()), Typesetter::height(value.get())) + kRowGap;
    if (!at_top() && y_ + height > kBottom) new_page();
    ensure_page();
    if (drawing()) {
      type_.draw(label.get(), kMargin, y_, kInk);
      type_.draw(value.get(), kMargin + kLabelWidth + kColumnGap, y_, kInk);
    }
    y_ += height;
  }

  bool at_top() const { return !open_ || y_ <= kTop; }

  void ensure_page() {
    if (open_) return;
    open_ = true;
    ++page_;
    y_ = kTop;
  }

  void new_page() {
    finish_page();
    ensure_page();
  }

  void finish_page() {
    if (!open_) {
      if (page_ > 0) return;
      ensure_page();  // an empty document is still one page
    }
    if (drawing()) {
      fill_rect(cr_, kMargin, kA4Height - kMargin - kFooterHeight + 8, kContentWidth, 0.8, kRule);
      std::string text =
          document_.footer + " · " + std::to_string(page_) + " / " + std::to_string(total_);
      auto footer = type_.layout(text, 8, false, kContentWidth, PANGO_ALIGN_RIGHT);
      type_.draw(footer.get(), kMargin, kA4Height - kMargin - kFooterHeight + 14, kMuted);
      cairo_show_page(cr_);
    }
    open_ = false;
  }

  cairo_t* cr_;
  Typesetter type_;
  const Document& document_;
  int total_;  // 0 while counting
  int page_ = 0;
  bool open_ = false;
  double y_ = kTop;
};

}  // namespace

std::string render_document(const Document& document) {
  return render_a4(document.title, [&](cairo_t* cr) {
    int pages = Flow(cr, document, 0).run();
    Flow(cr, document, pages).run();
  });
}

}  // namespace qorgau::pdf
