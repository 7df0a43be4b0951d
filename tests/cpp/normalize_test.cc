#include "copydesk/normalize.h"

#include <random>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/utf8.h"
#include "test_support.h"

namespace copydesk {
namespace {

using ::copydesk::testing::Json;
using ::copydesk::testing::LoadCases;

// The options a golden case asks for: its profile, quote mode and overrides.
NormalizeOptions CaseOptions(const Json& c) {
  const std::string profile = c["profile"].is_null() ? "news" : c["profile"].string;
  Result<NormalizeOptions> options = NormalizeOptions::ForProfile(profile);
  EXPECT_TRUE(options.ok()) << c["id"].string;
  NormalizeOptions o = *options;
  if (!c["quotes"].is_null()) {
    o.quotes = c["quotes"].string == "straighten" ? QuoteMode::kStraighten : QuoteMode::kKeep;
  }
  for (const auto& [name, value] : c["options"].object) {
    if (name == "normal_form") {
      o.normal_form = value.is_null()            ? NormalForm::kNone
                      : value.string == "NFKC" ? NormalForm::kNfkc
                                               : NormalForm::kNfc;
    } else if (name == "fix_mojibake") {
      o.fix_mojibake = value.boolean;
    } else if (name == "confirm_mixed_line_pairs") {
      o.confirm_mixed_line_pairs = value.boolean;
    } else if (name == "fix_c1_controls") {
      o.fix_c1_controls = value.boolean;
    } else if (name == "decode_html_entities") {
      o.decode_html_entities = value.boolean;
    } else {
      ADD_FAILURE() << c["id"].string << ": option " << name << " not known to this test";
    }
  }
  return o;
}

TEST(Normalize, MatchesGoldenCases) {
  for (const Json& c : LoadCases("normalize.jsonl")) {
    const std::string& raw = c["text"].string;
    const NormalizedText clean = Normalize(raw, CaseOptions(c));
    EXPECT_EQ(clean.text(), c["expect"].string) << c["id"].string;
    if (!c["kinds"].is_null()) {
      std::vector<std::string> kinds;
      for (const Edit& e : clean.edits()) kinds.emplace_back(EditKindName(e.kind));
      EXPECT_EQ(kinds, c["kinds"].AsStrings()) << c["id"].string;
    }
    for (const Json& pair : c["maps"].array) {
      const std::size_t at = clean.text().find(pair.array[0].string);
      ASSERT_NE(at, std::string::npos) << c["id"].string;
      const ByteSpan raw_span = clean.ToRaw({at, at + pair.array[0].string.size()});
      EXPECT_EQ(Slice(raw, raw_span), pair.array[1].string) << c["id"].string;
    }
  }
}

// The map is exact: edits are in order on both sides, tile the raw input
// and the clean text together with the stretches between them, and those
// stretches are identical bytes; ToRaw/ToClean agree with the edits.
void ExpectExactMap(std::string_view raw, const NormalizedText& clean) {
  const std::string& text = clean.text();
  ASSERT_TRUE(internal::IsValidUtf8(text)) << raw;
  std::size_t raw_pos = 0, clean_pos = 0;
  for (const Edit& e : clean.edits()) {
    ASSERT_LE(raw_pos, e.raw.begin) << raw;
    ASSERT_LE(clean_pos, e.clean.begin) << raw;
    ASSERT_EQ(e.raw.begin - raw_pos, e.clean.begin - clean_pos) << raw;
    EXPECT_EQ(raw.substr(raw_pos, e.raw.begin - raw_pos),
              std::string_view(text).substr(clean_pos, e.clean.begin - clean_pos))
        << raw;
    ASSERT_LE(e.raw.begin, e.raw.end);
    ASSERT_LE(e.clean.begin, e.clean.end);
    EXPECT_FALSE(e.raw.empty()) << "every clean byte comes from some raw byte: " << raw;
    if (!e.clean.empty()) {
      EXPECT_EQ(clean.ToRaw(e.clean), e.raw) << raw;
    }
    raw_pos = e.raw.end;
    clean_pos = e.clean.end;
  }
  ASSERT_LE(raw_pos, raw.size()) << raw;
  ASSERT_EQ(raw.size() - raw_pos, text.size() - clean_pos) << raw;
  EXPECT_EQ(raw.substr(raw_pos), std::string_view(text).substr(clean_pos)) << raw;
  // Monotone: later clean offsets never map to earlier raw offsets.
  std::size_t last_begin = 0, last_end = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const ByteSpan r = clean.ToRaw({i, text.size()});
    const ByteSpan l = clean.ToRaw({0, i});
    EXPECT_GE(r.begin, last_begin) << raw;
    EXPECT_GE(l.end, last_end) << raw;
    EXPECT_LE(r.end, raw.size());
    last_begin = r.begin;
    last_end = l.end;
  }
  const ByteSpan all = clean.ToClean({0, raw.size()});
  EXPECT_LE(all.end, text.size());
}

// Strings made of pieces that exercise every repair and its edges.
std::vector<std::string> TrickyInputs() {
  const std::vector<std::string> pieces = {
      "News ", "said. ", "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2", "\xC3\x83\xC2\xA9", "\xC3\x83",
      "\xC3\xA2\xE2\x82\xAC", "?", "&amp;", "&amp;amp;", "&#146;", "&nbsp;", "&", "amp;",
      "\xC2\xA0", "  ", " ", "\t", "\r\n", "\r", "\n", "e\xCC\x81", "\xCC\x81", "\xEF\xBB\xBF",
      "\xFF", "\xE2\x82", "\xED\xA0\x80", "\xE2\x80\x8E", "\xD7\xA9\xD7\x9C", "\xD0\x9F\xD1\x83",
      "\xE6\x9D\xB1", "\xEF\xAC\x81", "\xEF\xBC\xB4", "\xE2\x80\x9C", "\xC2\x92", "\xC3\x97\xC2\xA3",
      "\x01", "\x7F", "\xC2\xAD", "\xE2\x80\xA8", "\xF0\x9F\x98\x80", "\xE3\x80\x80",
      "\xC3\x83 ", "\xC3\x84\xC2\xA0", "\xEF\xBF\xBD", "\xC3\xAD\xC2\xA0\xC2\xBD\xC3\xAD\xC2\xB8\xE2\x82\xAC",
      "\xC3\x8E\xC2\xB3", "\xEF\xBC\x86", "x;",
      // code page 437, Windows-1251 and MacRoman leads; C1 inside mojibake; a
      // space or "?" that may stand for a byte
      "\xE2\x94\x80\xC3\xAE", "\xE2\x94\xBC\xE2\x94\x90", "\xD0\x93", "\xD0\xA0\xC2\xA0",
      "\xC6\x92\xC3\x85", "\xC3\x85 ", "\xC3\x82\xE2\x82\xAC", "\xC2\x9D", "\xC3\xA2 ",
      "\xC3\xA2?\xC2\xAC", "\xC4\xB9\xC5\xBE", "\xC3\x83\xC6\x92",
      // a piece of a broken byte stream before more mojibake; a correct dash;
      // a pair that needs another repair in a mixed line
      "\xC3\xA3\xE2\x80\xA0", "\xE2\x80\x93", "\xC3\x83\xC2\xA5"};
  std::mt19937 rng(20241115);
  std::vector<std::string> inputs = {""};
  for (int n = 0; n < 800; ++n) {
    std::string s;
    const int count = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < count; ++i) s += pieces[rng() % pieces.size()];
    inputs.push_back(s);
  }
  for (int n = 0; n < 100; ++n) {  // arbitrary bytes
    std::string s(1 + rng() % 24, '\0');
    for (char& b : s) b = static_cast<char>(rng() % 256);
    inputs.push_back(s);
  }
  return inputs;
}

