#include "accounts/roles.h"

namespace qorgau::accounts {

std::string_view name(Permission permission) {
  switch (permission) {
    case Permission::kUsersRead:
      return "users.read";
    case Permission::kUsersManage:
      return "users.manage";
    case Permission::kAgenciesRead:
      return "agencies.read";
    case Permission::kAgenciesManage:
      return "agencies.manage";
    case Permission::kAuditRead:
      return "audit.read";
    case Permission::kAuditVerify:
      return "audit.verify";
    case Permission::kPeopleRead:
      return "people.read";
    case Permission::kPeopleWrite:
      return "people.write";
    case Permission::kHelpManage:
      return "help.manage";
    case Permission::kSheltersRead:
      return "shelters.read";
    case Permission::kSheltersRefer:
      return "shelters.refer";
    case Permission::kSheltersOperate:
      return "shelters.operate";
    case Permission::kSheltersManage:
      return "shelters.manage";
    case Permission::kSheltersReports:
      return "shelters.reports";
    case Permission::kIntakeTriage:
      return "intake.triage";
    case Permission::kEvidenceRead:
      return "evidence.read";
    case Permission::kEvidenceWrite:
      return "evidence.write";
    case Permission::kCasesRead:
      return "cases.read";
    case Permission::kCasesWrite:
      return "cases.write";
    case Permission::kCasesExportAnonymised:
      return "cases.export_anonymised";
    case Permission::kOrdersWrite:
      return "orders.write";
    case Permission::kOrdersVerify:
      return "orders.verify";
    case Permission::kRiskInstrumentsManage:
      return "risk.instruments.manage";
  }
  return "unknown";
}

std::string_view name(Scope scope) {
  switch (scope) {
    case Scope::kNational:
      return "national";
    case Scope::kRegion:
      return "region";
    case Scope::kAgency:
      return "agency";
  }
  return "agency";
}

const std::vector<Permission>& all_permissions() {
  static const std::vector<Permission> kAll = {
      Permission::kUsersRead,
      Permission::kUsersManage,
      Permission::kAgenciesRead,
      Permission::kAgenciesManage,
      Permission::kAuditRead,
      Permission::kAuditVerify,
      Permission::kPeopleRead,
      Permission::kPeopleWrite,
      Permission::kHelpManage,
      Permission::kSheltersRead,
      Permission::kSheltersRefer,
      Permission::kSheltersOperate,
      Permission::kSheltersManage,
      Permission::kSheltersReports,
      Permission::kIntakeTriage,
      Permission::kEvidenceRead,
      Permission::kEvidenceWrite,
      Permission::kCasesRead,
      Permission::kCasesWrite,
      Permission::kCasesExportAnonymised,
      Permission::kOrdersWrite,
      Permission::kOrdersVerify,
      Permission::kRiskInstrumentsManage,
  };
  return kAll;
}

// Survivor data (people.*) is reachable only by roles that work with cases.
// Administrators manage accounts but cannot read survivors' records; auditors
// read the audit trail, which holds no personal data. Shelter residents are
// seen only by the staff of their own centre (shelters.operate, agency scope)
// and the ministry's coordinator; referrers see vacancies, never residents.
// Public reports (intake.triage) reach the 111 contact centre and the police
// of the report's region. Cases are written by the 111 contact centre, the police and
// case workers, and read also by prosecutors and judges (cases.read/cases.write); a case is
// reached through its owner or assigned agency, or, for the consented fields only, through an
// accepted referral (src/cases/cases_api.h).
// The anonymised incident export (cases.export_anonymised: codes, no one named,
// src/cases/gbvims.h) goes to those who write cases and keep the statistics of
// their services, and to the analyst and the ministry's coordinator, who need
// aggregate-level data without reading any case.
// Risk instruments (the questionnaires, as data) are loaded by the system administrator, who
// reads no case; assessing a case's risk is case work (cases.read/cases.write).
// Evidence (photos, recordings, documents) is uploaded by those who take
// reports and work cases, and read by them and by prosecutors and judges.
// Protective orders are issued by the police (police orders) and recorded by judges (court
// orders): orders.write. Any officer who may meet the respondent checks a person against the
// orders in force and records a violation found: orders.verify (police, 111 operators,
// prosecutors, judges); orders.write holders all have it too.
const std::vector<Role>& all_roles() {
  using P = Permission;
  static const std::vector<Role> kRoles = {
      {"system_admin",
       Scope::kNational,
       {P::kUsersRead, P::kUsersManage, P::kAgenciesRead, P::kAgenciesManage, P::kAuditRead,
        P::kAuditVerify, P::kRiskInstrumentsManage}},
      {"auditor",
       Scope::kNational,
       {P::kAuditRead, P::kAuditVerify, P::kUsersRead, P::kAgenciesRead}},
      {"agency_admin", Scope::kAgency, {P::kUsersRead, P::kUsersManage, P::kAgenciesRead}},
      {"operator_111",
       Scope::kRegion,
       {P::kPeopleRead, P::kPeopleWrite, P::kAgenciesRead, P::kSheltersRead, P::kSheltersRefer,
        P::kIntakeTriage, P::kEvidenceRead, P::kEvidenceWrite, P::kCasesRead, P::kCasesWrite,
        P::kCasesExportAnonymised, P::kOrdersVerify}},
      {"police_inspector",
       Scope::kRegion,
       {P::kPeopleRead, P::kPeopleWrite, P::kAgenciesRead, P::kSheltersRead, P::kSheltersRefer,
        P::kIntakeTriage, P::kEvidenceRead, P::kEvidenceWrite, P::kCasesRead, P::kCasesWrite,
        P::kCasesExportAnonymised, P::kOrdersWrite, P::kOrdersVerify}},
      {"case_worker",
       Scope::kAgency,
       {P::kPeopleRead, P::kPeopleWrite, P::kAgenciesRead, P::kSheltersRead, P::kSheltersRefer,
        P::kEvidenceRead, P::kEvidenceWrite, P::kCasesRead, P::kCasesWrite,
        P::kCasesExportAnonymised}},
      {"shelter_staff",
       Scope::kAgency,
       {P::kPeopleRead, P::kPeopleWrite, P::kSheltersRead, P::kSheltersOperate}},
      {"prosecutor",
       Scope::kRegion,
       {P::kPeopleRead, P::kAgenciesRead, P::kEvidenceRead, P::kCasesRead, P::kOrdersVerify}},
      {"judge",
       Scope::kRegion,
       {P::kPeopleRead, P::kEvidenceRead, P::kCasesRead, P::kOrdersWrite, P::kOrdersVerify}},
      {"analyst",
       Scope::kNational,
       {P::kAgenciesRead, P::kSheltersReports, P::kCasesExportAnonymised}},
      {"ministry_coordinator",
       Scope::kNational,
       {P::kAgenciesRead, P::kHelpManage, P::kSheltersRead, P::kSheltersOperate, P::kSheltersManage,
        P::kSheltersReports, P::kCasesExportAnonymised}},
  };
  return kRoles;
}

const Role* find_role(std::string_view role_name) {
  for (const auto& role : all_roles()) {
    if (role.name == role_name) return &role;
  }
  return nullptr;
}

}  // namespace qorgau::accounts
