#include "internal/html_entities.h"

#include <array>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "internal/lexicon_lines.h"
#include "internal/mojibake.h"
#include "internal/utf8.h"

namespace copydesk::internal {
namespace {

// The longest HTML5 entity name is 31 characters.
constexpr std::size_t kMaxNameLength = 32;

using EntityTable = absl::flat_hash_map<std::string_view, std::array<char32_t, 2>>;

const EntityTable& NamedEntities() {
  static const EntityTable* table = [] {
    auto* t = new EntityTable;
    for (std::string_view line : BuiltinLexicon("html_entities")) {
      std::size_t space = line.find(' ');
      const std::string_view name = line.substr(0, space);
      std::array<char32_t, 2> cps = {0, 0};
      for (int i = 0; i < 2 && space != std::string_view::npos; ++i) {
        const std::size_t next = line.find(' ', space + 1);
        cps[i] = static_cast<char32_t>(
            std::stoul(std::string(line.substr(space + 1, next - space - 1)), nullptr, 16));
        space = next;
      }
      t->emplace(name, cps);
    }
    return t;
  }();
  return *table;
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

DecodedEntity DecodeNumeric(std::string_view text, std::size_t pos) {
  std::size_t i = pos + 2;
  const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  const std::size_t digits_begin = i;
  uint32_t value = 0;
  for (; i < text.size(); ++i) {
    const int digit = hex ? HexValue(text[i]) : (text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -1);
    if (digit < 0) break;
    // Saturate: a long run of digits is still one (invalid) reference.
    value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
  }
  if (i == digits_begin || i >= text.size() || text[i] != ';') return {};
  char32_t cp = value;
  if (cp >= 0x80 && cp <= 0x9F && Windows1252C1(cp) != 0) cp = Windows1252C1(cp);
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementCharacter;
  DecodedEntity d;
  d.length = i + 1 - pos;
  d.code_points[0] = cp;
  d.count = 1;
  return d;
}

}  // namespace

DecodedEntity DecodeEntity(std::string_view text, std::size_t pos) {
  if (pos + 2 >= text.size() || text[pos] != '&') return {};
  if (text[pos + 1] == '#') return DecodeNumeric(text, pos);
  std::size_t i = pos + 1;
  while (i < text.size() && i - pos <= kMaxNameLength && IsAsciiAlnum(text[i])) ++i;
  if (i == pos + 1 || i >= text.size() || text[i] != ';') return {};
  const auto it = NamedEntities().find(text.substr(pos + 1, i - pos - 1));
  if (it == NamedEntities().end()) return {};
  DecodedEntity d;
  d.length = i + 1 - pos;
  d.code_points[0] = it->second[0];
  d.code_points[1] = it->second[1];
  d.count = it->second[1] == 0 ? 1 : 2;
  return d;
}

}  // namespace copydesk::internal
