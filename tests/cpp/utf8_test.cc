#include "internal/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace copydesk::internal {
namespace {

// Decodes all of `text`, one entry per character, checking that every byte is
// covered exactly once.
std::u32string DecodeAll(std::string_view text) {
  std::u32string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    DecodedChar c = DecodeUtf8(text, pos);
    EXPECT_GE(c.length, 1u);
    out.push_back(c.code_point);
    pos += c.length;
  }
  EXPECT_EQ(pos, text.size());
  return out;
}

TEST(DecodeUtf8, ReadsEveryLengthOfCharacter) {
  EXPECT_EQ(DecodeAll("Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x93\xB0"),
            U"Caf\u00E9 \u2014 \U0001F4F0");
}

TEST(DecodeUtf8, InvalidBytesBecomeOneReplacementPerMaximalSubpart) {
  // A Latin-1 pound sign, a truncated em dash before ASCII, a lone
  // continuation byte, an overlong slash and an encoded surrogate.
  EXPECT_EQ(DecodeAll("\xA3" "5"), U"\uFFFD5");
  EXPECT_EQ(DecodeAll("a\xE2\x80z"), U"a\uFFFDz");
  EXPECT_EQ(DecodeAll("\x80"), U"\uFFFD");
  EXPECT_EQ(DecodeAll("\xC0\xAF"), U"\uFFFD\uFFFD");
  EXPECT_EQ(DecodeAll("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(DecodeAll("\xF0\x9F\x93"), U"\uFFFD");
}

TEST(IsValidUtf8, AcceptsNewsTextAndRejectsDamage) {
  EXPECT_TRUE(IsValidUtf8("SEOUL, Nov. 15 (Yonhap) -- \xE2\x80\x9CWe agree,\xE2\x80\x9D he said."));
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_FALSE(IsValidUtf8("The price rose to \xA3" "5m this year, officials said."));
  EXPECT_FALSE(IsValidUtf8(std::string(100, 'a') + "\xFF"));
}

TEST(SkipAscii, StopsAtFirstNonAsciiBytePastLongAsciiRuns) {
  const std::string text = std::string(37, 'x') + "\xC3\xA9" + "tail";
  EXPECT_EQ(SkipAscii(text, 0), 37u);
  EXPECT_EQ(SkipAscii(text, 39), text.size());
  EXPECT_EQ(SkipAscii("", 0), 0u);
}

TEST(SkipAscii, FindsTheFirstNonAsciiByteWhereverItFalls) {
  // Before, inside and after each sixteen- and eight-byte step, from every start.
  for (std::size_t at = 0; at < 40; ++at) {
    std::string text(40, 'n');
    text[at] = '\xE2';  // a curly quote's first byte, then more ASCII
    if (at + 1 < text.size()) text[at + 1] = '\x80';
    for (std::size_t start = 0; start <= at; ++start) {
      EXPECT_EQ(SkipAscii(text, start), at) << "at " << at << " from " << start;
    }
  }
}

TEST(PreviousCharStart, StepsBackOverWholeCharacters) {
  const std::string text = "a\xE2\x80\x94" "b";
  EXPECT_EQ(PreviousCharStart(text, 4), 1u);
  EXPECT_EQ(PreviousCharStart(text, 5), 4u);
  EXPECT_EQ(PreviousCharStart("\x80\x80", 2), 1u);
}

TEST(AppendUtf8, RoundTripsAndReplacesSurrogates) {
  std::string out;
  for (char32_t cp : std::u32string(U"\u00A3\u201C\U0001F600")) AppendUtf8(cp, &out);
  EXPECT_EQ(out, "\xC2\xA3\xE2\x80\x9C\xF0\x9F\x98\x80");
  out.clear();
  AppendUtf8(0xD800, &out);
  EXPECT_EQ(out, "\xEF\xBF\xBD");
  EXPECT_EQ(Utf8Length(U'\u201C'), 3u);
}

}  // namespace
}  // namespace copydesk::internal
