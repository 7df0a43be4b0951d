#include "internal/mojibake.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "internal/embedded_data.h"
#include "internal/lexicon_lines.h"
#include "internal/utf8.h"

namespace copydesk::internal {
namespace {

// How much a code page is trusted. Windows-1252 (with Latin-1) is by far the
// most common wrong decoding and MacRoman the next; the other Windows-125x
// pages repair only what is unmistakable, because their letters are the
// correct text of whole languages.
enum class Trust { kWindows1252, kMacRoman, kOther };

class CodePage {
 public:
  CodePage(std::string_view name, Trust trust) : trust_(trust) {
    for (std::string_view line : BuiltinLexicon(std::string("codepage_") + std::string(name))) {
      const std::size_t space = line.find(' ');
      const auto byte = static_cast<uint8_t>(std::stoul(std::string(line.substr(0, space)), nullptr, 16));
      const auto cp = static_cast<char32_t>(std::stoul(std::string(line.substr(space + 1)), nullptr, 16));
      to_code_point_[byte - 0x80] = cp;
      SetByte(cp, byte);
    }
    if (trust == Trust::kWindows1252) {
      // Latin-1 readers turn 0x80-0x9F into C1 controls: accept those too.
      for (char32_t c1 = 0x80; c1 < 0xA0; ++c1) {
        if (ByteOf(c1) < 0) SetByte(c1, static_cast<uint8_t>(c1));
      }
    }
  }

  Trust trust() const { return trust_; }
  char32_t CodePointOf(uint8_t byte) const { return to_code_point_[byte - 0x80]; }
  // The byte this code page writes for `cp`, or -1 when it has none.
  int ByteOf(char32_t cp) const {
    if (cp >= 0x80 && cp < 0x100) return latin_to_byte_[cp - 0x80];
    auto it = to_byte_.find(cp);
    return it == to_byte_.end() ? -1 : it->second;
  }

 private:
  void SetByte(char32_t cp, uint8_t byte) {
    if (cp >= 0x80 && cp < 0x100) {
      latin_to_byte_[cp - 0x80] = byte;
    } else {
      to_byte_[cp] = byte;
    }
  }

  Trust trust_;
  std::array<char32_t, 128> to_code_point_{};
  // U+0080-U+00FF, the characters most runs are made of, by direct lookup.
  std::array<int16_t, 128> latin_to_byte_ = MakeUnmapped();
  absl::flat_hash_map<char32_t, uint8_t> to_byte_;

  static std::array<int16_t, 128> MakeUnmapped() {
    std::array<int16_t, 128> a;
    a.fill(-1);
    return a;
  }
};

const std::vector<CodePage>& CodePages() {
  static const auto* pages = new std::vector<CodePage>{
      {"cp1252", Trust::kWindows1252}, {"mac_roman", Trust::kMacRoman},
      {"cp1250", Trust::kOther},       {"cp1251", Trust::kOther},
      {"cp1253", Trust::kOther},       {"cp1254", Trust::kOther},
      {"cp1257", Trust::kOther}};
  return *pages;
}

bool IsContinuation(int byte) { return byte >= 0x80 && byte <= 0xBF; }

// Bytes in the UTF-8 sequence a lead byte starts, or 0.
int SequenceLength(int byte) {
  if (byte >= 0xC2 && byte <= 0xDF) return 2;
  if (byte >= 0xE0 && byte <= 0xEF) return 3;
  if (byte >= 0xF0 && byte <= 0xF4) return 4;
  return 0;
}

// A character no one writes on purpose: no repair may produce one.
bool IsImplausibleResult(char32_t cp) {
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UNASSIGNED:
    case U_PRIVATE_USE_CHAR:
    case U_CONTROL_CHAR:
    case U_SURROGATE:
      return true;
    default:
      return false;
  }
}

using Candidate = MojibakeCandidate;

bool SameScriptLetters(char32_t a, char32_t b) {
  if (!u_isalpha(static_cast<UChar32>(a)) || !u_isalpha(static_cast<UChar32>(b))) return false;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode sa = uscript_getScript(static_cast<UChar32>(a), &status);
  const UScriptCode sb = uscript_getScript(static_cast<UChar32>(b), &status);
  return U_SUCCESS(status) && sa == sb;
}

bool IsLetter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }

// Punctuation that follows the last letter of a word: after a capital it
// usually ends an all-capitals word ("«COSÌ»", "MANHÃ”"), which must stay.
bool EndsWords(char32_t cp) {
  return cp == 0x00A0 || cp == 0x00AB || cp == 0x00BB || cp == 0x2019 || cp == 0x201D ||
         cp == 0x2026;
}

