// A plain multi-page A4 document: headings, paragraphs and label/value rows
// flowing from page to page, each page footed with "<footer> · n / N".
// Drawn with pdf/typesetter.h, so every text is real, extractable text in
// DejaVu Sans (Kazakh letters included).
//
// Invariants of render_document's output:
//  - rows and paragraphs are never split across pages: one that does not fit
//    in what is left of a page starts the next one; a heading is never left
//    alone at the bottom of a page (it moves with its first block);
//  - every page carries its number and the total, "n / N", N being exact;
//  - texts are plain, never markup; long words (hashes, file names) break
//    between characters rather than run off the page.
#pragma once

#include <string>
#include <vector>

namespace qorgau::pdf {

struct Row {
  std::string label;
  std::string value;
};

struct Block {
  enum class Kind { kTitle, kHeading, kSubheading, kParagraph, kRows };
  Kind kind = Kind::kParagraph;
  std::string text;       // all kinds but kRows
  std::vector<Row> rows;  // kRows
};

struct Document {
  std::string language;  // BCP 47, for pango ("kk")
  std::string title;     // PDF metadata
  std::string footer;    // printed on every page before "n / N"
  std::vector<Block> blocks;
};

// The document as PDF bytes; throws PdfError (pdf/typesetter.h) when cairo fails.
std::string render_document(const Document& document);

}  // namespace qorgau::pdf
