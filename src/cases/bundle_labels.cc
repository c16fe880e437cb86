#include "cases/bundle_labels.h"

#include <map>

namespace qorgau::cases {

using core::LocalizedText;

namespace {

using Table = std::map<std::string_view, LocalizedText>;

const Table& statuses() {
  static const Table kTable = {
      {"opened", {"Ашылды", "Открыто", "Opened"}},
      {"under_investigation", {"Тергелуде", "Расследуется", "Under investigation"}},
      {"sent_to_court", {"Сотқа жіберілді", "Направлено в суд", "Sent to court"}},
      {"decided", {"Шешім шығарылды", "Решение вынесено", "Decided"}},
      {"closed", {"Жабылды", "Закрыто", "Closed"}},
  };
  return kTable;
}

const Table& bases() {
  static const Table kTable = {
      {"complaint", {"Жәбірленушінің арызы", "Заявление потерпевшей", "Survivor's complaint"}},
      {"without_complaint",
       {"Жәбірленушінің арызынсыз", "Без заявления потерпевшей",
        "Without the survivor's complaint"}},
  };
  return kTable;
}

const Table& grounds() {
  static const Table kTable = {
      {"video", {"Бейнежазба", "Видеозапись", "Video recording"}},
      {"camera_footage",
       {"Бақылау камерасының жазбасы", "Запись камер наблюдения", "Surveillance camera footage"}},
      {"witnesses", {"Куәгерлердің айғақтары", "Показания свидетелей", "Witness statements"}},
      {"mobile_team",
       {"Жедел топтың хабарламасы", "Сообщение мобильной группы", "Mobile team report"}},
      {"monitoring", {"Мониторинг", "Мониторинг", "Monitoring"}},
  };
  return kTable;
}

const Table& incident_types() {
  static const Table kTable = {
      {"rape", {"Зорлау", "Изнасилование", "Rape"}},
      {"sexual_assault",
       {"Жыныстық сипаттағы зорлық әрекеттер", "Насильственные действия сексуального характера",
        "Sexual assault"}},
      {"physical_assault", {"Дене зорлығы", "Физическое насилие", "Physical assault"}},
      {"forced_marriage", {"Мәжбүрлі неке", "Принудительный брак", "Forced marriage"}},
      {"denial_of_resources",
       {"Қаражаттан, құжаттардан немесе көмектен айыру", "Лишение средств, документов или помощи",
        "Denial of resources"}},
      {"psychological_abuse",
       {"Психологиялық зорлық", "Психологическое насилие", "Psychological abuse"}},
      {"stalking", {"Аңду", "Преследование", "Stalking"}},
      {"online_harassment",
       {"Интернеттегі қудалау", "Преследование в интернете", "Online harassment"}},
      {"bride_kidnapping", {"Қалыңдықты алып қашу", "Похищение невесты", "Bride kidnapping"}},
      {"bullying_of_minor",
       {"Кәмелетке толмағанды қорлау (буллинг)", "Травля несовершеннолетнего (буллинг)",
        "Bullying of a minor"}},
  };
  return kTable;
}

const Table& offences() {
  static const Table kTable = {
      {"battery", {"Ұрып-соғу", "Побои", "Battery"}},
      {"minor_harm",
       {"Денсаулыққа жеңіл зиян келтіру", "Причинение лёгкого вреда здоровью",
        "Minor bodily harm"}},
      {"moderate_harm",
       {"Денсаулыққа орташа ауырлықтағы зиян келтіру", "Причинение вреда здоровью средней тяжести",
        "Moderate bodily harm"}},
      {"grave_harm",
       {"Денсаулыққа ауыр зиян келтіру", "Причинение тяжкого вреда здоровью", "Grave bodily harm"}},
      {"threat", {"Қорқыту", "Угроза", "Threat"}},
      {"sexual_violence", {"Жыныстық зорлық", "Сексуальное насилие", "Sexual violence"}},
      {"stalking", {"Аңду", "Преследование", "Stalking"}},
      {"other", {"Басқа", "Иное", "Other"}},
  };
  return kTable;
}

const Table& close_reasons() {
  static const Table kTable = {
      {"decision_executed", {"Шешім орындалды", "Решение исполнено", "Decision executed"}},
      {"no_offence", {"Құқық бұзушылық жоқ", "Отсутствие правонарушения", "No offence"}},
      {"insufficient_evidence",
       {"Дәлелдемелер жеткіліксіз", "Недостаточно доказательств", "Insufficient evidence"}},
      {"reconciliation", {"Татуласу", "Примирение сторон", "Reconciliation"}},
      {"duplicate", {"Қайталанған іс", "Дубликат", "Duplicate"}},
      {"transferred", {"Басқа органға берілді", "Передано в другой орган", "Transferred"}},
  };
  return kTable;
}

const Table& event_kinds() {
  static const Table kTable = {
      {"opened", {"Іс ашылды", "Дело открыто", "Case opened"}},
      {"status_changed", {"Мәртебе өзгертілді", "Статус изменён", "Status changed"}},
      {"closed", {"Іс жабылды", "Дело закрыто", "Case closed"}},
      {"assigned", {"Іс тағайындалды", "Дело назначено", "Case assigned"}},
      {"offence_recorded",
       {"Құқық бұзушылық тіркелді", "Правонарушение записано", "Offence recorded"}},
      {"referral_sent", {"Жолдама жіберілді", "Направление отправлено", "Referral sent"}},
      {"referral_accepted", {"Жолдама қабылданды", "Направление принято", "Referral accepted"}},
      {"referral_declined",
       {"Жолдамадан бас тартылды", "В направлении отказано", "Referral declined"}},
      {"note_added", {"Ішкі жазба қосылды", "Добавлена служебная заметка", "Internal note added"}},
      {"task_added", {"Тапсырма қосылды", "Добавлена задача", "Task added"}},
      {"task_done", {"Тапсырма орындалды", "Задача выполнена", "Task done"}},
      {"service_delivered", {"Қызмет көрсетілді", "Услуга оказана", "Service delivered"}},
      {"report_merged",
       {"Хабарлама іске қосылды", "Сообщение присоединено к делу", "Report merged into the case"}},
  };
  return kTable;
}

const Table& evidence_kinds() {
  static const Table kTable = {
      {"photo", {"Фотосурет", "Фотография", "Photo"}},
      {"video", {"Бейнежазба", "Видеозапись", "Video"}},
      {"audio", {"Дыбыс жазбасы", "Аудиозапись", "Audio"}},
      {"document", {"Құжат", "Документ", "Document"}},
  };
  return kTable;
}

const Table& custody_actions() {
  static const Table kTable = {
      {"upload", {"Жүктелді", "Загружено", "Uploaded"}},
      {"view", {"Қаралды", "Просмотрено", "Viewed"}},
      {"download", {"Көшірілді", "Скачано", "Downloaded"}},
      {"verify", {"Тексерілді", "Проверено", "Verified"}},
      {"handover", {"Тапсырылды", "Передано", "Handed over"}},
  };
  return kTable;
}

const Table& table(CodeList list) {
  switch (list) {
    case CodeList::kStatus:
      return statuses();
    case CodeList::kBasis:
      return bases();
    case CodeList::kGround:
      return grounds();
    case CodeList::kIncidentType:
      return incident_types();
    case CodeList::kOffence:
      return offences();
    case CodeList::kCloseReason:
      return close_reasons();
    case CodeList::kEventKind:
      return event_kinds();
    case CodeList::kEvidenceKind:
      return evidence_kinds();
    case CodeList::kCustodyAction:
      return custody_actions();
  }
  return statuses();
}

const std::map<BundleText, LocalizedText>& texts() {
  using T = BundleText;
  static const std::map<BundleText, LocalizedText> kTexts = {
      {T::kTitle, {"Сотқа арналған іс материалдары", "Материалы дела для суда", "Court bundle"}},
      {T::kGenerated, {"Жасалған уақыты", "Сформировано", "Generated"}},
      {T::kSummary, {"Іс туралы мәліметтер", "Сведения о деле", "Case summary"}},
      {T::kTimeline, {"Іс хронологиясы", "Хронология дела", "Timeline"}},
      {T::kEvidence, {"Дәлелдемелер тізімдемесі", "Опись доказательств", "Evidence manifest"}},
      {T::kCustody, {"Сақтау тізбегі", "Цепочка хранения", "Chain of custody"}},
      {T::kCaseNumber, {"Іс нөмірі", "Номер дела", "Case number"}},
      {T::kStatus, {"Мәртебесі", "Статус", "Status"}},
      {T::kBasis, {"Ашу негізі", "Основание открытия", "Basis"}},
      {T::kGround, {"Арызсыз ашу себебі", "Повод без заявления", "Ground"}},
      {T::kIncidentTypes, {"Зорлық түрлері", "Виды насилия", "Incident types"}},
      {T::kOffence, {"Құқық бұзушылық", "Правонарушение", "Offence"}},
      {T::kRepeatOffence, {"Қайталанған", "Повторное", "Repeat offence"}},
      {T::kRegion, {"Өңір", "Регион", "Region"}},
      {T::kOpened, {"Ашылған күні", "Дата открытия", "Opened"}},
      {T::kClosed, {"Жабылған күні", "Дата закрытия", "Closed"}},
      {T::kCloseReason, {"Жабу себебі", "Причина закрытия", "Close reason"}},
      {T::kOwnerAgency, {"Жауапты орган", "Ответственный орган", "Owner agency"}},
      {T::kAssignedAgency, {"Тағайындалған орган", "Назначенный орган", "Assigned agency"}},
      {T::kSurvivor, {"Жәбірленуші", "Потерпевшая сторона", "Survivor"}},
      {T::kAggressor, {"Агрессор", "Агрессор", "Aggressor"}},
      {T::kFullName, {"Аты-жөні", "ФИО", "Full name"}},
      {T::kIin, {"ЖСН", "ИИН", "IIN"}},
      {T::kBirthDate, {"Туған күні", "Дата рождения", "Date of birth"}},
      {T::kYes, {"Иә", "Да", "Yes"}},
      {T::kNo, {"Жоқ", "Нет", "No"}},
      {T::kNone, {"көрсетілмеген", "не указано", "not recorded"}},
      {T::kEvidenceItem, {"Дәлелдеме", "Доказательство", "Evidence item"}},
      {T::kKind, {"Түрі", "Вид", "Kind"}},
      {T::kMime, {"MIME түрі", "MIME-тип", "MIME type"}},
      {T::kSize, {"Көлемі", "Размер", "Size"}},
      {T::kBytes, {"байт", "байт", "bytes"}},
      {T::kSha256, {"SHA-256", "SHA-256", "SHA-256"}},
      {T::kFileName, {"Бастапқы файл атауы", "Исходное имя файла", "Original file name"}},
      {T::kUploaded, {"Жүктелген", "Загружено", "Uploaded"}},
      {T::kBy, {"жүктеген", "кем", "by"}},
      {T::kLastVerification, {"Соңғы тексеру", "Последняя проверка", "Last verification"}},
      {T::kIntact, {"бүтін", "целостность подтверждена", "intact"}},
      {T::kDamaged, {"бүлінген", "нарушена целостность", "damaged"}},
      {T::kNotVerified, {"тексерілмеген", "не проверялось", "not verified"}},
      {T::kNoEvidence, {"Дәлелдемелер жоқ.", "Доказательств нет.", "No evidence."}},
      {T::kNoEvents, {"Оқиғалар жоқ.", "Событий нет.", "No events."}},
      {T::kNotesExcluded,
       {"Істің ішкі жазбалары бұл құжатқа енгізілмейді.",
        "Служебные заметки по делу в этот документ не включаются.",
        "Internal case notes are not included in this document."}},
      {T::kTimesIn, {"Уақыт белдеуі", "Часовой пояс", "Time zone"}},
      {T::kHandedTo, {"кімге", "кому", "to"}},
      {T::kUser, {"Пайдаланушы", "Пользователь", "User"}},
      {T::kAgency, {"Орган", "Орган", "Agency"}},
      {T::kPage, {"Бет", "Страница", "Page"}},
      {T::kPublicReporter,
       {"хабарлама беруші (түбіртек бойынша)", "заявитель (по квитанции)",
        "the reporter (with the receipt)"}},
      {T::kSystem,
       {"жүйе (хабарлама істе)", "система (сообщение в деле)", "the system (report in the case)"}},
  };
  return kTexts;
}

}  // namespace

std::string code_label(CodeList list, std::string_view code, core::Language language) {
  const Table& labels = table(list);
  auto it = labels.find(code);
  return it == labels.end() ? std::string(code) : it->second.in(language);
}

bool has_label(CodeList list, std::string_view code) {
  return table(list).count(code) > 0;
}

const std::string& bundle_text(BundleText text, core::Language language) {
  return texts().at(text).in(language);
}

}  // namespace qorgau::cases
