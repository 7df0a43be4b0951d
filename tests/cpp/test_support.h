// Helpers shared by the C++ tests: the golden cases in tests/data/*.jsonl
// (read by the Python tests too) and span checks.

#ifndef COPYDESK_TESTS_TEST_SUPPORT_H_
#define COPYDESK_TESTS_TEST_SUPPORT_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/span.h"

namespace copydesk::testing {

// A parsed JSON value; enough of JSON for the golden case files.
struct Json {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Json> array;
  std::map<std::string, Json> object;

  bool is_null() const { return type == Type::kNull; }
  // Member `key` of an object, or a null value when absent.
  const Json& operator[](const std::string& key) const;
  int AsInt() const { return static_cast<int>(number); }
  std::vector<std::string> AsStrings() const;
};

// Parses one JSON document; aborts the test binary with a message on a
// syntax error, since a broken golden file must not pass silently.
Json ParseJson(std::string_view text);

// Every line of tests/data/<file_name> that is not blank, parsed.
std::vector<Json> LoadCases(const std::string& file_name);

// The texts that `spans` cover in `text`.
std::vector<std::string> Texts(std::string_view text, const std::vector<ByteSpan>& spans);

}  // namespace copydesk::testing

#endif  // COPYDESK_TESTS_TEST_SUPPORT_H_
