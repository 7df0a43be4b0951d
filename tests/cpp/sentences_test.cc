#include "copydesk/sentences.h"

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "copydesk/lexicon.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_support.h"

namespace copydesk {
namespace {

using ::copydesk::testing::LoadCases;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<ByteSpan> Spans(const std::vector<Sentence>& sentences) {
  std::vector<ByteSpan> spans;
  for (const Sentence& s : sentences) spans.push_back(s.span);
  return spans;
}

std::vector<std::string> Split(std::string_view text, const SentenceOptions& options = {}) {
  return testing::Texts(text, Spans(SplitSentences(text, options)));
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// In range, in order, not overlapping, trimmed, never empty.
void ExpectWellFormed(std::string_view text, const std::vector<Sentence>& sentences) {
  std::size_t previous_end = 0;
  for (const Sentence& s : sentences) {
    ASSERT_LE(previous_end, s.span.begin);
    ASSERT_LT(s.span.begin, s.span.end);
    ASSERT_LE(s.span.end, text.size());
    EXPECT_FALSE(IsSpace(text[s.span.begin]));
    EXPECT_FALSE(IsSpace(text[s.span.end - 1]));
    previous_end = s.span.end;
  }
}

TEST(SplitSentences, MatchesGoldenCases) {
  for (const auto& c : LoadCases("sentences.jsonl")) {
    const std::string& text = c["text"].string;
    SentenceOptions options;
    const std::string language = c["language"].is_null() ? "en" : c["language"].string;
    options.language = language;
    const std::vector<Sentence> sentences = SplitSentences(text, options);
    ExpectWellFormed(text, sentences);
    EXPECT_EQ(testing::Texts(text, Spans(sentences)), c["sentences"].AsStrings()) << c["id"].string;
  }
}

TEST(SplitSentences, EmptyAndBlankTextHaveNone) {
  EXPECT_THAT(SplitSentences(""), IsEmpty());
  EXPECT_THAT(SplitSentences(" \n\t\r\n "), IsEmpty());
}

TEST(SplitSentences, InvalidUtf8KeepsOffsets) {
  const std::string text = "\xff\xfe broken bytes. Still \xc3 fine.\xe2\x80";
  const std::vector<Sentence> sentences = SplitSentences(text);
  ExpectWellFormed(text, sentences);
  EXPECT_THAT(testing::Texts(text, Spans(sentences)),
              ElementsAre("\xff\xfe broken bytes.", "Still \xc3 fine.\xe2\x80"));
}

TEST(SplitSentences, LinearOnAMillionFullStops) {
  const std::string dots(1000000, '.');
  const std::vector<Sentence> sentences = SplitSentences(dots);
  ASSERT_EQ(sentences.size(), 1u);
  std::string spaced;
  for (int i = 0; i < 300000; ++i) spaced += "A. ";
  ExpectWellFormed(spaced, SplitSentences(spaced));
}

// The Slovak quotation rule looks ahead for the closing quote, the Arabic
// comma rule for the next word, and a letter before a full stop for the same
// name elsewhere: none may make the cost grow faster than the text.
TEST(SplitSentences, LinearWhereItLooksFurtherAhead) {
  std::string unclosed;
  std::string attributed;
  std::string commas;
  for (int i = 0; i < 100000; ++i) {
    unclosed += "\xE2\x80\x9EJe to tak. ";                       // „Je to tak.
    attributed += "\xE2\x80\x9EJe. To,\xE2\x80\x9C povedal. ";  // „Je. To,“ povedal.
    commas += "\xD9\x82\xD8\xA7\xD9\x84\xD8\x8C ";                 // قال،
  }
  SentenceOptions slovak;
  slovak.language = "sk";
  ExpectWellFormed(unclosed, SplitSentences(unclosed, slovak));
  EXPECT_EQ(SplitSentences(attributed, slovak).size(), 100000u);
  SentenceOptions arabic;
  arabic.language = "ar";
  ExpectWellFormed(commas, SplitSentences(commas, arabic));
  // Each name ending in a letter is looked up once, and only a few of them.
  std::string letters;
  for (int i = 0; i < 100000; ++i) {
    letters += std::string("Xy") + static_cast<char>('a' + i % 26) + " Q. Jones met. ";
  }
  ExpectWellFormed(letters, SplitSentences(letters));
}

TEST(SplitSentences, OneLongLineWithoutSpaces) {
  std::string line;
  for (int i = 0; i < 200000; ++i) line += "ab.Cd";
  const std::vector<Sentence> sentences = SplitSentences(line);
  ExpectWellFormed(line, sentences);
  EXPECT_FALSE(sentences.empty());
}

TEST(SplitSentences, ExtraAbbreviationsFromALexicon) {
  Result<Lexicon> extra = Lexicon::Parse("Cmdt.\n");
  ASSERT_TRUE(extra.ok());
  SentenceOptions options;
  options.extra_abbreviations = &*extra;
  EXPECT_THAT(Split("He briefed Cmdt. Ruiz on Friday.", options),
              ElementsAre("He briefed Cmdt. Ruiz on Friday."));
  EXPECT_THAT(Split("He briefed Cmdt. Ruiz on Friday."),
              ElementsAre("He briefed Cmdt.", "Ruiz on Friday."));
}

TEST(SentenceSplitter, UnknownLanguageIsAnError) {
  SentenceSplitterConfig config;
  config.language = "xx";
  Result<SentenceSplitter> splitter = SentenceSplitter::Create(config);
  ASSERT_FALSE(splitter.ok());
  EXPECT_EQ(splitter.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(splitter.status().message()), HasSubstr("'xx'"));
}

TEST(SentenceSplitter, BadEntryIsAnError) {
  SentenceSplitterConfig config;
  config.extra_abbreviations = {"Supt.", ""};
  EXPECT_FALSE(SentenceSplitter::Create(config).ok());
  config.extra_abbreviations = {"two words."};
  EXPECT_FALSE(SentenceSplitter::Create(config).ok());
}

TEST(SentenceSplitter, NonBreakingWords) {
  SentenceSplitterConfig config;
  config.non_breaking_words = {"Bingo!"};
  Result<SentenceSplitter> splitter = SentenceSplitter::Create(config);
  ASSERT_TRUE(splitter.ok());
  constexpr std::string_view kText = "She shouted Bingo! Tonight she plays again.";
  EXPECT_EQ(splitter->Split(kText).size(), 1u);
  EXPECT_EQ(SplitSentences(kText).size(), 2u);
}

TEST(SentenceSplitter, SharedByThreads) {
  Result<SentenceSplitter> splitter = SentenceSplitter::Create({});
  ASSERT_TRUE(splitter.ok());
  const std::string text = "Gov. Lee spoke at 9 a.m. Monday. He left. \"Why?\" she asked.";
  std::vector<std::thread> threads;
  std::vector<std::size_t> counts(4);
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) counts[t] = splitter->Split(text).size();
    });
  }
  for (std::thread& t : threads) t.join();
  for (std::size_t count : counts) EXPECT_EQ(count, 3u);
}

TEST(SentenceLanguages, ListsEnglishAndTheGoldenLanguages) {
  const std::vector<std::string> languages = SentenceLanguages();
  EXPECT_THAT(languages, ::testing::Contains("en"));
  EXPECT_THAT(languages, ::testing::Contains("ja"));
  EXPECT_TRUE(std::is_sorted(languages.begin(), languages.end()));
}

}  // namespace
}  // namespace copydesk
