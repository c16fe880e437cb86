// The court bundle of a case (docs/api.md "Court bundle"): one PDF with the
// case summary (parties included: the court is entitled to them), the
// timeline, and the evidence manifest with each item's SHA-256 and chain of
// custody, in one language; and, for the archive, the names the original
// files take and a SHA256SUMS file a clerk can check with `sha256sum -c`.
//
// Invariants:
//  - internal case notes, tasks and referral shares are never in the bundle
//    (the timeline says a note was added, never what it says);
//  - times are shown in the jurisdiction's time zone, with the offset;
//  - every code is shown as a word of the language (cases/bundle_labels.h);
//  - the SHA-256 printed for an item is the one recorded at upload (the
//    receipt), the same one SHA256SUMS lists.
// Building reads the stores and has no side effects: the caller audits.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "cases/cases.h"
#include "core/language.h"
#include "evidence/evidence.h"
#include "pdf/document.h"
#include "store/database.h"

namespace qorgau::cases {

// The bundle's document for `found`, whose evidence is `items`
// (EvidenceStore::for_case), as of `now_ms`.
pdf::Document bundle_document(app::Services& services, store::Connection& connection,
                              const Case& found, const std::vector<evidence::Evidence>& items,
                              core::Language language, std::int64_t now_ms);

// "evidence/<id>-<original name, sanitised>", or "evidence/<id>-evidence-<id>.<ext>" when the
// original name is empty or nothing of it survives: no path separators, no control or shell-
// hostile characters, no leading dot, at most 120 bytes cut at a UTF-8 boundary.
std::string archive_name(const evidence::Evidence& item);

struct SumLine {
  std::string sha256;  // lower-case hex
  std::string name;    // as in the archive
};

// The lines of `sha256sum` output: "<hex>  <name>\n" each.
std::string sha256sums(const std::vector<SumLine>& lines);

// SHA-256 of `bytes`, lower-case hex.
std::string sha256_hex(const std::string& bytes);

}  // namespace qorgau::cases
