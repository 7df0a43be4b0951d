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

namespace copydesk {
namespace {

std::vector<BlockKind> Kinds(std::string_view text) {
  std::vector<BlockKind> kinds;
  for (const Block& b : FindBlocks(text)) kinds.push_back(b.kind);
  return kinds;
}

TEST(FindBlocks, SplitsAScrapedPageIntoLabelHeadlineBodyAndTail) {
  constexpr std::string_view kPage =
      "Business\n"
      "Copper hits two-year high as Chilean mines strike\n"
      "Santiago/London, March 4\n"
      "Copper prices rose 4% on Monday after workers at two of Chile's largest mines walked out.\n"
      "\"The market was already tight,\" said one London metals trader.\n"
      "Related stories\n"
      "Oil steadies after OPEC meeting 1 hour ago\n"
      "Gold slips as dollar firms 3 hours ago\n";
  using K = BlockKind;
  EXPECT_THAT(Kinds(kPage), ::testing::ElementsAre(K::kLabel, K::kHeadline, K::kBody, K::kBody,
                                                   K::kBody, K::kTail, K::kTail, K::kTail));
}

TEST(FindBlocks, WireStoryWithoutHeadlineIsAllBody) {
  constexpr std::string_view kStory =
      "LIMA, Peru (AP) \xE2\x80\x94 Heavy rains flooded parts of the capital on Sunday.\n\n"
      "Officials said schools would stay shut on Monday.";
  EXPECT_THAT(Kinds(kStory), ::testing::Each(BlockKind::kBody));
}

TEST(FindBlocks, AStoryEndingInOneShortLineKeepsItInTheBody) {
  constexpr std::string_view kStory =
      "Ministers meet on fisheries deal\n\n"
      "The talks in Brussels ran late into the night, a spokesman said.\n\n"
      "Reporting by Ana Ruiz";
  using K = BlockKind;
  EXPECT_THAT(Kinds(kStory), ::testing::ElementsAre(K::kHeadline, K::kBody, K::kBody));
}

TEST(FindBlocks, TextWithNoProseIsAllBody) {
  EXPECT_THAT(Kinds("Live updates\nElection night in pictures\nResults map"),
              ::testing::Each(BlockKind::kBody));
  EXPECT_TRUE(FindBlocks("").empty());
}

}  // namespace
}  // namespace copydesk
