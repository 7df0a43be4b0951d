#include "copydesk/dateline.h"

#include <chrono>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_support.h"

namespace copydesk {
namespace {

using ::copydesk::testing::Json;
using ::copydesk::testing::LoadCases;
using ::testing::ElementsAre;

std::optional<int> OptionalInt(const Json& value) {
  if (value.is_null()) return std::nullopt;
  return value.AsInt();
}

std::vector<std::string> LocationTexts(std::string_view text, const Dateline& d) {
  std::vector<std::string> out;
  for (const DatelinePlace& place : d.locations) out.emplace_back(Slice(text, place.span));
  return out;
}

// Every span lies inside the text and inside the dateline, in order.
void ExpectWellFormed(std::string_view text, const Dateline& d) {
  EXPECT_LE(d.span.begin, d.span.end);
  EXPECT_LE(d.span.end, d.body_start);
  EXPECT_LE(d.body_start, text.size());
  std::size_t previous_end = d.span.begin;
  for (const DatelinePlace& place : d.locations) {
    EXPECT_LE(previous_end, place.span.begin);
    EXPECT_TRUE(d.span.Contains(place.span));
    EXPECT_TRUE(place.span.Contains(place.city));
    for (const ByteSpan& region : place.regions) EXPECT_TRUE(place.span.Contains(region));
    previous_end = place.span.end;
  }
  if (d.date) {
    EXPECT_TRUE(d.span.Contains(*d.date));
  }
  if (d.agency && !d.locations.empty()) {
    EXPECT_TRUE(d.span.Contains(d.agency->span));
  }
}

TEST(ParseDateline, MatchesGoldenCases) {
  for (const Json& c : LoadCases("dateline.jsonl")) {
    const std::string& text = c["text"].string;
    SCOPED_TRACE(c["id"].string);
    DatelineOptions options;
    if (!c["published"].is_null()) options.published = ParseIsoDate(c["published"].string);
    std::optional<Dateline> d = ParseDateline(text, options);
    const Json& expect = c["expect"];
    if (expect.is_null()) {
      EXPECT_FALSE(d.has_value()) << "found " << Slice(text, d->span);
      continue;
    }
    ASSERT_TRUE(d.has_value());
    ExpectWellFormed(text, *d);
    EXPECT_EQ(LocationTexts(text, *d), expect["locations"].AsStrings());
    EXPECT_EQ(d->month, OptionalInt(expect["month"]).value_or(0));
    EXPECT_EQ(d->day, OptionalInt(expect["day"]).value_or(0));
    EXPECT_EQ(d->year, OptionalInt(expect["year"]));
    if (expect["agency"].is_null()) {
      EXPECT_FALSE(d->agency.has_value());
    } else {
      ASSERT_TRUE(d->agency.has_value());
      EXPECT_EQ(d->agency->name, expect["agency"].string);
      EXPECT_EQ(Slice(text, d->agency->span), expect["agency_text"].string);
    }
    EXPECT_EQ(text.substr(d->body_start, expect["body"].string.size()), expect["body"].string);
    if (!expect["names"].is_null()) {
      std::vector<std::string> names;
      for (const DatelinePlace& place : d->locations) names.push_back(place.name);
      EXPECT_EQ(names, expect["names"].AsStrings());
    }
    if (!expect["date"].is_null()) {
      ASSERT_TRUE(d->date.has_value());
      EXPECT_EQ(Slice(text, *d->date), expect["date"].string);
    }
    if (!expect["regions"].is_null()) {
      ASSERT_EQ(expect["regions"].array.size(), d->locations.size());
      for (std::size_t i = 0; i < d->locations.size(); ++i) {
        EXPECT_EQ(testing::Texts(text, d->locations[i].regions),
                  expect["regions"].array[i].AsStrings());
      }
    }
  }
}

TEST(ParseDateline, SplitsMultiCityDateline) {
  constexpr std::string_view kText =
      "Washington/San Francisco/Seoul, Nov 15\nThe top diplomats met.";
  std::optional<Dateline> d = ParseDateline(kText);
  ASSERT_TRUE(d.has_value());
  EXPECT_THAT(LocationTexts(kText, *d), ElementsAre("Washington", "San Francisco", "Seoul"));
  EXPECT_EQ(Slice(kText, d->span), "Washington/San Francisco/Seoul, Nov 15");
  EXPECT_EQ(kText.substr(d->body_start), "The top diplomats met.");
  EXPECT_FALSE(d->year.has_value());  // no year written and no publication date
}

TEST(ParseDateline, SpanCoversSeparator) {
  constexpr std::string_view kText = "SEOUL, Nov. 15 (Yonhap) -- North Korea fired a missile.";
  std::optional<Dateline> d = ParseDateline(kText);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(Slice(kText, d->span), "SEOUL, Nov. 15 (Yonhap) --");
  EXPECT_EQ(Slice(kText, *d->date), "Nov. 15");
}

TEST(ParseDateline, ResolvesYearFromPublication) {
  DatelineOptions options;
  options.published = CalendarDate{2024, 1, 1};
  std::optional<Dateline> d = ParseDateline("MANILA, Dec. 31 (Xinhua) -- Fireworks.", options);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->year, 2023);
  EXPECT_FALSE(d->year_written);

