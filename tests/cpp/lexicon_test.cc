#include "copydesk/lexicon.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/lexicon_lines.h"

namespace copydesk {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(LexiconParse, SkipsCommentsAndBlankLinesAndTrims) {
  Result<Lexicon> lexicon = Lexicon::Parse("# police ranks\nSupt.\n\n  Cmdr.  \r\nSupt.\n");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  EXPECT_THAT(lexicon->entries(), ElementsAre("Cmdr.", "Supt."));
  EXPECT_TRUE(lexicon->Contains("Supt."));
  EXPECT_FALSE(lexicon->Contains("supt."));
}

TEST(LexiconParse, ReportsTheLineOfABadEntry) {
  Result<Lexicon> lexicon = Lexicon::Parse("Gov.\nSen.\nRep\xFF.\n");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(lexicon.status().message()), HasSubstr("line 3"));
}

TEST(LexiconFromEntries, RejectsEmptyAndOverlongEntries) {
  EXPECT_FALSE(Lexicon::FromEntries({"Gen.", ""}).ok());
  EXPECT_FALSE(Lexicon::FromEntries({std::string(300, 'x')}).ok());
  EXPECT_TRUE(Lexicon::FromEntries({"Lt.", "Gen."}).ok());
}

TEST(LexiconLines, NumbersLinesFromOne) {
  std::vector<internal::LexiconLine> lines = internal::LexiconLines("# header\n\nNov.\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].line_number, 3u);
  EXPECT_EQ(lines[0].entry, "Nov.");
}

}  // namespace
}  // namespace copydesk
