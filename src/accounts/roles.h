// Permissions and roles. Deny by default: a user can do exactly what the
// permissions of their role list, and no more; every API route names the one
// permission it needs (or is explicitly public). The table of roles is the
// single source of truth; tests/api/authorization_matrix_test.cc checks every
// role against every route from it.
//
// Scope says which records a role's permissions reach:
//   kNational - all agencies;  kRegion - agencies in the user's agency's
//   region;  kAgency - the user's own agency only.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace qorgau::accounts {

enum class Permission {
  kUsersRead,
  kUsersManage,
  kAgenciesRead,
  kAgenciesManage,
  kAuditRead,
  kAuditVerify,
  kPeopleRead,
  kPeopleWrite,
  kHelpManage,             // edit the public help directory
  kSheltersRead,           // see crisis centres and their live vacancies
  kSheltersRefer,          // hold a bed and send an opaque referral
  kSheltersOperate,        // run a centre: occupancy, referrals in, admissions, discharges
  kSheltersManage,         // add crisis centres to the network
  kSheltersReports,        // occupancy, turn-away and stay statistics
  kIntakeTriage,           // the queue of public reports: read, review, close
  kEvidenceRead,           // see evidence files, download and verify them, read their custody
  kEvidenceWrite,          // upload evidence and hand it over to another agency
  kCasesRead,              // cases in scope: list, search, the one-screen view
  kCasesWrite,             // open cases, move them through the lifecycle, notes, tasks, referrals
  kCasesExportAnonymised,  // the GBVIMS-style incident export: codes, no one named
  kOrdersWrite,            // issue, serve, extend and revoke protective orders; attendance
  kOrdersVerify,           // check a person against orders in force; record a violation
  kRiskInstrumentsManage,  // load risk instruments (questionnaires as data) and new versions
};

enum class Scope { kNational, kRegion, kAgency };

std::string_view name(Permission permission);  // "users.read"
std::string_view name(Scope scope);            // "national"
const std::vector<Permission>& all_permissions();

struct Role {
  std::string_view name;  // "police_inspector"
  Scope scope;
  std::set<Permission> permissions;

  bool allows(Permission p) const { return permissions.count(p) > 0; }
};

const std::vector<Role>& all_roles();
const Role* find_role(std::string_view name);

}  // namespace qorgau::accounts