  // One day of slack: a dateline from tomorrow (time zones) stays this year.
  options.published = CalendarDate{2023, 11, 14};
  d = ParseDateline("SEOUL, Nov. 15 (Yonhap) -- Talks.", options);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->year, 2023);

  // Two days ahead is last year's date.
  options.published = CalendarDate{2023, 11, 13};
  d = ParseDateline("SEOUL, Nov. 15 (Yonhap) -- Talks.", options);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->year, 2022);
}

TEST(ParseDateline, WrittenYearIsKept) {
  DatelineOptions options;
  options.published = CalendarDate{2030, 6, 1};
  std::optional<Dateline> d =
      ParseDateline("AUSTIN, Texas, Nov. 15, 2023 /PRNewswire/ -- News.", options);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->year, 2023);
  EXPECT_TRUE(d->year_written);
}

TEST(ParseDateline, DatelineBeyondPrefixIsNotRead) {
  const std::string text = "Headline\n" + std::string(50, '\n') + "LONDON, Nov 2 (Reuters) - Text.";
  DatelineOptions options;
  EXPECT_TRUE(ParseDateline(text, options).has_value());
  options.max_prefix_bytes = 40;
  EXPECT_FALSE(ParseDateline(text, options).has_value());
}

TEST(ParseDateline, LowerCasePlacesOnlyWhenAllowed) {
  constexpr std::string_view kText = "washington, nov 15 (reuters) - the dollar fell.";
  EXPECT_FALSE(ParseDateline(kText).has_value());
  DatelineOptions options;
  options.allow_lowercase = true;
  std::optional<Dateline> d = ParseDateline(kText, options);
  ASSERT_TRUE(d.has_value());
  EXPECT_THAT(LocationTexts(kText, *d), ElementsAre("washington"));
  EXPECT_EQ(d->agency->name, "Reuters");
}

TEST(ParseDateline, BinaryJunkNeverCrashes) {
  std::mt19937 random(20231115);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    std::string junk(static_cast<std::size_t>(round % 300), '\0');
    for (char& c : junk) c = static_cast<char>(byte(random));
    if (round % 3 == 0) junk.insert(0, "LONDON, Nov 2 (");
    std::optional<Dateline> d = ParseDateline(junk);
    if (d) ExpectWellFormed(junk, *d);
  }
  EXPECT_FALSE(ParseDateline(std::string("\xff\xfe\x00\x01 (AP) \xe2\x80", 10)).has_value());
}

TEST(ParseDateline, EveryTruncationOfEveryCaseIsSafe) {
  // Cutting a dateline anywhere, even inside a UTF-8 sequence, exercises every
  // end-of-text check of the scanner.
  for (const Json& c : LoadCases("dateline.jsonl")) {
    const std::string& text = c["text"].string;
    for (std::size_t length = 0; length <= text.size(); ++length) {
      const std::string cut = text.substr(0, length);
      std::optional<Dateline> d = ParseDateline(cut);
      if (d) ExpectWellFormed(cut, *d);
      DatelineOptions small;
      small.max_prefix_bytes = static_cast<uint32_t>(length / 2);
      d = ParseDateline(text, small);
      if (d) ExpectWellFormed(text, *d);
    }
  }
}

TEST(ParseDateline, HugeTextWithoutSpacesReturnsFast) {
  const std::string huge(100u << 20, 'A');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(ParseDateline(huge).has_value());
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::milliseconds(50));
}

TEST(ParseDateline, SafeFromManyThreads) {
  constexpr std::string_view kText = "KYIV, Ukraine (AP) — Sirens sounded.";
  std::vector<std::thread> threads;
  std::vector<int> found(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) found[t] += ParseDateline(kText).has_value();
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(found, ElementsAre(500, 500, 500, 500));
}

TEST(ParseIsoDate, AcceptsOnlyValidDates) {
  EXPECT_EQ(ParseIsoDate("2024-02-29"), (CalendarDate{2024, 2, 29}));
  EXPECT_FALSE(ParseIsoDate("2023-02-29").has_value());
  EXPECT_FALSE(ParseIsoDate("2023-13-01").has_value());
  EXPECT_FALSE(ParseIsoDate("2023-1-01").has_value());
  EXPECT_FALSE(ParseIsoDate("yesterday").has_value());
}

}  // namespace
}  // namespace copydesk
