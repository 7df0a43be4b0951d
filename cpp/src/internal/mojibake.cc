#include "internal/mojibake.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <cstdint>
#include <functional>
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
    // Latin-1 and the other ISO-8859 readers turn 0x80-0x9F into C1
    // controls: accept those too.
    for (char32_t c1 = 0x80; c1 < 0xA0; ++c1) {
      if (ByteOf(c1) < 0) SetByte(c1, static_cast<uint8_t>(c1));
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
bool IsUpper(char32_t cp) { return u_isupper(static_cast<UChar32>(cp)); }
bool IsLower(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }

// A letter that spells words (not a modifier letter such as ˇ or ª).
bool IsWordLetter(char32_t cp) {
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_OTHER_LETTER:
      return true;
    default:
      return false;
  }
}

// Punctuation and signs that follow the last letter of a word.
bool EndsWords(char32_t cp) {
  switch (cp) {
    case 0x00A0: case 0x00AB: case 0x00BB: case 0x2013: case 0x2014:
    case 0x2019: case 0x201D: case 0x2026: case 0x2122:
      return true;
    default:
      return false;
  }
}

// The characters around a candidate, for the rules below.
struct Context {
  char32_t previous;  // before the sequence (0 at the start of the text)
  char32_t after;     // after the sequence (0 when unknown)
};

