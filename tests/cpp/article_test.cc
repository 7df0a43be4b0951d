#include "copydesk/article.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace copydesk {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;

constexpr std::string_view kPage =
    "Asia\n"
    "Typhoon shuts ports along southern coast\n"
    "Manila/Hong Kong, Dec. 31\n"
    "A typhoon forced the closure of ports along the southern coast on Wednesday, stranding "
    "thousands of holiday travellers, officials said.\n"
    "\"We expect the storm to weaken by Friday,\" the weather bureau's chief, Dr. Ana Cruz, said.\n"
    "Latest\nMarkets close year higher 1 hour ago\nFestival crowds gather 2 hours ago";

TEST(Analyze, ComposesLayoutDatelineAndSentences) {
  AnalyzeOptions options;
  options.published = CalendarDate{2026, 1, 1};
  const Article article = Analyze(std::string(kPage), options);

  ASSERT_TRUE(article.headline().has_value());
  EXPECT_EQ(article.Slice(*article.headline()), "Typhoon shuts ports along southern coast");

  ASSERT_TRUE(article.dateline().has_value());
  const Dateline& d = *article.dateline();
  ASSERT_EQ(d.locations.size(), 2u);
  EXPECT_EQ(article.Slice(d.locations[1].span), "Hong Kong");
  EXPECT_EQ(d.month, 12);
  EXPECT_EQ(d.year, 2025);  // published on New Year's Day: last year's December
  EXPECT_EQ(article.text().substr(d.body_start, 9), "A typhoon");

  std::vector<std::string> sentences;
  for (const Sentence& s : article.sentences()) sentences.emplace_back(article.Slice(s.span));
  EXPECT_THAT(sentences, Contains("Manila/Hong Kong, Dec. 31"));
  EXPECT_THAT(sentences, Contains("\"We expect the storm to weaken by Friday,\" the weather "
                                  "bureau's chief, Dr. Ana Cruz, said."));
}

TEST(Analyze, EmptyAndBrokenInputGiveAnArticle) {
  EXPECT_TRUE(Analyze("").sentences().empty());
  const Article broken = Analyze("\xFF\xFE broken bytes. Still fine.");
  EXPECT_EQ(broken.sentences().size(), 2u);
  EXPECT_FALSE(broken.dateline().has_value());
}

TEST(AnalyzeMany, KeepsInputOrderAcrossThreads) {
  std::vector<std::string> raws;
  for (int i = 0; i < 40; ++i) raws.push_back("Story " + std::to_string(i) + ". It ends here.");
  const std::vector<Article> articles = AnalyzeMany(raws, 3);
  ASSERT_EQ(articles.size(), raws.size());
  for (std::size_t i = 0; i < raws.size(); ++i) {
    EXPECT_EQ(articles[i].raw(), raws[i]);
    EXPECT_EQ(articles[i].sentences().size(), 2u);
  }
}

}  // namespace
}  // namespace copydesk

namespace copydesk {
namespace {

TEST(Analyze, CleansFirstAndMapsSpansBackToTheRawText) {
  // Mojibake apostrophe, NBSP and CRLF, as scrapers deliver them.
  const std::string raw =
      "LISBON,\xC2\xA0March 3 (Reuters) - Portugal\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s parliament "
      "approved the budget.\r\n\r\nThe vote was 120-95.";
  AnalyzeOptions options;
  options.published = CalendarDate{2025, 3, 4};
  const Article article = Analyze(raw, options);
  EXPECT_EQ(article.raw(), raw);
  EXPECT_NE(article.text().find("Portugal\xE2\x80\x99s parliament"), std::string_view::npos);
  ASSERT_TRUE(article.dateline().has_value());
  const ByteSpan in_raw = article.ToRaw(article.dateline()->span);
  EXPECT_EQ(Slice(raw, in_raw), "LISBON,\xC2\xA0March 3 (Reuters) -");
  ASSERT_EQ(article.sentences().size(), 2u);
  EXPECT_EQ(Slice(raw, article.ToRaw(article.sentences()[1].span)), "The vote was 120-95.");
  EXPECT_FALSE(article.edits().empty());
}

}  // namespace
}  // namespace copydesk

namespace copydesk {
namespace {

TEST(Analyze, FindsQuotesInTheStoryButNotInHeadlineOrTail) {
  const std::string page =
      "World\n"
      "\"We will rebuild,\" mayor vows after floods\n"
      "ODESA, Ukraine (AP) \xE2\x80\x94 Floodwaters receded on Monday after a week of heavy rain.\n"
      "\"We will rebuild every street,\" Mayor Olena Marchenko said.\n"
      "Most read\n\"Not guilty,\" says former minister 1 hour ago\nMarkets slip 2 hours ago";
  const Article article = Analyze(page);
  ASSERT_EQ(article.quotes().size(), 1u);
  const Quote& quote = article.quotes()[0];
  EXPECT_EQ(article.Slice(quote.span), "We will rebuild every street,");
  ASSERT_TRUE(quote.speaker.has_value());
  EXPECT_EQ(article.Slice(*quote.speaker), "Mayor Olena Marchenko");
  EXPECT_EQ(quote.speaker_name, "Olena Marchenko");
}

// Analyze() hands its own sentences to FindQuotes(): the quotes are those
// FindQuotes() finds on the story alone, splitting it itself.
TEST(Analyze, QuotesAreThoseOfTheStoryAlone) {
  const std::string page =
      "Council backs harbour plan\n\n"
      "The council approved the harbour plan on Tuesday. Its leader, Dr. Ama Boateng, said the "
      "vote was \"a new start for the town.\" She added that work would begin in May.\n\n"
      "\"We waited ten years,\" said Mr. Ruiz, a fisherman. \"It is about time.\"";
  const Article article = Analyze(page);
  const std::size_t story = article.text().find("The council");
  const std::vector<Quote> alone = FindQuotes(article.text().substr(story));
  ASSERT_EQ(article.quotes().size(), alone.size());
  ASSERT_FALSE(alone.empty());
  for (std::size_t i = 0; i < alone.size(); ++i) {
    const Quote& q = article.quotes()[i];
    EXPECT_EQ(q.span.begin, alone[i].span.begin + story);
    EXPECT_EQ(q.span.end, alone[i].span.end + story);
    EXPECT_EQ(q.kind, alone[i].kind);
    EXPECT_EQ(q.speaker_name, alone[i].speaker_name);
  }
}

}  // namespace
}  // namespace copydesk
