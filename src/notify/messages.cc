#include "notify/messages.h"

#include <algorithm>
#include <stdexcept>

#include "core/calendar_day.h"

namespace qorgau::notify {

namespace {

using core::LocalizedText;

struct KindWords {
  std::string_view kind;
  LocalizedText text;
};

const std::vector<KindWords>& kind_words() {
  static const std::vector<KindWords> kWords = {
      {"order_served",
       {"Сізге қатысты қорғау шарасы күшіне енді.", "Мера защиты, касающаяся вас, вступила в силу.",
        "A protection measure that concerns you is now in force."}},
      {"order_expiring",
       {"Сізге қатысты қорғау шарасы жақында аяқталады. Қорғау әлі қажет болса, өз маманыңызбен "
        "байланысыңыз.",
        "Мера защиты, касающаяся вас, скоро заканчивается. Если защита вам ещё нужна, свяжитесь "
        "со своим специалистом.",
        "A protection measure that concerns you ends soon. If you still need protection, contact "
        "your case worker."}},
      {"order_violated",
       {"Сізге қатысты қорғау шарасы бұзылды. Сақ болыңыз. Қауіп төнсе, бірден полицияға қоңырау "
        "шалыңыз.",
        "Мера защиты, касающаяся вас, нарушена. Будьте осторожны. Если вам грозит опасность, "
        "сразу звоните в полицию.",
        "A protection measure that concerns you has been broken. Be careful. If you are in "
        "danger, call the police at once."}},
      {"aggressor_released",
       {"Сізге қауіп төндірген адам босатылды. Сақ болыңыз. Қауіп төнсе, бірден полицияға қоңырау "
        "шалыңыз.",
        "Человек, от которого вас защищают, освобождён. Будьте осторожны. Если вам грозит "
        "опасность, сразу звоните в полицию.",
        "The person you are protected from has been released. Be careful. If you are in danger, "
        "call the police at once."}},
  };
  return kWords;
}

const LocalizedText kSubject = {"Сізге хабарлама", "Сообщение для вас", "A message for you"};
const LocalizedText kUrgentSubject = {"Маңызды: сізге хабарлама", "Важно: сообщение для вас",
                                      "Important: a message for you"};
const LocalizedText kPleaseConfirm = {"Осы хабарламаны оқығаныңызды растаңыз.",
                                      "Пожалуйста, подтвердите, что прочитали это сообщение.",
                                      "Please confirm that you have read this message."};

struct DateLabel {
  std::string_view key;
  LocalizedText label;
};

const std::vector<DateLabel>& date_labels() {
  static const std::vector<DateLabel> kLabels = {
      {"served_on", {"Күшіне енген күні", "Действует с", "In force since"}},
      {"ends_on", {"Аяқталу күні", "Действует до", "Ends on"}},
      {"occurred_on", {"Күні", "Дата", "Date"}},
      {"released_on", {"Босатылған күні", "Дата освобождения", "Released on"}},
  };
  return kLabels;
}

}  // namespace

const std::vector<std::string_view>& notification_kinds() {
  static const std::vector<std::string_view> kKinds = [] {
    std::vector<std::string_view> kinds;
    for (const auto& words : kind_words()) kinds.push_back(words.kind);
    return kinds;
  }();
  return kKinds;
}

bool is_urgent(std::string_view kind) {
  return kind == "order_violated" || kind == "aggressor_released";
}

const std::vector<std::string_view>& detail_levels() {
  static const std::vector<std::string_view> kLevels = {"minimal", "dates"};
  return kLevels;
}

const std::vector<std::string_view>& date_fact_keys() {
  static const std::vector<std::string_view> kKeys = [] {
    std::vector<std::string_view> keys;
    for (const auto& label : date_labels()) keys.push_back(label.key);
    return keys;
  }();
  return kKeys;
}

MessageText compose(std::string_view kind, std::string_view detail, core::Language language,
                    const std::map<std::string, std::string>& facts) {
  auto words = std::find_if(kind_words().begin(), kind_words().end(),
                            [&](const KindWords& w) { return w.kind == kind; });
  if (words == kind_words().end()) {
    throw std::invalid_argument("notify: unknown notification kind");
  }
  bool urgent = is_urgent(kind);
  MessageText out;
  out.subject = (urgent ? kUrgentSubject : kSubject).in(language);
  out.body = words->text.in(language);
  if (detail == "dates") {
    for (const auto& label : date_labels()) {
      auto fact = facts.find(std::string(label.key));
      // Only a real calendar day, given exactly as YYYY-MM-DD, is ever shown, written as
      // people write a day in her language.
      if (fact == facts.end()) continue;
      auto day = core::parse_day(fact->second);
      if (!day) continue;
      out.body +=
          "\n" + label.label.in(language) + ": " + core::format_day_for_reader(*day, language);
    }
  }
  if (urgent) out.body += "\n" + kPleaseConfirm.in(language);
  return out;
}

}  // namespace qorgau::notify