// The rules that keep correct text correct. A decoded sequence is accepted
// when it is a character someone meant and its source characters are an
// unlikely combination:
//  - 3- and 4-byte sequences ("â€™", "ðŸ˜€"): three or four specific
//    non-ASCII characters in a row do not occur in real text. Phonetic
//    extensions (U+1D00-U+1DBF) are refused: "á´´" is more likely meant.
//    Code pages other than Windows-1252 and MacRoman must decode to
//    punctuation or symbols (their letters are real languages).
//  - 2-byte sequences are refused when the second character is punctuation
//    that ends words and a capital letter comes before: "«COSÌ»" stays.
//  - 2-byte sequences to U+00A0-U+00FF ("Ã©", "Â£"): the lead is Â or Ã in
//    Windows-1252, which text does not follow with a symbol. MacRoman (¬ √)
//    must give a letter or use a character Latin-1 lacks ("¬´" stays).
//    Other code pages must give a letter from a non-letter and no NBSP
//    (correct Cyrillic "Вё" and "В\u00a0" stay). A C1 control is accepted
//    from Windows-1252 "Â" only, as the inner layer of double mojibake.
//  - 2-byte sequences to U+0100 and up: a Latin Extended-A letter
//    ("Å„" → ń, Windows-1252 only); a letter of another script when a
//    neighbouring sequence decodes to a letter of the same script (words
//    come in runs: "ÐŸÑ€" → "Пр", while "×£" in "5×£35" stays); a single
//    Greek or Cyrillic letter from Î Ï Ð Ñ followed by a symbol ("Î³" → γ);
//    a combining mark after a character other than a space.
void Judge(const CodePage& page, const std::vector<RunChar>& run, char32_t before,
           std::vector<Candidate>* candidates) {
  const bool windows1252 = page.trust() == Trust::kWindows1252;
  for (std::size_t k = 0; k < candidates->size(); ++k) {
    Candidate& c = (*candidates)[k];
    if (c.lossy) continue;
    const auto type = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c.decoded)));
    if (c.length >= 3) {
      if (IsImplausibleResult(c.decoded) || (c.decoded >= 0x1D00 && c.decoded <= 0x1DBF)) continue;
      c.accepted = page.trust() != Trust::kOther || u_ispunct(static_cast<UChar32>(c.decoded)) ||
                   type == U_CURRENCY_SYMBOL || type == U_OTHER_SYMBOL;
      continue;
    }
    const char32_t lead = run[c.first].code_point;
    const char32_t second = run[c.first + 1].code_point;
    const char32_t previous = c.first == 0 ? before : run[c.first - 1].code_point;
    if (EndsWords(second) && u_isupper(static_cast<UChar32>(previous))) continue;
    if (c.decoded < 0xA0) {
      c.accepted = windows1252 && lead == 0xC2;
      continue;
    }
    if (IsImplausibleResult(c.decoded)) continue;
    const bool latin1_letter = c.decoded >= 0xC0 && c.decoded != 0xD7 && c.decoded != 0xF7;
    if (c.decoded < 0x100) {
      switch (page.trust()) {
        case Trust::kWindows1252:
          c.accepted = true;
          break;
        case Trust::kMacRoman:
          c.accepted = latin1_letter || second > 0xFF;
          break;
        case Trust::kOther:
          c.accepted = latin1_letter && !IsLetter(second) && second != 0xA0;
          break;
      }
      continue;
    }
    if (type == U_NON_SPACING_MARK) {
      c.accepted = windows1252 && previous != 0 && !u_isUWhiteSpace(static_cast<UChar32>(previous));
      continue;
    }
    if (!IsLetter(c.decoded)) continue;
    if (c.decoded < 0x180) {
      c.accepted = windows1252;
      continue;
    }
    const auto same_script_neighbour = [&](std::size_t other) {
      const Candidate& o = (*candidates)[other];
      return (o.first + o.length == c.first || c.first + c.length == o.first) &&
             !IsImplausibleResult(o.decoded) && SameScriptLetters(c.decoded, o.decoded);
    };
    const bool greek_or_cyrillic_lead =
        windows1252 && (lead == 0xCE || lead == 0xCF || lead == 0xD0 || lead == 0xD1);
    c.accepted = (k > 0 && same_script_neighbour(k - 1)) ||
                 (k + 1 < candidates->size() && same_script_neighbour(k + 1)) ||
                 (greek_or_cyrillic_lead && !IsLetter(second));
  }
}

