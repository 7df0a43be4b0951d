#include "copydesk/layout.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_support.h"

namespace copydesk {
namespace {

using ::copydesk::testing::LoadCases;
using ::copydesk::testing::Texts;

TEST(FindParagraphs, MatchesGoldenCases) {
  for (const auto& c : LoadCases("layout.jsonl")) {
    const std::string& text = c["text"].string;
    EXPECT_EQ(Texts(text, FindParagraphs(text)), c["paragraphs"].AsStrings())
        << c["id"].string;
  }
}

TEST(FindParagraphs, SpansAreInOrderAndTrimmed) {
  const std::string text =
      "  WASHINGTON (AP) \xE2\x80\x94 Lead.\r\n\r\n\tSecond paragraph.  \r\nThird one.\n\n";
  std::vector<ByteSpan> spans = FindParagraphs(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_LT(spans[0].end, spans[1].begin);
  EXPECT_LT(spans[1].end, spans[2].begin);
  EXPECT_EQ(Slice(text, spans[0]), "WASHINGTON (AP) \xE2\x80\x94 Lead.");
  EXPECT_EQ(Slice(text, spans[1]), "Second paragraph.");
}

TEST(FindParagraphs, EmptyAndBlankTextHaveNone) {
  EXPECT_TRUE(FindParagraphs("").empty());
  EXPECT_TRUE(FindParagraphs(" \n\t\n  ").empty());
}

}  // namespace
}  // namespace copydesk
