#include "test_support.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "internal/utf8.h"

namespace copydesk::testing {
namespace {

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "test data error: %s\n", what.c_str());
  std::abort();
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Json ParseDocument() {
    Json value = ParseValue();
    SkipSpace();
    if (pos_ != text_.size()) Fail("trailing characters in JSON");
    return value;
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && std::string_view(" \t\r\n").find(text_[pos_]) != std::string_view::npos) ++pos_;
  }
  char Peek() {
    SkipSpace();
    if (pos_ >= text_.size()) Fail("unexpected end of JSON");
    return text_[pos_];
  }
  void Expect(char c) {
    if (Peek() != c) Fail(std::string("expected '") + c + "' in JSON");
    ++pos_;
  }
  bool Consume(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  Json ParseValue() {
    Json value;
    const char c = Peek();
    if (c == '{') {
      value.type = Json::Type::kObject;
      ++pos_;
      if (Peek() == '}') { ++pos_; return value; }
      while (true) {
        std::string key = ParseString();
        Expect(':');
        value.object[key] = ParseValue();
        if (Peek() == ',') { ++pos_; continue; }
        Expect('}');
        return value;
      }
    }
    if (c == '[') {
      value.type = Json::Type::kArray;
      ++pos_;
      if (Peek() == ']') { ++pos_; return value; }
      while (true) {
        value.array.push_back(ParseValue());
        if (Peek() == ',') { ++pos_; continue; }
        Expect(']');
        return value;
      }
    }
    if (c == '"') {
      value.type = Json::Type::kString;
      value.string = ParseString();
      return value;
    }
    if (Consume("true")) { value.type = Json::Type::kBool; value.boolean = true; return value; }
    if (Consume("false")) { value.type = Json::Type::kBool; return value; }
    if (Consume("null")) return value;
    const char* begin = text_.data() + pos_;
    char* end = nullptr;
    value.number = std::strtod(begin, &end);
    if (end == begin) Fail("bad JSON value");
    pos_ += static_cast<std::size_t>(end - begin);
    value.type = Json::Type::kNumber;
    return value;
  }

  unsigned Hex4() {
    if (pos_ + 4 > text_.size()) Fail("short \\u escape");
    unsigned v = static_cast<unsigned>(std::stoul(std::string(text_.substr(pos_, 4)), nullptr, 16));
    pos_ += 4;
    return v;
  }

  std::string ParseString() {
    Expect('"');
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) Fail("unterminated JSON string");
      const char c = text_[pos_++];
      if (c == '"') return out;
      if (c != '\\') { out.push_back(c); continue; }
      if (pos_ >= text_.size()) Fail("bad escape");
      const char e = text_[pos_++];
      switch (e) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'u': {
          char32_t cp = Hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF && Consume("\\u")) {
            const unsigned low = Hex4();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          internal::AppendUtf8(cp, &out);
          break;
        }
        default: out.push_back(e);
      }
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

const Json& Json::operator[](const std::string& key) const {
  static const Json kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : it->second;
}

std::vector<std::string> Json::AsStrings() const {
  std::vector<std::string> out;
  for (const Json& item : array) out.push_back(item.string);
  return out;
}

Json ParseJson(std::string_view text) { return Parser(text).ParseDocument(); }

std::vector<Json> LoadCases(const std::string& file_name) {
  const std::string path = std::string(COPYDESK_TEST_DATA_DIR) + "/" + file_name;
  std::ifstream in(path);
  if (!in) Fail("cannot open " + path);
  std::vector<Json> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    cases.push_back(ParseJson(line));
  }
  if (cases.empty()) Fail(path + " has no cases");
  return cases;
}

std::vector<std::string> Texts(std::string_view text, const std::vector<ByteSpan>& spans) {
  std::vector<std::string> out;
  for (const ByteSpan& span : spans) out.emplace_back(Slice(text, span));
  return out;
}

}  // namespace copydesk::testing
