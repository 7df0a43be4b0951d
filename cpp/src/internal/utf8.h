// UTF-8 helpers shared by every module.
//
// Invalid input is never dropped: DecodeUtf8() reads an ill-formed sequence as
// one U+FFFD per "maximal subpart" (Unicode 15, section 3.9, the same rule ICU
// and the WHATWG encoding standard use), so callers advance by at least one
// byte and every byte stays covered by some character.

#ifndef COPYDESK_INTERNAL_UTF8_H_
#define COPYDESK_INTERNAL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace copydesk::internal {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

struct DecodedChar {
  char32_t code_point;  // kReplacementCharacter when !valid
  uint32_t length;      // bytes consumed, >= 1
  bool valid;
};

// Decodes the character that starts at `pos`. Precondition: pos < text.size().
inline DecodedChar DecodeUtf8(std::string_view text, std::size_t pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const std::size_t avail = text.size() - pos;
  const unsigned char b0 = s[0];
  if (b0 < 0x80) return {b0, 1, true};
  // Ranges of the second byte per lead byte keep out overlongs and surrogates.
  unsigned char lo = 0x80, hi = 0xBF;
  uint32_t need;
  char32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1; cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2; cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3; cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return {kReplacementCharacter, 1, false};
  }
  for (uint32_t i = 1; i <= need; ++i) {
    if (i >= avail) return {kReplacementCharacter, i, false};
    const unsigned char b = s[i];
    const bool ok = (i == 1) ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!ok) return {kReplacementCharacter, i, false};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, need + 1, true};
}

// Start of the character that ends just before `pos` (pos > 0). Steps back
// over at most three continuation bytes, so it agrees with DecodeUtf8 on
// valid text and never moves more than four bytes on invalid text.
std::size_t PreviousCharStart(std::string_view text, std::size_t pos);

// First index >= pos whose byte is not ASCII, or text.size(). Steps eight
// bytes at a time: most news bytes are ASCII.
std::size_t SkipAscii(std::string_view text, std::size_t pos);

// True when `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// Appends the UTF-8 encoding of `code_point` (U+FFFD for surrogates and
// values past U+10FFFF).
void AppendUtf8(char32_t code_point, std::string* out);

// Bytes AppendUtf8() writes for `code_point`.
constexpr uint32_t Utf8Length(char32_t code_point) {
  return code_point < 0x80 ? 1 : code_point < 0x800 ? 2 : code_point < 0x10000 ? 3
         : code_point <= 0x10FFFF ? 4 : 3;
}

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_UTF8_H_
