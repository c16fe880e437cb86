// Errors a client can see. Every failure that reaches a user is an ApiError:
// an HTTP status, a stable machine-readable code, and a message in each of
// the three languages. Invariant: every ErrorCode has an entry in the
// catalogue with all three messages (checked by error_test.cc), so a client
// never receives an untranslated error.
//
// `field` names the offending input (a JSON key such as "password"); it is
// never the input's value, so errors never carry personal data.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/language.h"

namespace qorgau::core {

enum class ErrorCode {
  kInvalidJson,
  kValidationFailed,
  kUnknownField,
  kWrongType,
  kMissingField,
  kBodyTooLarge,
  kUnsupportedMediaType,
  kNotFound,
  kMethodNotAllowed,
  kNotAuthenticated,
  kSessionExpired,
  kForbidden,
  kCsrfFailed,
  kInvalidCredentials,
  kAccountLocked,
  kTooManyRequests,
  kPasswordTooShort,
  kPasswordTooLong,
  kPasswordTooCommon,
  kPasswordContainsUsername,
  kUsernameTaken,
  kInvalidUsername,
  kInvalidIin,
  kUnknownRole,
  kUnknownAgency,
  kUnknownRegion,
  kUnknownAgencyKind,
  kRequestTimeout,
  kShuttingDown,
  kNoVacancy,
  kHoldExpired,
  kInvalidState,
  kOverCapacityReasonRequired,
  kReceiptNotFound,
  kReportClosed,
  kTooManyAttachments,
  kUnsupportedFileType,
  kReconciliationBarred,
  kOrderOutOfBounds,
  kOrderKindUnavailable,
  kRiskLevelLowered,
  kInvalidInstrument,
  kInboxNotFound,
  kInternal,
};

struct ErrorInfo {
  int http_status;
  std::string_view code;  // snake_case, stable across versions
  LocalizedText message;  // may contain "{field}", replaced by the field name
};

// The catalogue entry for `code`.
const ErrorInfo& error_info(ErrorCode code);

// Every code, for tests and documentation.
const std::vector<ErrorCode>& all_error_codes();

class ApiError : public std::runtime_error {
 public:
  explicit ApiError(ErrorCode code, std::string field = {});

  ErrorCode code() const { return code_; }
  const std::string& field() const { return field_; }
  int http_status() const { return error_info(code_).http_status; }
  // The user-facing message in `language`, with {field} filled in.
  std::string message(Language language) const;

 private:
  ErrorCode code_;
  std::string field_;
};

}  // namespace qorgau::core