// Decodes the sequence of `length` bytes; U+FFFD when ill-formed.
char32_t DecodeBytes(const uint8_t* bytes, int length) {
  const std::string_view view(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
  const DecodedChar d = DecodeUtf8(view, 0);
  return d.valid && static_cast<int>(d.length) == length ? d.code_point : kReplacementCharacter;
}

// One pass of `page` over `run`. Returns true when it repaired something.
bool RepairWith(const CodePage& page, std::vector<RunChar>* run, char32_t before,
                char next_ascii, bool* lost_byte, MojibakeScratch* scratch) {
  const std::size_t n = run->size();
  std::vector<int>& bytes = scratch->bytes;
  bytes.resize(n);
  bool any_lead = false;
  for (std::size_t i = 0; i < n; ++i) {
    bytes[i] = (*run)[i].edit == EditKind::kInvalidUtf8 ? -1 : page.ByteOf((*run)[i].code_point);
    any_lead = any_lead || SequenceLength(bytes[i]) > 0;
  }
  if (!any_lead) return false;

  std::vector<Candidate>& candidates = scratch->candidates;
  candidates.clear();
  const bool windows1252 = page.trust() == Trust::kWindows1252;
  for (std::size_t i = 0; i < n;) {
    const int length = SequenceLength(bytes[i]);
    int have = 1;
    while (length > 0 && have < length && i + have < n && IsContinuation(bytes[i + have])) ++have;
    if (length > 0 && have == length) {
      uint8_t seq[4];
      for (int j = 0; j < length; ++j) seq[j] = static_cast<uint8_t>(bytes[i + j]);
      const char32_t decoded = DecodeBytes(seq, length);
      if (decoded != kReplacementCharacter) {
        candidates.push_back({i, length, decoded});
        i += static_cast<std::size_t>(length);
        continue;
      }
    }
    // A sequence whose missing byte a lossy decoder already replaced: the
    // prefix and its U+FFFD become one U+FFFD ("Ä�" in "SlovenÄ�ina"). A
    // one-character prefix must be Â or Ã, or a capital after a small
    // letter, so that correct text ("é" before a bad byte) stays.
    if (length > 0 && have < length && i + have < n && windows1252 &&
        (*run)[i + have].code_point == kReplacementCharacter &&
        (have >= 2 || bytes[i] == 0xC2 || bytes[i] == 0xC3 ||
         (length == 2 && u_islower(static_cast<UChar32>(i == 0 ? before : (*run)[i - 1].code_point))))) {
      Candidate lossy{i, have + 1, kReplacementCharacter, true, true};
      candidates.push_back(lossy);
      i += static_cast<std::size_t>(have) + 1;
      continue;
    }
    // A sequence cut short at the end of the run, followed by "?" (what
    // lossy converters write): believed for the common "â€" prefix of
    // Windows-1252 punctuation only. The caller folds the "?" in.
    if (length >= 3 && have == length - 1 && i + have == n && next_ascii == '?' && windows1252 &&
        bytes[i] == 0xE2 && bytes[i + 1] == 0x80) {
      candidates.push_back({i, have, kReplacementCharacter, true, true});
      *lost_byte = true;
      break;
    }
    ++i;
  }
  Judge(page, *run, before, &candidates);

  std::vector<RunChar>& repaired = scratch->repaired;
  repaired.clear();
  std::size_t next_candidate = 0;
  bool changed = false;
  for (std::size_t i = 0; i < n;) {
    while (next_candidate < candidates.size() && candidates[next_candidate].first < i) ++next_candidate;
    if (next_candidate == candidates.size() || candidates[next_candidate].first != i ||
        !candidates[next_candidate].accepted) {
      repaired.push_back((*run)[i++]);
      continue;
    }
    const Candidate& c = candidates[next_candidate];
    const std::size_t last = i + static_cast<std::size_t>(c.length) - 1;
    repaired.push_back({c.decoded, {(*run)[i].raw.begin, (*run)[last].raw.end},
                        c.lossy ? EditKind::kLossyMojibake : EditKind::kMojibake});
    i = last + 1;
    changed = true;
  }
  if (changed) run->swap(repaired);
  return changed;
}

}  // namespace

char32_t Windows1252C1(char32_t c1_control) {
  const char32_t cp = CodePages().front().CodePointOf(static_cast<uint8_t>(c1_control));
  return cp == c1_control ? 0 : cp;
}

bool RepairMojibake(std::vector<RunChar>* run, char32_t before, char next_ascii,
                    MojibakeScratch* scratch) {
  bool lost_byte = false;
  // Double encoding is mojibake of mojibake: repeat while a pass repairs
  // something, at most three times (triple encoding is the worst seen).
  for (int round = 0; round < 3 && run->size() >= 2; ++round) {
    bool changed = false;
    for (const CodePage& page : CodePages()) {
      if (RepairWith(page, run, before, lost_byte ? '\0' : next_ascii, &lost_byte, scratch)) {
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return lost_byte;
}

}  // namespace copydesk::internal
