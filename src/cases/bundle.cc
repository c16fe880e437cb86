#include "cases/bundle.h"

#include <sodium.h>

#include <map>
#include <optional>

#include "cases/bundle_labels.h"
#include "core/bytes.h"
#include "core/local_time.h"
#include "evidence/media_type.h"

namespace qorgau::cases {

using core::Language;
using pdf::Block;
using pdf::Row;

namespace {

constexpr std::size_t kMaxArchiveNameBytes = 120;

// Names of agencies and users, each looked up once.
class Names {
 public:
  Names(app::Services& s, store::Connection& c) : s_(s), c_(c) {}

  const std::string& agency(std::int64_t id) {
    auto [it, fresh] = agencies_.try_emplace(id);
    if (fresh) {
      auto found = s_.agencies().find(c_, id);
      it->second = found ? found->name : "#" + std::to_string(id);
    }
    return it->second;
  }

  const std::string& user(std::int64_t id) {
    auto [it, fresh] = users_.try_emplace(id);
    if (fresh) {
      auto found = s_.users().find(c_, id);
      it->second = found ? found->display_name : "#" + std::to_string(id);
    }
    return it->second;
  }

 private:
  app::Services& s_;
  store::Connection& c_;
  std::map<std::int64_t, std::string> agencies_;
  std::map<std::int64_t, std::string> users_;
};

// Builds the document's blocks in one language.
class Writer {
 public:
  Writer(app::Services& s, store::Connection& c, Language l)
      : s_(s), c_(c), l_(l), names_(s, c), zone_(*s.jurisdiction().zone) {}

  std::string text(BundleText t) const { return bundle_text(t, l_); }
  std::string label(CodeList list, const std::string& code) const {
    return code_label(list, code, l_);
  }
  std::string when(std::int64_t ms) const { return core::format_local_minutes(ms, zone_); }
  std::string or_none(const std::optional<std::string>& value) const {
    return value && !value->empty() ? *value : text(BundleText::kNone);
  }

  void block(Block::Kind kind, std::string content) {
    blocks_.push_back({kind, std::move(content), {}});
  }
  void rows(std::vector<Row> items) {
    blocks_.push_back({Block::Kind::kRows, "", std::move(items)});
  }

  void summary(const Case& found) {
    block(Block::Kind::kHeading, text(BundleText::kSummary));
    std::string types;
    for (const auto& type : found.incident_types) {
      types += (types.empty() ? "" : "; ") + label(CodeList::kIncidentType, type);
    }
    const core::Region* region = s_.jurisdiction().find_region(found.region_kato);
    std::vector<Row> out = {
        {text(BundleText::kCaseNumber), found.case_number},
        {text(BundleText::kStatus), label(CodeList::kStatus, found.status)},
        {text(BundleText::kBasis), label(CodeList::kBasis, found.basis)},
    };
    if (found.ground)
      out.push_back({text(BundleText::kGround), label(CodeList::kGround, *found.ground)});
    out.push_back({text(BundleText::kIncidentTypes), types});
    out.push_back({text(BundleText::kOffence), found.offence
                                                   ? label(CodeList::kOffence, *found.offence)
                                                   : text(BundleText::kNone)});
    if (found.offence) {
      out.push_back({text(BundleText::kRepeatOffence),
                     text(found.repeat_offence ? BundleText::kYes : BundleText::kNo)});
    }
    out.push_back({text(BundleText::kRegion),
                   region ? region->name.in(l_) + " (" + region->kato + ")" : found.region_kato});
    out.push_back({text(BundleText::kOpened), when(found.opened_at)});
    if (found.closed_at) out.push_back({text(BundleText::kClosed), when(*found.closed_at)});
    if (found.close_reason) {
      out.push_back(
          {text(BundleText::kCloseReason), label(CodeList::kCloseReason, *found.close_reason)});
    }
    out.push_back({text(BundleText::kOwnerAgency), names_.agency(found.owner_agency_id)});
    out.push_back({text(BundleText::kAssignedAgency), found.assigned_agency_id
                                                          ? names_.agency(*found.assigned_agency_id)
                                                          : text(BundleText::kNone)});
    rows(std::move(out));
    person(BundleText::kSurvivor, found.survivor_person_id);
    person(BundleText::kAggressor, found.aggressor_person_id);
  }

  void person(BundleText role, std::int64_t id) {
    block(Block::Kind::kSubheading, text(role));
    auto found = s_.people().find(c_, id);
    if (!found) return;
    rows({{text(BundleText::kFullName), found->full_name},
          {text(BundleText::kIin), or_none(found->iin)},
          {text(BundleText::kBirthDate), or_none(found->birth_date)}});
  }

