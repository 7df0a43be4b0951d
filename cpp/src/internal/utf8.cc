#include "internal/utf8.h"

#include <cstring>

namespace copydesk::internal {

std::size_t PreviousCharStart(std::string_view text, std::size_t pos) {
  std::size_t start = pos - 1;
  const std::size_t limit = pos >= 4 ? pos - 4 : 0;
  while (start > limit && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  // Only accept the lead byte if it really decodes to a character ending at pos.
  DecodedChar c = DecodeUtf8(text, start);
  return start + c.length == pos ? start : pos - 1;
}

std::size_t SkipAscii(std::string_view text, std::size_t pos) {
  const char* data = text.data();
  const std::size_t size = text.size();
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  while (pos + 8 <= size) {
    // Eight bytes first: called at or just before a non-ASCII byte (a
    // curly quote, Cyrillic copy), the scan ends after one load.
    uint64_t word;
    std::memcpy(&word, data + pos, 8);
    const uint64_t bits = word & kHighBits;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (bits) return pos + static_cast<std::size_t>(__builtin_ctzll(bits) / 8);
#else
    if (bits) break;
#endif
    pos += 8;
    // Then a run of ASCII is likely: sixteen bytes a step, two loads tested
    // at once, until a block holds a byte of 0x80 or above.
    while (pos + 16 <= size) {
      uint64_t low, high;
      std::memcpy(&low, data + pos, 8);
      std::memcpy(&high, data + pos + 8, 8);
      if ((low | high) & kHighBits) break;
      pos += 16;
    }
  }
  while (pos < size && static_cast<unsigned char>(data[pos]) < 0x80) ++pos;
  return pos;
}

bool IsValidUtf8(std::string_view text) {
  std::size_t pos = 0;
  while (true) {
    pos = SkipAscii(text, pos);
    if (pos >= text.size()) return true;
    DecodedChar c = DecodeUtf8(text, pos);
    if (!c.valid) return false;
    pos += c.length;
  }
}

void AppendUtf8(char32_t cp, std::string* out) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementCharacter;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace copydesk::internal
