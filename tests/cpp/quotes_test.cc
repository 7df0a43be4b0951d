#include "copydesk/quotes.h"

#include <chrono>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/quote_marks.h"
#include "copydesk/layout.h"
#include "test_support.h"

namespace copydesk {
namespace {

using ::copydesk::testing::Json;
using ::copydesk::testing::LoadCases;

// A quote as the golden file writes it: text, kind, cue, speaker mention
// and canonical name, with "null" for an absent value.
std::string Describe(std::string_view text, const Quote& q) {
  auto opt = [&](const std::optional<ByteSpan>& s) {
    return s ? std::string(Slice(text, *s)) : std::string("null");
  };
  return std::string(Slice(text, q.span)) + " | " + std::string(QuoteKindName(q.kind)) + " | " +
         opt(q.cue) + " | " + opt(q.speaker) + " | " +
         (q.speaker_name.empty() ? std::string("null") : q.speaker_name);
}

std::string Describe(const Json& q) {
  auto opt = [](const Json& v) { return v.is_null() ? std::string("null") : v.string; };
  return q["text"].string + " | " + q["kind"].string + " | " + opt(q["cue"]) + " | " +
         opt(q["speaker"]) + " | " + opt(q["speaker_name"]);
}

TEST(FindQuotes, MatchesGoldenCases) {
  for (const Json& c : LoadCases("quotes.jsonl")) {
    const std::string& text = c["text"].string;
    std::vector<std::string> got, want;
    for (const Quote& q : FindQuotes(text)) got.push_back(Describe(text, q));
    for (const Json& q : c["quotes"].array) want.push_back(Describe(q));
    EXPECT_EQ(got, want) << c["id"].string;
  }
}

// Sentences split beforehand (as Analyze() hands them over) give the same
// quotes as FindQuotes() splitting them itself.
TEST(FindQuotes, PreSplitSentencesGiveTheSameQuotes) {
  for (const Json& c : LoadCases("quotes.jsonl")) {
    const std::string& text = c["text"].string;
    std::vector<std::string> own, given;
    for (const Quote& q : FindQuotes(text)) own.push_back(Describe(text, q));
    for (const Quote& q : FindQuotes(text, SplitSentences(text))) {
      given.push_back(Describe(text, q));
    }
    EXPECT_EQ(own, given) << c["id"].string;
  }
}

// A speaker with an appositive as the very first words of the text: the
// rules look for a quotation before the subject and must not read before the
// first token (AddressSanitizer caught it on Analyze()'s story slices).
TEST(FindQuotes, AppositiveSubjectOpeningTheText) {
  const std::string text = "Jane Doe, an analyst at Acme Bank, said the plan would work.";
  const std::vector<Quote> quotes = FindQuotes(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(Slice(text, quotes[0].span), "the plan would work");
  ASSERT_TRUE(quotes[0].speaker.has_value());
  EXPECT_EQ(quotes[0].speaker_name, "Jane Doe");
}

TEST(FindQuotes, SpansAreInRangeOrderedAndDisjoint) {
  for (const Json& c : LoadCases("quotes.jsonl")) {
    const std::string& text = c["text"].string;
    std::size_t last_end = 0;
    for (const Quote& q : FindQuotes(text)) {
      EXPECT_LE(last_end, q.span.begin) << c["id"].string;
      EXPECT_LT(q.span.begin, q.span.end) << c["id"].string;
      EXPECT_LE(q.span.end, text.size()) << c["id"].string;
      EXPECT_GT(q.confidence, 0.0f);
      EXPECT_LE(q.confidence, 1.0f);
      if (q.cue) {
        EXPECT_LE(q.cue->end, text.size());
      }
      if (q.speaker) {
        EXPECT_LE(q.speaker->end, text.size());
      }
      last_end = q.span.end;
    }
  }
}

TEST(FindQuotes, EmptyAndMarkOnlyTextHaveNoQuotes) {
  EXPECT_TRUE(FindQuotes("").empty());
  EXPECT_TRUE(FindQuotes("   \n\n  ").empty());
  EXPECT_TRUE(FindQuotes("\"").empty());
  EXPECT_TRUE(FindQuotes("'\"\xE2\x80\x9C\xC2\xAB").empty());
}

TEST(FindQuotes, InvalidUtf8IsReadNotLost) {
  const std::string text = "\"Prices \xff\xfe rose sharply this year,\" the minister said.";
  std::vector<Quote> quotes = FindQuotes(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(Slice(text, quotes[0].span), "Prices \xff\xfe rose sharply this year,");
}

TEST(FindQuotes, WithoutSpeakersKeepsSpansAndCues) {
  const std::string text = "\"We will win,\" Jane Smith said.";
  QuoteOptions options;
  options.attribute_speakers = false;
  std::vector<Quote> quotes = FindQuotes(text, options);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(Slice(text, quotes[0].span), "We will win,");
  ASSERT_TRUE(quotes[0].cue.has_value());
  EXPECT_FALSE(quotes[0].speaker.has_value());
  EXPECT_TRUE(quotes[0].speaker_name.empty());
}

TEST(FindQuotes, UncuedFragmentsOnlyOnRequest) {
  const std::string text = "The council backed its \"smart ageing\" plan.";
  EXPECT_TRUE(FindQuotes(text).empty());
  QuoteOptions options;
  options.report_uncued_fragments = true;
  std::vector<Quote> quotes = FindQuotes(text, options);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].kind, QuoteKind::kPartial);
  EXPECT_EQ(Slice(text, quotes[0].span), "smart ageing");
}

// Linear time: a million marks, with and without partners, and one long
// paragraph with an opening mark that never closes.
TEST(FindQuotes, LinearOnPathologicalInput) {
  const auto time = [](const std::string& text) {
    const auto start = std::chrono::steady_clock::now();
    const std::size_t n = FindQuotes(text).size();
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    EXPECT_LE(n, text.size());
    return took.count();
  };
  EXPECT_LT(time(std::string(1000000, '"')), 5.0);
  EXPECT_LT(time(std::string(1000000, '\'')), 5.0);
  std::string open_only;
  for (int i = 0; i < 200000; ++i) open_only += "\xE2\x80\x9C he said ";
  EXPECT_LT(time(open_only), 5.0);
  std::string unclosed = "\"";
  for (int i = 0; i < 100000; ++i) unclosed += "He said the plan would work. ";
  EXPECT_LT(time(unclosed), 5.0);
}

TEST(FindQuotedStretches, NeverCrossesAParagraphWithoutTheReopeningMark) {
  const std::string text = "He said \"it is over.\n\nThen the vote came.";
  const std::vector<ByteSpan> paragraphs = FindParagraphs(text);
  std::vector<internal::QuotedStretch> s = internal::FindQuotedStretches(text, paragraphs);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_FALSE(s[0].closed);
  EXPECT_EQ(Slice(text, s[0].content), "it is over.");
}

TEST(FindQuotedStretches, ApostrophesAreNotMarks) {
  const std::string text = "Don't play '90s rock 'n' roll at O'Brien's or the Joneses' barn.";
  EXPECT_TRUE(internal::FindQuotedStretches(text, FindParagraphs(text)).empty());
}

}  // namespace
}  // namespace copydesk