  void timeline(std::int64_t case_id) {
    block(Block::Kind::kHeading, text(BundleText::kTimeline));
    block(Block::Kind::kParagraph, text(BundleText::kTimesIn) + ": " + zone_.name() + ". " +
                                       text(BundleText::kNotesExcluded));
    std::vector<Row> out;
    for (const auto& e : s_.case_timeline().events(c_, case_id)) {
      std::string what = label(CodeList::kEventKind, e.kind);
      if (!e.detail.empty()) what += " — " + e.detail;
      if (e.user_id) what += " · " + text(BundleText::kUser) + ": " + names_.user(*e.user_id);
      out.push_back({when(e.at_ms), what});
    }
    if (out.empty()) {
      block(Block::Kind::kParagraph, text(BundleText::kNoEvents));
      return;
    }
    rows(std::move(out));
  }

  void manifest(const std::vector<evidence::Evidence>& items) {
    block(Block::Kind::kHeading, text(BundleText::kEvidence));
    if (items.empty()) block(Block::Kind::kParagraph, text(BundleText::kNoEvidence));
    for (const auto& item : items) {
      block(Block::Kind::kSubheading,
            text(BundleText::kEvidenceItem) + " #" + std::to_string(item.id));
      std::string verification = text(BundleText::kNotVerified);
      if (item.last_verified_at && item.last_verified_intact) {
        verification =
            text(*item.last_verified_intact ? BundleText::kIntact : BundleText::kDamaged) + ", " +
            when(*item.last_verified_at);
      }
      rows({{text(BundleText::kKind), label(CodeList::kEvidenceKind, item.kind)},
            {text(BundleText::kMime), item.mime},
            {text(BundleText::kSize), std::to_string(item.size) + " " + text(BundleText::kBytes)},
            {text(BundleText::kSha256), item.sha256},
            {text(BundleText::kFileName), or_none(item.filename)},
            {text(BundleText::kUploaded),
             when(item.uploaded_at) + " · " +
                 (item.uploaded_by && item.agency_id
                      ? names_.agency(*item.agency_id) + " · " + names_.user(*item.uploaded_by)
                      : text(BundleText::kPublicReporter))},
            {text(BundleText::kLastVerification), verification}});
      block(Block::Kind::kParagraph, text(BundleText::kCustody) + " #" + std::to_string(item.id));
      std::vector<Row> custody;
      for (const auto& event : s_.evidence().custody(c_, item.id)) {
        std::string what = label(CodeList::kCustodyAction, event.action) + " · ";
        if (event.user_id && event.agency_id) {
          what += names_.agency(*event.agency_id) + " · " + names_.user(*event.user_id);
        } else {  // no user: see evidence::Actor
          what +=
              text(event.action == "upload" ? BundleText::kPublicReporter : BundleText::kSystem);
        }
        if (event.to_agency_id) {
          what += " → " + text(BundleText::kHandedTo) + ": " + names_.agency(*event.to_agency_id);
        }
        if (event.intact) {
          what += " · " + text(*event.intact ? BundleText::kIntact : BundleText::kDamaged);
        }
        if (event.note && !event.note->empty()) what += " · " + *event.note;
        custody.push_back({when(event.at), what});
      }
      rows(std::move(custody));
    }
  }

  std::vector<Block> take() { return std::move(blocks_); }

 private:
  app::Services& s_;
  store::Connection& c_;
  Language l_;
  Names names_;
  const core::TimeZone& zone_;
  std::vector<Block> blocks_;
};

bool safe_ascii(char ch) {
  auto c = static_cast<unsigned char>(ch);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("._-()+,=@ ").find(ch) != std::string_view::npos;
}

}  // namespace

pdf::Document bundle_document(app::Services& services, store::Connection& connection,
                              const Case& found, const std::vector<evidence::Evidence>& items,
                              Language language, std::int64_t now_ms) {
  Writer w(services, connection, language);
  pdf::Document document;
  document.language = std::string(core::code(language));
  document.title = w.text(BundleText::kTitle) + " " + found.case_number;
  document.footer = document.title;
  w.block(Block::Kind::kTitle, document.title);
  w.block(Block::Kind::kParagraph, w.text(BundleText::kGenerated) + ": " + w.when(now_ms));
  w.summary(found);
  w.timeline(found.id);
  w.manifest(items);
  document.blocks = w.take();
  return document;
}

std::string archive_name(const evidence::Evidence& item) {
  std::string name;
  for (char ch : item.filename) {
    // Bytes of multi-byte UTF-8 characters pass (the name was checked as UTF-8 at upload).
    name.push_back(static_cast<unsigned char>(ch) >= 0x80 || safe_ascii(ch) ? ch : '_');
  }
  while (!name.empty() && (name.front() == '.' || name.front() == ' ')) name.erase(0, 1);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  if (name.size() > kMaxArchiveNameBytes) {
    std::size_t cut = kMaxArchiveNameBytes;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  const std::string id = std::to_string(item.id);
  if (name.empty()) name = "evidence-" + id + "." + std::string(evidence::extension_for(item.mime));
  return "evidence/" + id + "-" + name;
}

std::string sha256sums(const std::vector<SumLine>& lines) {
  std::string out;
  for (const auto& line : lines) out += line.sha256 + "  " + line.name + "\n";
  return out;
}

std::string sha256_hex(const std::string& bytes) {
  core::Bytes digest(crypto_hash_sha256_BYTES);
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  return core::to_hex(digest);
}

}  // namespace qorgau::cases
