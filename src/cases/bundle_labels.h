// The words of the court bundle (cases/bundle_pdf.h) in kk, ru and en: its
// fixed texts, and a label for every code a case, its timeline and its
// evidence hold (statuses, grounds, offences, event kinds, custody actions...),
// so the court reads words, not machine codes.
//
// Invariants: every text and every label exists in all three languages; a
// code the tables do not know (a newer code) is shown as the code itself,
// never dropped.
#pragma once

#include <string>
#include <string_view>

#include "core/language.h"

namespace qorgau::cases {

enum class CodeList {
  kStatus,         // case_statuses()
  kBasis,          // opening_bases()
  kGround,         // jurisdiction().case_without_complaint.grounds
  kIncidentType,   // intake::incident_types()
  kOffence,        // offence_codes()
  kCloseReason,    // close_reasons()
  kEventKind,      // what Timeline::append_event is given (cases.cc, timeline.cc, ...)
  kEvidenceKind,   // evidence::kind_name()
  kCustodyAction,  // evidence::action_name()
};

// The label of `code` in `list`, or the code itself when the list lacks it.
std::string code_label(CodeList list, std::string_view code, core::Language language);
// Whether `list` has a label for `code` (for tests of completeness).
bool has_label(CodeList list, std::string_view code);

enum class BundleText {
  kTitle,      // "Court bundle"
  kGenerated,  // "Generated"
  kSummary,    // section headings...
  kTimeline,
  kEvidence,
  kCustody,
  kCaseNumber,  // summary field labels...
  kStatus,
  kBasis,
  kGround,
  kIncidentTypes,
  kOffence,
  kRepeatOffence,
  kRegion,
  kOpened,
  kClosed,
  kCloseReason,
  kOwnerAgency,
  kAssignedAgency,
  kSurvivor,
  kAggressor,
  kFullName,
  kIin,
  kBirthDate,
  kYes,
  kNo,
  kNone,          // "—" with words: "not recorded"
  kEvidenceItem,  // "Evidence item"
  kKind,          // evidence field labels...
  kMime,
  kSize,
  kBytes,
  kSha256,
  kFileName,
  kUploaded,
  kBy,  // "by" (agency/user)
  kLastVerification,
  kIntact,
  kDamaged,
  kNotVerified,
  kNoEvidence,
  kNoEvents,
  kNotesExcluded,  // why internal notes are not in the bundle
  kTimesIn,        // "Times are in the time zone"
  kHandedTo,       // custody: "to"
  kUser,
  kAgency,
  kPage,            // "Page"
  kPublicReporter,  // who uploaded a file attached to a public report
  kSystem,          // who handed over a file attached after the report was in a case
};

const std::string& bundle_text(BundleText text, core::Language language);

}  // namespace qorgau::cases
