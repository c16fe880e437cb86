#include "core/time_zone.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>

namespace qorgau::core {

namespace {

constexpr std::int64_t kDaySeconds = std::int64_t{24} * 60 * 60;
constexpr std::int64_t kDayMs = kDaySeconds * 1000;
constexpr std::uintmax_t kMaxFileBytes = 1 << 20;  // real zone files are a few KiB

[[noreturn]] void fail(std::string_view zone, const std::string& why) {
  throw TimeZoneError("time zone '" + std::string(zone) + "': " + why);
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void check_name(std::string_view name) {
  if (name.empty() || name.size() > 255) fail(name, "expected an IANA zone name");
  auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '+' || c == '/';
  };
  if (!std::all_of(name.begin(), name.end(), allowed)) fail(name, "expected an IANA zone name");
  std::string_view rest = name;
  while (true) {
    std::size_t slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    if (part.empty() || part == "." || part == "..") {
      fail(name, "expected a relative name inside the zoneinfo directory");
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
}

// Bounds-checked big-endian reading of a TZif file.
class Reader {
 public:
  Reader(std::string_view zone, std::string_view data) : zone_(zone), data_(data) {}

  std::string_view take(std::uint64_t n) {
    if (n > data_.size() - pos_) fail(zone_, "the zoneinfo file is truncated");
    std::string_view out = data_.substr(pos_, n);
    pos_ += n;
    return out;
  }
  std::uint64_t unsigned_be(int width) {
    std::uint64_t value = 0;
    for (char c : take(width)) value = (value << 8) | static_cast<unsigned char>(c);
    return value;
  }
  std::int64_t signed_be(int width) {
    std::uint64_t value = unsigned_be(width);
    if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
    return static_cast<std::int64_t>(value);
  }
  std::string_view rest() const { return data_.substr(pos_); }

 private:
  std::string_view zone_;
  std::string_view data_;
  std::size_t pos_ = 0;
};

struct Header {
  char version{};
  std::uint64_t isutcnt{}, isstdcnt{}, leapcnt{}, timecnt{}, typecnt{}, charcnt{};

  std::uint64_t block_size(int time_size) const {
    return timecnt * time_size + timecnt + typecnt * 6 + charcnt + leapcnt * (time_size + 4) +
           isstdcnt + isutcnt;
  }
};

Header read_header(std::string_view zone, Reader& in) {
  if (in.take(4) != "TZif") fail(zone, "not a zoneinfo (TZif) file");
  Header h;
  h.version = in.take(1)[0];
  if (h.version != '\0' && (h.version < '2' || h.version > '4')) {
    fail(zone, "unsupported TZif version");
  }
  in.take(15);
  h.isutcnt = in.unsigned_be(4);
  h.isstdcnt = in.unsigned_be(4);
  h.leapcnt = in.unsigned_be(4);
  h.timecnt = in.unsigned_be(4);
  h.typecnt = in.unsigned_be(4);
  h.charcnt = in.unsigned_be(4);
  if (h.typecnt == 0 || h.typecnt > 256 || h.charcnt == 0 ||
      (h.isutcnt != 0 && h.isutcnt != h.typecnt) || (h.isstdcnt != 0 && h.isstdcnt != h.typecnt)) {
    fail(zone, "the zoneinfo file's header is inconsistent");
  }
  if (h.leapcnt != 0) fail(zone, "zones with leap seconds are not supported");
  return h;
}

struct Block {
  std::vector<std::int64_t> transitions;
  std::vector<std::int64_t> transition_offset;
  std::int64_t initial_offset{};
};

Block read_block(std::string_view zone, Reader& in, const Header& h, int time_size) {
  Block block;
  for (std::uint64_t i = 0; i < h.timecnt; ++i) {
    std::int64_t at = in.signed_be(time_size);
    if (!block.transitions.empty() && at <= block.transitions.back()) {
      fail(zone, "the zoneinfo file's transitions are not in ascending order");
    }
    block.transitions.push_back(at);
  }
  std::vector<std::uint64_t> type_index;
  for (std::uint64_t i = 0; i < h.timecnt; ++i) {
    type_index.push_back(in.unsigned_be(1));
    if (type_index.back() >= h.typecnt) fail(zone, "the zoneinfo file names an unknown type");
  }
  std::vector<std::int64_t> type_offset;
  for (std::uint64_t i = 0; i < h.typecnt; ++i) {
    std::int64_t utoff = in.signed_be(4);
    std::uint64_t isdst = in.unsigned_be(1);
    std::uint64_t desigidx = in.unsigned_be(1);
    if (utoff == std::numeric_limits<std::int32_t>::min() || isdst > 1 || desigidx >= h.charcnt) {
      fail(zone, "the zoneinfo file has an invalid local time type");
    }
    type_offset.push_back(utoff);
  }
  in.take(h.charcnt);
  for (std::uint64_t i = 0; i < h.isstdcnt + h.isutcnt; ++i) {
    if (in.unsigned_be(1) > 1) fail(zone, "the zoneinfo file has an invalid indicator");
  }
  for (std::uint64_t index : type_index) block.transition_offset.push_back(type_offset[index]);
  block.initial_offset = type_offset[0];
  return block;
}

// A cursor over a POSIX TZ string; every error names the whole string.
class TzStringParser {
 public:
  explicit TzStringParser(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }
  bool accept(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!accept(c)) bad();
  }
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

  // "CET" (three or more letters) or "<+05>" (three or more letters, digits, '+', '-').
  void skip_designation() {
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    std::size_t start = pos_;
    if (accept('<')) {
      while (pos_ < text_.size() && text_[pos_] != '>') {
        char c = text_[pos_++];
        if (!letter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-') bad();
      }
      expect('>');
      if (pos_ - start < 5) bad();
      return;
    }
    while (pos_ < text_.size() && letter(text_[pos_])) ++pos_;
    if (pos_ - start < 3) bad();
  }

  int number(int max) {
    int value = 0;
    std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      value = value * 10 + (text_[pos_++] - '0');
      if (value > max) bad();
    }
    if (pos_ == start) bad();
    return value;
  }

  // [+-]hh[:mm[:ss]], in seconds; hours up to `max_hours`.
  std::int64_t signed_time(int max_hours) {
    int sign = 1;
    if (accept('-')) {
      sign = -1;
    } else {
      accept('+');
    }
    std::int64_t seconds = std::int64_t{number(max_hours)} * 3600;
    if (accept(':')) {
      seconds += std::int64_t{number(59)} * 60;
      if (accept(':')) seconds += number(59);
    }
    return sign * seconds;
  }

  PosixZoneRule::Day day() {
    PosixZoneRule::Day d;
    if (accept('J')) {
      d.kind = PosixZoneRule::Day::Kind::kJulianNoLeap;
      d.day = number(365);
      if (d.day < 1) bad();
    } else if (accept('M')) {
      d.kind = PosixZoneRule::Day::Kind::kMonthWeekDay;
      d.month = number(12);
      expect('.');
      d.week = number(5);
      expect('.');
      d.weekday = number(6);
      if (d.month < 1 || d.week < 1) bad();
    } else {
      d.kind = PosixZoneRule::Day::Kind::kZeroBased;
      d.day = number(365);
    }
    return d;
  }

  [[noreturn]] void bad() const {
    throw TimeZoneError("invalid POSIX TZ string '" + std::string(text_) + "'");
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::chrono::sys_days rule_day(std::chrono::year year, const PosixZoneRule::Day& d) {
  using namespace std::chrono;
  const sys_days new_year{year / January / 1};
  switch (d.kind) {
    case PosixZoneRule::Day::Kind::kJulianNoLeap:
      return new_year + days(d.day - 1 + (year.is_leap() && d.day >= 60 ? 1 : 0));
    case PosixZoneRule::Day::Kind::kZeroBased:
      return new_year + days(d.day);
    case PosixZoneRule::Day::Kind::kMonthWeekDay:
      break;
  }
  const month m{static_cast<unsigned>(d.month)};
  const weekday wd{static_cast<unsigned>(d.weekday)};
  if (d.week == 5) return sys_days{year / m / wd[last]};
  return sys_days{year / m / wd[static_cast<unsigned>(d.week)]};
}

// The change's local wall time in `year`, as seconds of the local calendar.
std::int64_t change_wall_seconds(std::chrono::year year, const PosixZoneRule::Change& change) {
  return rule_day(year, change.day).time_since_epoch().count() * kDaySeconds +
         change.seconds_after_midnight;
}

}  // namespace

PosixZoneRule PosixZoneRule::parse(std::string_view text) {
  TzStringParser in(text);
  PosixZoneRule rule;
  in.skip_designation();
  rule.std_offset_seconds = -in.signed_time(24);
  if (in.at_end()) return rule;
  rule.has_dst = true;
  in.skip_designation();
  rule.dst_offset_seconds = rule.std_offset_seconds + 3600;
  if (in.peek() != ',') rule.dst_offset_seconds = -in.signed_time(24);
  // A DST name without rules leaves the switch dates implementation-defined: refused.
  in.expect(',');
  rule.dst_start.day = in.day();
  if (in.accept('/')) rule.dst_start.seconds_after_midnight = in.signed_time(167);
  in.expect(',');
  rule.dst_end.day = in.day();
  if (in.accept('/')) rule.dst_end.seconds_after_midnight = in.signed_time(167);
  if (!in.at_end()) in.bad();
  return rule;
}

std::int64_t PosixZoneRule::utc_offset_seconds(std::int64_t utc_seconds) const {
  if (!has_dst) return std_offset_seconds;
  using namespace std::chrono;
  const sys_days local_day{days(floor_div(utc_seconds + std_offset_seconds, kDaySeconds))};
  const year y = year_month_day(local_day).year();
  // The start is given in standard time, the end in daylight-saving time.
  const std::int64_t start = change_wall_seconds(y, dst_start) - std_offset_seconds;
  const std::int64_t end = change_wall_seconds(y, dst_end) - dst_offset_seconds;
  const bool in_dst = start < end ? (utc_seconds >= start && utc_seconds < end)
                                  : !(utc_seconds >= end && utc_seconds < start);
  return in_dst ? dst_offset_seconds : std_offset_seconds;
}

TimeZone TimeZone::load(std::string_view name, const std::filesystem::path& directory) {
  check_name(name);
  const std::filesystem::path path = directory / std::filesystem::path(std::string(name));
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) fail(name, "unknown zone");
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error || size > kMaxFileBytes) fail(name, "the zoneinfo file cannot be read");
  std::ifstream file(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (!file.good() && !file.eof()) fail(name, "the zoneinfo file cannot be read");
  return parse(name, bytes);
}

TimeZone TimeZone::parse(std::string_view name, std::string_view tzif) {
  Reader in(name, tzif);
  const Header first = read_header(name, in);
  Block block;
  std::optional<PosixZoneRule> footer;
  if (first.version == '\0') {
    block = read_block(name, in, first, 4);
    if (!in.rest().empty()) fail(name, "the zoneinfo file has trailing data");
  } else {
    in.take(first.block_size(4));
    const Header second = read_header(name, in);
    if (second.version != first.version) fail(name, "the zoneinfo file's headers disagree");
    block = read_block(name, in, second, 8);
    std::string_view rest = in.rest();
    if (rest.size() < 2 || rest.front() != '\n' || rest.back() != '\n' ||
        rest.find('\n', 1) != rest.size() - 1) {
      fail(name, "the zoneinfo file's footer is missing or malformed");
    }
    std::string_view tz_string = rest.substr(1, rest.size() - 2);
    if (!tz_string.empty()) {
      try {
        footer = PosixZoneRule::parse(tz_string);
      } catch (const TimeZoneError& e) {
        fail(name, e.what());
      }
    }
  }
  TimeZone zone;
  zone.name_ = std::string(name);
  zone.transitions_ = std::move(block.transitions);
  zone.transition_offset_ = std::move(block.transition_offset);
  zone.initial_offset_ = block.initial_offset;
  zone.footer_ = footer;
  return zone;
}

std::int64_t TimeZone::utc_offset_seconds(std::int64_t utc_ms) const {
  const std::int64_t at = floor_div(utc_ms, 1000);
  if (transitions_.empty()) return footer_ ? footer_->utc_offset_seconds(at) : initial_offset_;
  if (at < transitions_.front()) return initial_offset_;
  if (footer_ && at >= transitions_.back()) return footer_->utc_offset_seconds(at);
  auto after = std::upper_bound(transitions_.begin(), transitions_.end(), at);
  return transition_offset_[static_cast<std::size_t>(after - transitions_.begin() - 1)];
}

std::int64_t TimeZone::local_wall_ms(std::int64_t utc_ms) const {
  return utc_ms + utc_offset_seconds(utc_ms) * 1000;
}

std::chrono::year_month_day TimeZone::local_date(std::int64_t utc_ms) const {
  return std::chrono::year_month_day(
      std::chrono::sys_days{std::chrono::days{floor_div(local_wall_ms(utc_ms), kDayMs)}});
}

std::int64_t TimeZone::local_day_start_utc_ms(std::chrono::year_month_day date) const {
  const std::int64_t midnight = std::chrono::sys_days{date}.time_since_epoch().count() * kDayMs;
  // Offsets lie within +-26 hours, so the offsets in effect two days either side of the wall
  // time, and at it, are every offset that can apply to it (a zone changes at most once or
  // twice in four days). Each that maps midnight to an instant where it holds is a midnight.
  std::optional<std::int64_t> earliest;
  for (std::int64_t probe : {midnight - 2 * kDayMs, midnight, midnight + 2 * kDayMs}) {
    const std::int64_t offset_ms = utc_offset_seconds(probe) * 1000;
    const std::int64_t candidate = midnight - offset_ms;
    if (utc_offset_seconds(candidate) * 1000 == offset_ms && (!earliest || candidate < *earliest)) {
      earliest = candidate;
    }
  }
  if (earliest) return *earliest;
  // Midnight was skipped: the day starts at the change, the first instant whose wall time is
  // at or after midnight.
  std::int64_t low = midnight - 2 * kDayMs;   // wall time before midnight
  std::int64_t high = midnight + 2 * kDayMs;  // wall time after midnight
  while (high - low > 1) {
    const std::int64_t middle = low + (high - low) / 2;
    (local_wall_ms(middle) >= midnight ? high : low) = middle;
  }
  return high;
}

std::int64_t TimeZone::local_day_end_utc_ms(std::chrono::year_month_day date) const {
  return local_day_start_utc_ms(std::chrono::sys_days{date} + std::chrono::days{1});
}

}  // namespace qorgau::core