// The rules that keep correct text correct. A decoded sequence is accepted
// when it is a character someone meant and its source characters are an
// unlikely combination:
//  - 3- and 4-byte sequences ("â€™", "ðŸ˜€"): three or four specific
//    non-ASCII characters in a row do not occur in real text. Refused:
//    phonetic extensions (U+1D00-U+1DBF: "á´´" is meant), and a sequence
//    that ends in word-final punctuation right after a letter when its lead
//    is not "â" ("Brontë…”" stays). Code pages other than Windows-1252 and
//    MacRoman must decode to punctuation or symbols.
//  - 2-byte sequences whose second character is word-final punctuation
//    (» ” ’ … — ™ NBSP) that really ends the word (no letter follows; "’s")
//    are refused after a capital ("«COSÌ»", "AHÅ™") or, NBSP apart, after a
//    space ("Ã’s", "10 Å—"). A small Latin Extended letter after a capital
//    and not before a small letter is refused too ("MÄ£ÄM" is leetspeak).
//  - 2-byte sequences to U+00A0-U+00FF ("Ã©", "Â£"): the lead is Â or Ã in
//    Windows-1252, which text does not follow with a symbol. MacRoman (¬ √)
//    must give a letter or use a character Latin-1 lacks ("¬´" stays), and
//    not a Greek letter or math sign after a space ("√π" is math). Other
//    code pages must not use a letter or NBSP as the second
//    character, nor give a symbol from any lead but U+00C2 (correct
//    Cyrillic "Вё" and "В\u00a0" stay). A C1 control is accepted from
//    Windows-1252 "Â" only, as the inner layer of double mojibake.
//  - 2-byte sequences to U+0100 and up: a Latin Extended-A letter ("Å„" →
//    ń; from other code pages only with a non-letter second character); a
//    letter of another script when a neighbouring sequence decodes to a
//    letter of the same script (words come in runs: "ÐŸÑ€" → "Пр", while
//    "×£" in "5×£35" stays); a single Greek or Cyrillic letter from
//    Î Ï Ð Ñ followed by a symbol ("Î³" → γ); a combining diacritic
//    (U+0300-U+036F) after a character other than a space; a spacing
//    modifier (U+02B0-U+02FF) away from letters ("Ë›" → ˛ in a face).
void Judge(Trust trust, const std::vector<RunChar>& run,
           const std::function<Context(const Candidate&)>& context_of,
           std::vector<Candidate>* candidates) {
  const bool windows1252 = trust == Trust::kWindows1252;
  for (std::size_t k = 0; k < candidates->size(); ++k) {
    Candidate& c = (*candidates)[k];
    if (c.lossy) continue;
    const Context context = context_of(c);
    const char32_t lead = run[c.first].code_point;
    const char32_t last = run[c.first + c.length - 1].code_point;
    const auto type = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c.decoded)));
    if (c.length >= 3) {
      if (IsImplausibleResult(c.decoded) || (c.decoded >= 0x1D00 && c.decoded <= 0x1DBF)) continue;
      if (lead != 0xE2 && EndsWords(last) && IsLetter(context.previous) && !IsLetter(context.after)) {
        continue;
      }
      c.accepted = trust != Trust::kOther || u_ispunct(static_cast<UChar32>(c.decoded)) ||
                   type == U_CURRENCY_SYMBOL || type == U_OTHER_SYMBOL;
      continue;
    }
    const char32_t second = last;
    // "Ã" is mojibake so often that only quotes, "…" and NBSP after it can
    // end a word ("OÃ™" is "OÙ"); a NBSP ends a word unless "Ã" is inside one
    // ("GÃ\u00a0idhlig" is "Gàidhlig", "SELKÄ\u00a0EDELLÄ" stays).
    const bool a_tilde = windows1252 && lead == 0xC3;
    const bool word_final = EndsWords(second) &&
                            !(a_tilde && (second == 0x2122 || second == 0x2013 || second == 0x2014));
    const bool ends_word =
        word_final && (second == 0xA0 ? !(a_tilde && IsLetter(context.after))
                                      : !IsLetter(context.after) || (second == 0x2019 && context.after == 's'));
    const bool after_space = context.previous == 0 || u_isUWhiteSpace(static_cast<UChar32>(context.previous));
    if (ends_word && (IsUpper(context.previous) || (after_space && second != 0xA0))) continue;
    if (c.decoded >= 0x100 && c.decoded < 0x250 && IsLower(c.decoded) && IsUpper(context.previous) &&
        !IsLower(context.after)) {
      continue;
    }
    if (c.decoded < 0xA0) {
      c.accepted = windows1252 && run[c.first].code_point == 0xC2;
      continue;
    }
    if (IsImplausibleResult(c.decoded)) continue;
    const bool latin1_letter = c.decoded >= 0xC0 && c.decoded != 0xD7 && c.decoded != 0xF7;
    if (c.decoded < 0x100) {
      switch (trust) {
        case Trust::kWindows1252:
          c.accepted = true;
          break;
        case Trust::kMacRoman: {
          const bool math = (second >= 0x370 && second <= 0x3FF) || (second >= 0x2200 && second <= 0x22FF);
          c.accepted = (latin1_letter || second > 0xFF) && !(math && after_space);
          break;
        }
        case Trust::kOther:
          c.accepted = !IsWordLetter(second) && second != 0xA0 && (latin1_letter || c.decoded < 0xC0);
          break;
      }
      continue;
    }
    if (type == U_NON_SPACING_MARK) {
      c.accepted = windows1252 && c.decoded <= 0x36F && !after_space;
      continue;
    }
    if (c.decoded >= 0x2B0 && c.decoded <= 0x2FF) {  // spacing modifiers: ˛ ˇ ˘
      c.accepted = windows1252 && !IsLetter(context.previous) && !IsLetter(context.after);
      continue;
    }
    if (!IsLetter(c.decoded)) continue;
    if (c.decoded < 0x180) {
      c.accepted = windows1252 || (trust == Trust::kOther && !IsWordLetter(second));
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

// Decodes the `length` bytes as one UTF-8 sequence. A UTF-8-encoded
// surrogate pair (CESU-8, six bytes: how Java and old MySQL write emoji) is
// read as the character it stands for. Returns false when ill-formed.
bool DecodeSequence(const int* bytes, int length, char32_t* out) {
  char buffer[4];
  for (int j = 0; j < length && j < 4; ++j) buffer[j] = static_cast<char>(bytes[j]);
  if (length == 3 && bytes[0] == 0xED) {
    *out = static_cast<char32_t>(((bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F)) | 0xD000;
    return true;  // a surrogate; only ever accepted as half of a pair
  }
  const DecodedChar d = DecodeUtf8(std::string_view(buffer, static_cast<std::size_t>(length)), 0);
  if (!d.valid || static_cast<int>(d.length) != length) return false;
  *out = d.code_point;
  return true;
}

// The character before run[i], looking through invisible formatting
// characters (LRM, ZWSP, BOM) that a later step removes.
char32_t VisibleBefore(const std::vector<RunChar>& run, std::size_t i, char32_t before) {
  while (i > 0 && u_charType(static_cast<UChar32>(run[i - 1].code_point)) == U_FORMAT_CHAR) --i;
  return i == 0 ? before : run[i - 1].code_point;
}

// Finds the UTF-8 sequences `page` reads in `run` and judges them into
// scratch->candidates. Returns the characters the accepted ones cover.
std::size_t FindCandidates(const CodePage& page, const std::vector<RunChar>& run, char32_t before,
                           char next_ascii, MojibakeScratch* scratch) {
  const std::size_t n = run.size();
  std::vector<int>& bytes = scratch->bytes;
  bytes.resize(n);
  bool any_lead = false;
  for (std::size_t i = 0; i < n; ++i) {
    bytes[i] = run[i].edit == EditKind::kInvalidUtf8 ? -1 : page.ByteOf(run[i].code_point);
    any_lead = any_lead || SequenceLength(bytes[i]) > 0;
  }
  std::vector<Candidate>& candidates = scratch->candidates;
  candidates.clear();
  if (!any_lead) return 0;

  const bool windows1252 = page.trust() == Trust::kWindows1252;
  for (std::size_t i = 0; i < n;) {
    const int length = SequenceLength(bytes[i]);
    int have = 1;
    while (length > 0 && have < length && i + have < n && IsContinuation(bytes[i + have])) ++have;
    char32_t decoded = 0;
    if (length > 0 && have == length && DecodeSequence(&bytes[i], length, &decoded)) {
      if (decoded >= 0xD800 && decoded <= 0xDBFF && i + 5 < n && bytes[i + 3] == 0xED &&
          IsContinuation(bytes[i + 4]) && IsContinuation(bytes[i + 5])) {
        char32_t low = 0;
        DecodeSequence(&bytes[i + 3], 3, &low);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          candidates.push_back({i, 6, 0x10000 + ((decoded - 0xD800) << 10) + (low - 0xDC00)});
          i += 6;
          continue;
        }
      }
      if (decoded < 0xD800 || decoded > 0xDFFF) {
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
        run[i + have].code_point == kReplacementCharacter &&
        (have >= 2 || bytes[i] == 0xC2 || bytes[i] == 0xC3 ||
         (length == 2 && IsLower(VisibleBefore(run, i, before))))) {
      candidates.push_back({i, have + 1, kReplacementCharacter, true, true});
      i += static_cast<std::size_t>(have) + 1;
      continue;
    }
    // A sequence cut short at the end of the run, followed by "?" (what
    // lossy converters write): believed for the common "â€" prefix of
    // Windows-1252 punctuation only. The caller folds the "?" in.
    if (length >= 3 && have == length - 1 && i + have == n && next_ascii == '?' && windows1252 &&
        bytes[i] == 0xE2 && bytes[i + 1] == 0x80) {
      candidates.push_back({i, have, kReplacementCharacter, true, true});
      break;
    }
    ++i;
  }
  const auto context_of = [&](const Candidate& c) {
    const std::size_t end = c.first + static_cast<std::size_t>(c.length);
    return Context{c.first == 0 ? before : run[c.first - 1].code_point,
                   end < n ? run[end].code_point : static_cast<char32_t>(static_cast<unsigned char>(next_ascii))};
  };
  Judge(page.trust(), run, context_of, &candidates);
  std::size_t covered = 0;
  for (const Candidate& c : candidates) covered += c.accepted ? static_cast<std::size_t>(c.length) : 0;
  return covered;
}

// Replaces the accepted candidates in `run`. Returns true when the last one
// stands for a byte lost at the end of the run (a "?" follows).
bool ApplyCandidates(const std::vector<Candidate>& candidates, std::vector<RunChar>* run,
                     MojibakeScratch* scratch) {
  std::vector<RunChar>& repaired = scratch->repaired;
  repaired.clear();
  bool lost_byte = false;
  std::size_t next = 0;
  for (std::size_t i = 0; i < run->size();) {
    while (next < candidates.size() && candidates[next].first < i) ++next;
    if (next == candidates.size() || candidates[next].first != i || !candidates[next].accepted) {
      repaired.push_back((*run)[i++]);
      continue;
    }
    const Candidate& c = candidates[next];
    const std::size_t last = i + static_cast<std::size_t>(c.length) - 1;
    repaired.push_back({c.decoded, {(*run)[i].raw.begin, (*run)[last].raw.end},
                        c.lossy ? EditKind::kLossyMojibake : EditKind::kMojibake});
    lost_byte = c.lossy && last + 1 == run->size() && c.decoded == kReplacementCharacter &&
                (*run)[last].code_point != kReplacementCharacter;
    i = last + 1;
  }
  run->swap(repaired);
  return lost_byte;
}

}  // namespace

char32_t Windows1252C1(char32_t c1_control) {
  const char32_t cp = CodePages().front().CodePointOf(static_cast<uint8_t>(c1_control));
  return cp == c1_control ? 0 : cp;
}

MojibakeResult RepairMojibake(std::vector<RunChar>* run, char32_t before, char next_ascii,
                              MojibakeScratch* scratch) {
  MojibakeResult result;
  // Double encoding is mojibake of mojibake: repeat while a round repairs
  // something. Each round shortens the run, and the number of rounds is
  // bounded, so the cost stays linear.
  constexpr int kMojibakeRounds = 4;
  for (int round = 0; round < kMojibakeRounds && run->size() >= 2; ++round) {
    // The code page that explains the most characters wins; on a tie, the
    // more common one (Windows-1252, then MacRoman, then the others).
    std::size_t best_covered = 0;
    for (const CodePage& page : CodePages()) {
      const std::size_t covered =
          FindCandidates(page, *run, before, result.lost_byte ? '\0' : next_ascii, scratch);
      if (covered > best_covered) {
        best_covered = covered;
        scratch->best.swap(scratch->candidates);
        if (covered == run->size()) break;  // no page can explain more
      }
    }
    if (best_covered == 0) return result;
    result.lost_byte = ApplyCandidates(scratch->best, run, scratch) || result.lost_byte;
  }
  result.may_repair_more = run->size() >= 2;
  return result;
}

}  // namespace copydesk::internal
