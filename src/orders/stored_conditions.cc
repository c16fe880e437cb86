#include "orders/stored_conditions.h"

#include <cstddef>
#include <limits>
#include <optional>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

namespace qorgau::orders {

namespace {

using json = nlohmann::json;

// nlohmann::json's SAX events for one array of condition objects. Returning false stops the
// parse, which read_stored_conditions reports as malformed.
class ConditionsReader {
 public:
  explicit ConditionsReader(std::vector<Condition>& out) : out_(out) {}

  bool start_array(std::size_t /*elements*/) { return step(Depth::kOutside, Depth::kArray); }
  bool end_array() { return step(Depth::kArray, Depth::kOutside); }
  bool start_object(std::size_t /*elements*/) {
    current_ = Condition{};
    field_ = Field::kNone;
    return step(Depth::kArray, Depth::kObject);
  }
  bool end_object() {
    if (depth_ != Depth::kObject || current_.code.empty()) return false;
    out_.push_back(std::move(current_));
    depth_ = Depth::kArray;
    return true;
  }
  bool key(std::string& name) {
    if (depth_ != Depth::kObject) return false;
    field_ = name == "code"     ? Field::kCode
             : name == "metres" ? Field::kMetres
             : name == "places" ? Field::kPlaces
                                : Field::kOther;
    return true;
  }
  bool string(std::string& value) {
    if (depth_ != Depth::kObject) return false;
    if (field_ == Field::kCode) {
      current_.code = std::move(value);
    } else if (field_ == Field::kPlaces) {
      current_.places = std::move(value);
    } else if (field_ != Field::kOther) {
      return false;
    }
    return true;
  }
  bool number_integer(json::number_integer_t value) { return whole_number(value); }
  bool number_unsigned(json::number_unsigned_t value) {
    if (value > static_cast<json::number_unsigned_t>(std::numeric_limits<std::int64_t>::max())) {
      return false;
    }
    return whole_number(static_cast<std::int64_t>(value));
  }
  bool number_float(json::number_float_t /*value*/, const std::string& /*text*/) {
    return scalar_of_other_field();
  }
  bool boolean(bool /*value*/) { return scalar_of_other_field(); }
  bool null() { return scalar_of_other_field(); }
  bool binary(json::binary_t& /*value*/) { return false; }
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*error*/) {
    return false;
  }

 private:
  enum class Depth { kOutside, kArray, kObject };
  enum class Field { kNone, kCode, kMetres, kPlaces, kOther };

  bool step(Depth from, Depth to) {
    if (depth_ != from) return false;
    depth_ = to;
    return true;
  }
  bool whole_number(std::int64_t value) {
    if (depth_ != Depth::kObject) return false;
    if (field_ == Field::kMetres) {
      current_.metres = value;
      return true;
    }
    return field_ == Field::kOther;
  }
  // A key this reader does not know may carry any single value; a known one only its own.
  bool scalar_of_other_field() const { return depth_ == Depth::kObject && field_ == Field::kOther; }

  std::vector<Condition>& out_;
  Depth depth_ = Depth::kOutside;
  Field field_ = Field::kNone;
  Condition current_;
};

}  // namespace

std::string write_stored_conditions(const std::vector<Condition>& conditions) {
  json out = json::array();
  for (const Condition& c : conditions) {
    json item = {{"code", c.code}};
    if (c.metres) item["metres"] = *c.metres;
    if (c.places) item["places"] = *c.places;
    out.push_back(item);
  }
  return out.dump();
}

std::vector<Condition> read_stored_conditions(std::string_view stored) {
  std::vector<Condition> out;
  ConditionsReader reader(out);
  if (!json::sax_parse(stored, &reader, json::input_format_t::json, /*strict=*/true)) {
    throw std::runtime_error("orders: stored conditions are malformed");
  }
  return out;
}

}  // namespace qorgau::orders
