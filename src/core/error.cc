#include "core/error.h"

#include <array>
#include <vector>

namespace qorgau::core {

namespace {

// One row per ErrorCode, in enum order (checked by error_test.cc).
const std::array<std::pair<ErrorCode, ErrorInfo>, 44> kCatalogue = {{
    {ErrorCode::kInvalidJson,
     {400,
      "invalid_json",
      {"Сұраудың денесі дұрыс JSON емес.", "Тело запроса не является корректным JSON.",
       "The request body is not valid JSON."}}},
    {ErrorCode::kValidationFailed,
     {400,
      "validation_failed",
      {"«{field}» өрісінің мәні жарамсыз.", "Недопустимое значение поля «{field}».",
       "The value of “{field}” is not valid."}}},
    {ErrorCode::kUnknownField,
     {400,
      "unknown_field",
      {"«{field}» өрісі бұл сұрауда қабылданбайды.",
       "Поле «{field}» не допускается в этом запросе.",
       "The field “{field}” is not accepted in this request."}}},
    {ErrorCode::kWrongType,
     {400,
      "wrong_type",
      {"«{field}» өрісінің түрі дұрыс емес.", "Поле «{field}» имеет неверный тип.",
       "The field “{field}” has the wrong type."}}},
    {ErrorCode::kMissingField,
     {400,
      "missing_field",
      {"«{field}» өрісі міндетті.", "Поле «{field}» обязательно.",
       "The field “{field}” is required."}}},
    {ErrorCode::kBodyTooLarge,
     {413,
      "body_too_large",
      {"Сұрау тым үлкен.", "Запрос слишком большой.", "The request is too large."}}},
    {ErrorCode::kUnsupportedMediaType,
     {415,
      "unsupported_media_type",
      {"Сұрау JSON форматында болуы керек.", "Запрос должен быть в формате JSON.",
       "The request must be JSON."}}},
    {ErrorCode::kNotFound,
     {404,
      "not_found",
      {"Сұралған нәрсе табылмады.", "Запрошенный объект не найден.",
       "What you asked for was not found."}}},
    {ErrorCode::kMethodNotAllowed,
     {405,
      "method_not_allowed",
      {"Бұл әрекет осы мекенжай үшін қолдау көрсетілмейді.",
       "Этот метод не поддерживается для данного адреса.",
       "This method is not supported for this address."}}},
    {ErrorCode::kNotAuthenticated,
     {401, "not_authenticated", {"Жүйеге кіріңіз.", "Войдите в систему.", "Please log in."}}},
    {ErrorCode::kSessionExpired,
     {401,
      "session_expired",
      {"Сеанс белсенділік болмағандықтан аяқталды. Қайта кіріңіз.",
       "Сеанс завершён из-за бездействия. Войдите снова.",
       "Your session ended after a period of inactivity. Please log in again."}}},
    {ErrorCode::kForbidden,
     {403,
      "forbidden",
      {"Бұл әрекетке рұқсатыңыз жоқ.", "У вас нет прав на это действие.",
       "You do not have permission to do this."}}},
    {ErrorCode::kCsrfFailed,
     {403,
      "csrf_failed",
      {"Сұрауды растау мүмкін болмады. Бетті жаңартып, қайталап көріңіз.",
       "Не удалось подтвердить запрос. Обновите страницу и повторите.",
       "The request could not be verified. Reload the page and try again."}}},
    {ErrorCode::kInvalidCredentials,
     {401,
      "invalid_credentials",
      {"Пайдаланушы аты немесе құпиясөз қате.", "Неверное имя пользователя или пароль.",
       "Wrong username or password."}}},
    {ErrorCode::kAccountLocked,
     {423,
      "account_locked",
      {"Тым көп сәтсіз әрекет. Тіркелгі уақытша бұғатталды, кейінірек қайталаңыз.",
       "Слишком много неудачных попыток. Учётная запись временно заблокирована, повторите позже.",
       "Too many failed attempts. The account is temporarily locked; try again later."}}},
    {ErrorCode::kTooManyRequests,
     {429,
      "too_many_requests",
      {"Тым көп сұрау. Біраз күтіп, қайталаңыз.", "Слишком много запросов. Подождите и повторите.",
       "Too many requests. Please wait and try again."}}},
    {ErrorCode::kPasswordTooShort,
     {400,
      "password_too_short",
      {"Құпиясөз кемінде 12 таңбадан тұруы керек.", "Пароль должен содержать не менее 12 символов.",
       "The password must be at least 12 characters long."}}},
    {ErrorCode::kPasswordTooLong,
     {400,
      "password_too_long",
      {"Құпиясөз тым ұзын (ең көбі 128 таңба).", "Пароль слишком длинный (не более 128 символов).",
       "The password is too long (at most 128 characters)."}}},
    {ErrorCode::kPasswordTooCommon,
     {400,
      "password_too_common",
      {"Бұл құпиясөз тым кең таралған немесе оңай болжанады. Басқасын таңдаңыз.",
       "Этот пароль слишком распространён или легко угадывается. Выберите другой.",
       "This password is too common or easy to guess. Choose another."}}},
    {ErrorCode::kPasswordContainsUsername,
     {400,
      "password_contains_username",
      {"Құпиясөзде пайдаланушы аты болмауы керек.", "Пароль не должен содержать имя пользователя.",
       "The password must not contain the username."}}},
    {ErrorCode::kUsernameTaken,
     {409,
      "username_taken",
      {"Бұл пайдаланушы аты бос емес.", "Это имя пользователя уже занято.",
       "This username is already taken."}}},
    {ErrorCode::kInvalidUsername,
     {400,
      "invalid_username",
      {"Пайдаланушы аты 3–64 таңбадан тұруы керек: латын әріптері, сандар, нүкте, сызықша, астын "
       "сызу.",
       "Имя пользователя: 3–64 символа — латинские буквы, цифры, точка, дефис, подчёркивание.",
       "A username is 3–64 characters: Latin letters, digits, dot, hyphen, underscore."}}},
    {ErrorCode::kInvalidIin,
     {400,
      "invalid_iin",
      {"ЖСН жарамсыз: {field}.", "Недействительный ИИН: {field}.",
       "The IIN is not valid: {field}."}}},
    {ErrorCode::kUnknownRole,
     {400, "unknown_role", {"Мұндай рөл жоқ.", "Такой роли нет.", "There is no such role."}}},
    {ErrorCode::kUnknownAgency,
     {400,
      "unknown_agency",
      {"Мұндай мекеме жоқ.", "Такого ведомства нет.", "There is no such agency."}}},
    {ErrorCode::kUnknownRegion,
     {400,
      "unknown_region",
      {"Мұндай өңір жоқ.", "Такого региона нет.", "There is no such region."}}},
    {ErrorCode::kUnknownAgencyKind,
     {400,
      "unknown_agency_kind",
      {"Мекеменің мұндай түрі жоқ.", "Такого типа ведомства нет.",
       "There is no such kind of agency."}}},
    {ErrorCode::kRequestTimeout,
     {408,
      "request_timeout",
      {"Сұрау уақытында келмеді.", "Запрос не поступил вовремя.",
       "The request did not arrive in time."}}},
    {ErrorCode::kShuttingDown,
     {503,
      "shutting_down",
      {"Сервер қайта іске қосылып жатыр. Біраздан кейін қайталаңыз.",
       "Сервер перезапускается. Повторите через минуту.",
       "The server is restarting. Please try again in a moment."}}},
    {ErrorCode::kNoVacancy,
     {409,
      "no_vacancy",
      {"Бұл орталықта осы отбасына бос орын жоқ. Басқа орталықты іздеңіз.",
       "В этом центре нет свободных мест для этой семьи. Найдите другой центр.",
       "This centre has no free place for this household. Please look for another centre."}}},
    {ErrorCode::kHoldExpired,
     {409,
      "hold_expired",
      {"Орынды ұстау мерзімі бітті. Орынды қайта ұстаңыз.",
       "Бронь места истекла. Забронируйте место заново.",
       "The hold on this place has expired. Please hold a place again."}}},
    {ErrorCode::kInvalidState,
     {409,
      "invalid_state",
      {"Бұл әрекетті қазір орындау мүмкін емес: жазба басқа күйде.",
       "Это действие сейчас невозможно: запись в другом состоянии.",
       "This cannot be done now: the record is in another state."}}},
    {ErrorCode::kOverCapacityReasonRequired,
     {409,
      "over_capacity_reason_required",
      {"Орталық толы. Сыйымдылықтан тыс қабылдау үшін себебін жазыңыз.",
       "Центр заполнен. Чтобы принять сверх вместимости, укажите причину.",
       "The centre is full. To go over capacity, give the reason."}}},
    {ErrorCode::kReceiptNotFound,
     {404,
      "receipt_not_found",
      {"Мұндай код пен құпия сөз жиынтығы бар хабарлама табылмады. Екеуін де тексеріңіз.",
       "Сообщение с таким кодом и секретом не найдено. Проверьте оба.",
       "No report was found with this code and secret. Please check both."}}},
    {ErrorCode::kReportClosed,
     {409,
      "report_closed",
      {"Бұл хабарлама жабылды және оған қосымша қабылданбайды. Жаңа хабарлама жіберіңіз немесе "
       "сенім телефонына қоңырау шалыңыз.",
       "Это сообщение закрыто, дополнения к нему не принимаются. Отправьте новое сообщение или "
       "позвоните на линию помощи.",
       "This report is closed and takes no more additions. Please send a new report or call a "
       "help line."}}},
    {ErrorCode::kTooManyAttachments,
     {409,
      "too_many_attachments",
      {"Бұл хабарламаға файлдар саны шегіне жетті. Қосымша материалдарды мамандарға кейін беруге "
       "болады.",
       "К этому сообщению уже приложено максимальное число файлов. Остальные материалы можно "
       "передать специалистам позже.",
       "This report already has as many files as it can take. Further material can be given to "
       "the specialists later."}}},
    {ErrorCode::kUnsupportedFileType,
     {415,
      "unsupported_file_type",
      {"Бұл файл түрі қабылданбайды. Фото (JPEG, PNG, HEIC, WebP, GIF), бейне (MP4, MOV, WebM, "
       "3GP), аудио (MP3, M4A, OGG, WAV) немесе PDF жүктеңіз.",
       "Этот тип файла не принимается. Загрузите фото (JPEG, PNG, HEIC, WebP, GIF), видео (MP4, "
       "MOV, WebM, 3GP), аудио (MP3, M4A, OGG, WAV) или PDF.",
       "This type of file is not accepted. Upload a photo (JPEG, PNG, HEIC, WebP, GIF), video "
       "(MP4, MOV, WebM, 3GP), audio (MP3, M4A, OGG, WAV) or a PDF."}}},
    {ErrorCode::kReconciliationBarred,
     {409,
      "reconciliation_barred",
      {"Бұл істі татуласумен жабуға болмайды: заң қайталанған құқық бұзушылықта татуласуға тыйым "
       "салады.",
       "Это дело нельзя закрыть примирением: закон запрещает примирение при повторном "
       "правонарушении.",
       "This case cannot be closed by reconciliation: the law bars reconciliation for a repeat "
       "offence."}}},
    {ErrorCode::kOrderOutOfBounds,
     {422,
      "order_out_of_bounds",
      {"Мерзім заңда белгіленген шектен тыс ({field}). Осы түрдегі нұсқаманың рұқсат етілген "
       "мерзімін тексеріңіз.",
       "Срок вне пределов, установленных законом ({field}). Проверьте допустимый срок для этого "
       "вида предписания.",
       "The term is outside the legal bounds ({field}). Check the term allowed for this kind of "
       "order."}}},
    {ErrorCode::kOrderKindUnavailable,
     {422,
      "order_kind_unavailable",
      {"Бұл нұсқама түрі осы юрисдикцияның заңында қарастырылмаған.",
       "Этот вид предписания не предусмотрен законом этой юрисдикции.",
       "This kind of order is not provided for by the law of this jurisdiction."}}},
    {ErrorCode::kRiskLevelLowered,
     {422,
      "risk_level_lowered",
      {"Тәуекел деңгейін есептелген деңгейден төмендетуге болмайды, тек жоғарылатуға болады.",
       "Уровень риска нельзя понизить ниже рассчитанного, его можно только повысить.",
       "The risk level cannot be set below the computed level; it can only be raised."}}},
    {ErrorCode::kInvalidInstrument,
     {422,
      "invalid_instrument",
      {"Бағалау сауалнамасының файлы жарамсыз: {field}",
       "Файл опросника оценки риска неверен: {field}",
       "The risk questionnaire file is not valid: {field}"}}},
    {ErrorCode::kInboxNotFound,
     {404,
      "inbox_not_found",
      {"Мұндай код пен құпия сөзі бар хабарламалар жәшігі табылмады. Екеуін де тексеріңіз.",
       "Ящик сообщений с таким кодом и секретом не найден. Проверьте оба.",
       "No inbox was found with this code and secret. Please check both."}}},
    {ErrorCode::kInternal,
     {500,
      "internal_error",
      {"Ішкі қате. Ештеңе сақталмады; қайталап көріңіз.",
       "Внутренняя ошибка. Ничего не сохранено; попробуйте ещё раз.",
       "Internal error. Nothing was saved; please try again."}}},
}};

}  // namespace

const ErrorInfo& error_info(ErrorCode code) {
  return kCatalogue.at(static_cast<size_t>(code)).second;
}

const std::vector<ErrorCode>& all_error_codes() {
  static const std::vector<ErrorCode> kCodes = [] {
    std::vector<ErrorCode> codes;
    codes.reserve(kCatalogue.size());
    for (const auto& row : kCatalogue) codes.push_back(row.first);
    return codes;
  }();
  return kCodes;
}

ApiError::ApiError(ErrorCode code, std::string field)
    : std::runtime_error(std::string(error_info(code).code)),
      code_(code),
      field_(std::move(field)) {}

std::string ApiError::message(Language language) const {
  std::string text = error_info(code_).message.in(language);
  static constexpr std::string_view kPlaceholder = "{field}";
  if (auto at = text.find(kPlaceholder); at != std::string::npos) {
    text.replace(at, kPlaceholder.size(), field_);
  }
  return text;
}

}  // namespace qorgau::core