TEST(Normalize, MapIsExactOnEveryInput) {
  for (const char* profile : {"news", "ftfy", "minimal"}) {
    const NormalizeOptions options = *NormalizeOptions::ForProfile(profile);
    for (const std::string& raw : TrickyInputs()) ExpectExactMap(raw, Normalize(raw, options));
  }
}

TEST(Normalize, IsIdempotent) {
  for (const char* profile : {"news", "ftfy", "minimal"}) {
    const NormalizeOptions options = *NormalizeOptions::ForProfile(profile);
    for (const std::string& raw : TrickyInputs()) {
      const std::string once = Normalize(raw, options).text();
      EXPECT_EQ(Normalize(once, options).text(), once) << profile << ": " << raw;
    }
  }
}

TEST(Normalize, InvalidUtf8BecomesOneReplacementPerBadSequence) {
  const std::string raw = "a\xFF" "b\xE2\x82" "c\xED\xA0\x80" "d\xC0\xAF";
  const NormalizedText clean = Normalize(raw);
  EXPECT_EQ(clean.text(), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD\xEF\xBF\xBD");
  ASSERT_EQ(clean.edits().size(), 5u);  // C0 AF is two bad bytes
  EXPECT_EQ(clean.edits()[0], (Edit{EditKind::kInvalidUtf8, {1, 2}, {1, 4}}));
  EXPECT_EQ(Slice(raw, clean.ToRaw({5, 8})), "\xE2\x82");
  EXPECT_EQ(clean.edits()[3].raw, (ByteSpan{raw.size() - 2, raw.size() - 1}));
  EXPECT_EQ(clean.edits()[4].raw, (ByteSpan{raw.size() - 1, raw.size()}));
}

TEST(Normalize, EmptyInputGivesEmptyOutput) {
  const NormalizedText clean = Normalize("");
  EXPECT_EQ(clean.text(), "");
  EXPECT_TRUE(clean.edits().empty());
  EXPECT_EQ(clean.ToRaw({0, 0}), (ByteSpan{0, 0}));
  EXPECT_EQ(clean.ToClean({0, 5}), (ByteSpan{0, 0}));
}

TEST(Normalize, SpansAtRemovalsLeaveTheRemovedBytesOut) {
  const std::string raw = "said.\xEF\xBB\xBF The";  // BOM removed
  const NormalizedText clean = Normalize(raw);
  ASSERT_EQ(clean.text(), "said. The");
  EXPECT_EQ(clean.ToRaw({0, 5}), (ByteSpan{0, 5}));
  EXPECT_EQ(clean.ToRaw({5, 9}), (ByteSpan{8, 12}));
  EXPECT_EQ(clean.ToClean({5, 8}), (ByteSpan{5, 5}));
}

TEST(Normalize, LongInputsStayLinear) {
  // Inputs that would be quadratic for a naive repair loop.
  const std::vector<std::string> units = {"&amp;", "\xC3\x83", "\xCC\x81", "  ", "&#1234567890",
                                          "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2", "\xFF"};
  for (const std::string& unit : units) {
    std::string raw;
    while (raw.size() < (4u << 20)) raw += unit;
    const NormalizedText clean = Normalize(raw);
    EXPECT_TRUE(internal::IsValidUtf8(clean.text()));
    std::size_t raw_edited = 0, clean_edited = 0;
    for (const Edit& e : clean.edits()) {
      raw_edited += e.raw.size();
      clean_edited += e.clean.size();
    }
    EXPECT_EQ(raw.size() - raw_edited, clean.text().size() - clean_edited);
  }
}

TEST(NormalizeOptions, UnknownProfileIsAnError) {
  Result<NormalizeOptions> options = NormalizeOptions::ForProfile("newsroom");
  ASSERT_FALSE(options.ok());
  EXPECT_EQ(options.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(options.status().message()), ::testing::HasSubstr("newsroom"));
}

}  // namespace
}  // namespace copydesk
