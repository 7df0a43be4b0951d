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
// most common wrong decoding and MacRoman the next; the other pages repair on
// their own only what is unmistakable, because their letters are the correct
// text of whole languages, and otherwise need the evidence of a whole run.
// The DOS code page 437 writes lead bytes as box drawing, which line art
// uses side by side: its 2-byte sequences need a damaged run.
enum class Trust { kWindows1252, kMacRoman, kOther, kDos };

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
    // Latin-1 reads 0x80-0x9F as C1 controls where Windows-1252 has
    // punctuation: accept those too. (The other Windows pages list their
    // undefined bytes as C1 controls already; ISO-8859-2 has a page of its
    // own, so a C1 control is evidence for it.)
    if (trust == Trust::kWindows1252) {
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
      {"cp1250", Trust::kOther},       {"iso8859_2", Trust::kOther},
      {"cp1251", Trust::kOther},       {"cp1253", Trust::kOther},
      {"cp1254", Trust::kOther},       {"cp1257", Trust::kOther},
      {"cp437", Trust::kDos}};
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

bool IsLetter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }
bool IsUpper(char32_t cp) { return u_isupper(static_cast<UChar32>(cp)); }
bool IsLower(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }

// A letter that spells words: not a modifier letter such as ˇ or ª, nor
// "ƒ", a letter in name only (the florin sign, and a lead of mojibake).
bool IsWordLetter(char32_t cp) {
  if (cp == 0x0192) return false;
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

// The script of a letter; 0 (Common) for everything else.
UScriptCode ScriptOf(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
  return U_SUCCESS(status) && script != USCRIPT_INHERITED ? script : USCRIPT_COMMON;
}

bool SameScriptLetters(char32_t a, char32_t b) {
  return IsLetter(a) && IsLetter(b) && ScriptOf(a) == ScriptOf(b);
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

// Punctuation that correct text puts next to letters all the time.
bool IsTypography(char32_t cp) {
  switch (cp) {
    case 0x00A0: case 0x00AB: case 0x00B7: case 0x00BB: case 0x2013: case 0x2014:
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x201E: case 0x2026:
      return true;
    default:
      return false;
  }
}

// The punctuation and symbol blocks text really uses: general punctuation,
// currency, letterlike (™ №), arrows, mathematical and technical signs,
// shapes, dingbats and emoji-like symbols, CJK punctuation. A code page
// other than Windows-1252 or MacRoman may decode three bytes to one of
// these on its own ("â€ś" → “); not to the rarer blocks (correct Ukrainian
// "ві»" reads as a Coptic mark in Windows-1251).
bool IsCommonSymbol(char32_t cp) {
  return (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20BF) ||
         (cp >= 0x2100 && cp <= 0x214F) || (cp >= 0x2190 && cp <= 0x23FF) ||
         (cp >= 0x25A0 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
         (cp >= 0x3000 && cp <= 0x303F);
}

// A letter a repair may produce from less than unmistakable evidence: a
// word letter, but not IPA or phonetic extensions ("ʌ" from correct Polish
// "ĘŚ" in Windows-1250), nor the archaic long s ("┼┐" in line art).
// Of Latin Extended-B, only the letters living languages write: Vietnamese
// ơ ư, Pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ, Romanian ș ț ("Ɋ" from correct Czech "ÉŠ"
// is not one).
bool IsPlausibleLetter(char32_t cp) {
  if (cp >= 0x0180 && cp <= 0x024F) {
    return cp == 0x01A0 || cp == 0x01A1 || cp == 0x01AF || cp == 0x01B0 ||
           (cp >= 0x01CD && cp <= 0x01DC) || (cp >= 0x0218 && cp <= 0x021B);
  }
  return IsWordLetter(cp) && cp != 0x017F && !(cp >= 0x0250 && cp <= 0x02AF) &&
         !(cp >= 0x1D00 && cp <= 0x1DBF);
}

// The characters around a candidate, for the rules below.
struct Context {
  char32_t previous;  // before the sequence (0 at the start of the text)
  char32_t after;     // after the sequence (0 when unknown)
  bool previous_in_sequence;  // `previous` ends another sequence ("Р\u00a0" in "Р\u00a0С—")
};

// True when candidate k has a neighbouring candidate that decodes to a
// letter of the same script: words come in runs ("ÐŸÑ€" → "Пр").
bool SameScriptNeighbour(const std::vector<Candidate>& candidates, std::size_t k) {
  const Candidate& c = candidates[k];
  const auto same = [&](const Candidate& o) {
    return (o.first + static_cast<std::size_t>(o.length) == c.first ||
            c.first + static_cast<std::size_t>(c.length) == o.first) &&
           !o.lossy && !IsImplausibleResult(o.decoded) && SameScriptLetters(c.decoded, o.decoded);
  };
  return (k > 0 && same(candidates[k - 1])) ||
         (k + 1 < candidates.size() && same(candidates[k + 1]));
}

// The rules that accept a sequence on its own. A decoded sequence is
// accepted when it is a character someone meant and its source characters
// are an unlikely combination:
//  - 3- and 4-byte sequences ("â€™", "ðŸ˜€"): three or four specific
//    non-ASCII characters in a row do not occur in real text. Refused:
//    phonetic extensions (U+1D00-U+1DBF: "á´´" is meant), and a sequence
//    that ends in word-final punctuation right after a letter when its lead
//    is not "â" ("Brontë…”" stays). Code pages other than Windows-1252 and
//    MacRoman must decode to a common punctuation mark or symbol.
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
//    ń; from other code pages only with a non-letter second character; not
//    a capital after a small letter); from
//    Windows-1252 and MacRoman, a letter of another script when a
//    neighbouring sequence decodes to a letter of the same script (words come
//    in runs: "ÐŸÑ€" → "Пр", while "×£" in "5×£35" stays); a single Greek or
//    Cyrillic letter from Î Ï Ð Ñ followed by a symbol ("Î³" → γ, "Ñƒ" →
//    у); a combining mark U+0300-U+033F (lead "Ì") after a character other
//    than a space ("eÌ\u0081" → é; correct Czech "ÍŽ" stays); a spacing
//    modifier (U+02B0-U+02FF) away from letters ("Ë›" → ˛ in a face).
// JudgeRun() below accepts more on the evidence of the whole run, but never
// what these rules refuse as the look of correct text (`refused`).
template <typename ContextOf>
void Judge(Trust trust, const std::vector<RunChar>& run, const ContextOf& context_of,
           std::vector<Candidate>* candidates) {
  const bool windows1252 = trust == Trust::kWindows1252;
  for (std::size_t k = 0; k < candidates->size(); ++k) {
    Candidate& c = (*candidates)[k];
    if (c.lossy) continue;
    const Context context = context_of(k);
    const char32_t lead = run[c.first].code_point;
    const char32_t last = run[c.first + c.length - 1].code_point;
    if (c.length >= 3) {
      c.refused = IsImplausibleResult(c.decoded) || (c.decoded >= 0x1D00 && c.decoded <= 0x1DBF) ||
                  (lead != 0xE2 && EndsWords(last) && IsLetter(context.previous) &&
                   !IsLetter(context.after));
      if (c.refused) continue;
      // A sequence read across a space that stood for its NBSP byte (see
      // ContinuesAcross) must make a common symbol, a braille blank (an
      // invisible spacer online: "â €"), or a letter beside others of its
      // script ("å \u008d" in Chinese), not one ideograph from "é ©".
      bool across_space = false;
      for (int j = 0; j < c.length; ++j) {
        across_space = across_space || run[c.first + j].raw.size() == 1;
      }
      if (across_space) {
        c.accepted = IsCommonSymbol(c.decoded) || (c.decoded >= 0x2800 && c.decoded <= 0x28FF) ||
                     (IsWordLetter(c.decoded) && SameScriptNeighbour(*candidates, k));
        c.refused = !c.accepted;
        continue;
      }
      bool source_letters = true;
      for (int j = 0; j < c.length; ++j) {
        source_letters = source_letters && IsWordLetter(run[c.first + j].code_point);
      }
      const auto ascii_letter = [](char32_t cp) { return cp < 0x80 && IsLetter(cp); };
      if (source_letters && IsWordLetter(c.decoded) &&
          (ascii_letter(context.previous) || ascii_letter(context.after))) {
        // Three letters inside a word are a word ("bangladéšští"), not the
        // ideograph of E9 9A 9A.
        continue;
      }
      if (trust == Trust::kOther || trust == Trust::kDos) {
        c.accepted = IsCommonSymbol(c.decoded);
      } else if (trust == Trust::kMacRoman && IsWordLetter(c.decoded) &&
                 ScriptOf(c.decoded) != USCRIPT_LATIN) {
        // MacRoman of Han or Thai is rare beside its Windows-1252 look-alikes
        // ("Â¢â" is "¢" and a lead, not 墉): it needs a neighbour of its script.
        c.accepted = SameScriptNeighbour(*candidates, k);
      } else {
        c.accepted = true;
      }
      continue;
    }
    if (trust == Trust::kDos) continue;
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
    const bool after_space =
        !context.previous_in_sequence &&
        (context.previous == 0 || u_isUWhiteSpace(static_cast<UChar32>(context.previous)));
    // (The character before a sequence that follows another is that one's
    // last byte, not a letter of the text: these rules do not look at it.)
    const bool capital_before = !context.previous_in_sequence && IsUpper(context.previous);
    c.refused = (ends_word && (capital_before || (after_space && second != 0xA0))) ||
                (c.decoded >= 0x100 && c.decoded < 0x250 && IsLower(c.decoded) && capital_before &&
                 !IsLower(context.after));
    if (c.refused) continue;
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
          c.refused = math && after_space;
          c.accepted = (latin1_letter || second > 0xFF) && !c.refused;
          break;
        }
        case Trust::kOther:
          c.accepted = !IsWordLetter(second) && second != 0xA0 && (latin1_letter || c.decoded < 0xC0);
          break;
        case Trust::kDos:
          break;
      }
      continue;
    }
    if (u_charType(static_cast<UChar32>(c.decoded)) == U_NON_SPACING_MARK) {
      c.accepted = windows1252 && lead == 0xCC && !after_space;
      c.refused = !c.accepted;
      continue;
    }
    if (c.decoded >= 0x2B0 && c.decoded <= 0x2FF) {  // spacing modifiers: ˛ ˇ ˘
      c.accepted = windows1252 && !IsLetter(context.previous) && !IsLetter(context.after);
      c.refused = !c.accepted;
      continue;
    }
    if (!IsLetter(c.decoded)) {
      c.refused = true;
      continue;
    }
    if (c.decoded < 0x180) {
      // Not a capital after a small letter: Windows-1252 reads Windows-1257
      // "uÄ¨it" as "uĨit", where "učit" was meant.
      const bool capital_after_small =
          IsUpper(c.decoded) && !context.previous_in_sequence && IsLower(context.previous);
      c.refused = capital_after_small;
      c.accepted = (windows1252 || (trust == Trust::kOther && !IsWordLetter(second))) && !c.refused;
      continue;
    }
    if (trust == Trust::kOther) continue;
    const bool greek_or_cyrillic_lead =
        windows1252 && (lead == 0xCE || lead == 0xCF || lead == 0xD0 || lead == 0xD1);
    c.accepted =
        SameScriptNeighbour(*candidates, k) || (greek_or_cyrillic_lead && !IsWordLetter(second));
  }
}

// Pieces of a longer ill-formed byte stream. The code page's reading of a
// run breaks off at a stray character: a continuation byte that no sequence
// takes, or a sign the page lacks, after another character of the run ("†"
// in "ã†â€™"), and not made by an earlier round; or at a sequence that
// decodes to a character no one writes (a C1 control, unassigned), unless a
// rule accepted it. A sequence right after a break, or right after such a
// piece, is a piece, not a character someone wrote: the text changed after
// it was damaged (mojibake lowercased, a byte replaced), and a piece
// decodes to a guess ("â€™" is ’, and the "ã†’" it leaves, the ideograph
// ㆒). Pieces are refused, unless one decodes to a letter or mark beside
// another of its script: text without spaces reads on after a byte a
// converter dropped (Han, the Devanagari letter and vowel sign of
// "à¤¦à¥€" after "à¥"). Nothing breaks at a space ("café\u00a0â€œ"), at
// letters the page lacks (correct "Путинâ€™s"), or at a character that
// opens the run (a correct dash before "â€œ"). Returns true when it
// refuses a piece that Judge() accepted: whether the run breaks there may
// change when the text's other repairs change the characters around it.
bool JudgePieces(std::vector<Candidate>* candidates) {
  const auto ends_at = [&](std::size_t k, std::size_t first) {
    return (*candidates)[k].first + static_cast<std::size_t>((*candidates)[k].length) == first;
  };
  // A letter or combining mark of a script ("द", the vowel sign "ी").
  const auto script_of = [](char32_t cp) {
    const bool spells = IsWordLetter(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0;
    return spells ? ScriptOf(cp) : USCRIPT_COMMON;
  };
  const auto reads_on = [&](std::size_t k) {
    const UScriptCode script = script_of((*candidates)[k].decoded);
    const auto same = [&](std::size_t o) {
      return !(*candidates)[o].lossy && script_of((*candidates)[o].decoded) == script;
    };
    return script != USCRIPT_COMMON &&
           ((k > 0 && ends_at(k - 1, (*candidates)[k].first) && same(k - 1)) ||
            (k + 1 < candidates->size() && ends_at(k, (*candidates)[k + 1].first) && same(k + 1)));
  };
  bool refused_accepted = false;
  bool broken = false;  // the reading is broken right before candidate k
  for (std::size_t k = 0; k < candidates->size(); ++k) {
    Candidate& c = (*candidates)[k];
    const bool piece = c.after_stray || (k > 0 && ends_at(k - 1, c.first) && broken);
    if (piece && !c.lossy && !reads_on(k)) {
      refused_accepted = refused_accepted || c.accepted;
      c.accepted = false;
      c.refused = true;
    }
    broken = piece || (!c.accepted && !c.lossy && IsImplausibleResult(c.decoded));
  }
  return refused_accepted;
}

// Signs that text hardly ever uses but mojibake is full of: the florin ƒ,
// ¤ ¦ ¨ ¬ ¯ ¸, the spacing accents ˆ ˇ ˘ ˛ ˜ ˝, † ‡ ‰ ◊.
bool IsMojibakeSign(char32_t cp) {
  switch (cp) {
    case 0x0192: case 0x00A4: case 0x00A6: case 0x00A8: case 0x00AC: case 0x00AF: case 0x00B8:
    case 0x02C6: case 0x02C7: case 0x02D8: case 0x02DB: case 0x02DC: case 0x02DD:
    case 0x2020: case 0x2021: case 0x2030: case 0x25CA:
      return true;
    default:
      return false;
  }
}

// True when the run, with the characters around it, shows damage no
// correct word has: a C1 control or a mojibake sign; a symbol inside or at
// the end of a word ("d├⌐s", "Malm├╢", "signiп¬Ѓc") or beside a non-ASCII
// letter ("Ă®n", "ƒÅ", "─î"), while line art before a letter ("├┤a") is not; a capital after a
// small letter ("eĹŁo", "rÄŻs"); two capitals before a small letter ("ÄÆd",
// "MĂĄm").
bool LooksDamaged(const std::vector<RunChar>& run, char32_t before, char32_t after) {
  const std::size_t n = run.size();
  const bool ends_word = IsWordLetter(before);
  const auto at = [&](std::size_t i) {  // i = 0 is `before`, n + 1 is `after`
    return i == 0 ? before : i <= n ? run[i - 1].code_point : after;
  };
  for (std::size_t i = 1; i <= n; ++i) {
    const char32_t cp = at(i);
    const char32_t previous = at(i - 1);
    const char32_t next = at(i + 1);
    if ((cp >= 0x80 && cp < 0xA0) || IsMojibakeSign(cp)) return true;
    const bool word_part = IsWordLetter(cp) || u_getCombiningClass(static_cast<UChar32>(cp)) != 0 ||
                           IsTypography(cp) || u_isUWhiteSpace(static_cast<UChar32>(cp));
    const auto non_ascii_letter = [](char32_t c) { return c >= 0x80 && IsWordLetter(c); };
    if (!word_part && (ends_word || non_ascii_letter(previous) || non_ascii_letter(next))) {
      return true;
    }
    if (IsUpper(cp) && IsLower(previous)) return true;
    if (IsUpper(cp) && IsUpper(previous) && IsLower(next)) return true;
    if (IsUpper(cp) && IsUpper(next) && i + 2 <= n + 1 && IsLower(at(i + 2))) return true;
  }
  return false;
}

// Where a sequence meets its neighbours: is its decoded letter part of a
// word? It must be a plausible letter, of the script of the letters beside
// it, in the case of the word it joins ("ӣ" does not join "WSP", a small
// letter does not sit inside a word in capitals, a capital does not follow a
// small letter), and (for `needs_partner`) beside a letter of its own
// script. Case is checked against the text around the run only (`outer_*`):
// inside a run, the letters may be one layer of double mojibake ("РїСЂ").
bool FitsWord(char32_t decoded, char32_t left, char32_t right, char32_t outer_left,
              char32_t outer_right, bool needs_partner) {
  if (!IsPlausibleLetter(decoded)) return false;
  const UScriptCode script = ScriptOf(decoded);
  bool partner = false;
  for (const char32_t neighbour : {left, right}) {
    if (!IsWordLetter(neighbour)) continue;
    const UScriptCode other = ScriptOf(neighbour);
    if (other != USCRIPT_COMMON && script != USCRIPT_COMMON && other != script) return false;
    partner = true;
  }
  if (IsUpper(decoded) && IsLower(outer_left)) return false;
  if (IsLower(decoded) && IsUpper(outer_left) && IsUpper(outer_right)) return false;
  return partner || !needs_partner;
}

// The evidence of the whole run. When a code page reads every character of
// the run as part of a sequence, its sequences are consistent, as whole-text
// mojibake is:
//  - if one of them was accepted on its own, the others are accepted too
//    when they decode to something plausible, a letter that fits its word
//    or a lost byte ("¬©" beside "√†" in MacRoman, "ВЈ" beside "Г‚");
//  - if none was, but the run looks damaged (LooksDamaged) or, not being a
//    word itself, reads as two or more letters ("Р\u00a0С—" is "Рї", itself
//    mojibake of "п"; correct Ukrainian "СІРІ" is a word; code page 437's
//    line art reads as letters too), all of them are accepted when
//    every one decodes to a letter that fits its word beside a letter of its
//    own script ("ÄŻ" in "pagrÄŻstai", "─î" in "─îe┼ítina"); so they are
//    when the code page repairs two or more letters elsewhere in the line
//    ("Ĺž" in "Ĺžluťoučký" beside "PĹ\u0099Ă\u00adliĹĄ").
// Correct text almost never reads as a run of valid UTF-8 in a code page,
// and when it does ("ÜŞÜŞ", "ŻÓŁ"), it is not damaged or does not fit.
template <typename LineEvidenceOf>
void JudgeRun(Trust trust, const std::vector<RunChar>& run, char32_t before, char32_t after,
              const LineEvidenceOf& line_repairs, std::vector<Candidate>* candidates) {
  std::size_t covered = 0;
  bool any_accepted = false;
  bool all_accepted = true;
  for (const Candidate& c : *candidates) {
    if (c.first != covered || c.refused || (!c.lossy && IsImplausibleResult(c.decoded))) return;
    covered += static_cast<std::size_t>(c.length);
    any_accepted = any_accepted || (c.accepted && !c.lossy);
    all_accepted = all_accepted && c.accepted;
  }
  if (covered != run.size() || all_accepted) return;
  const std::size_t count = candidates->size();
  const auto letters = [&] {
    for (const Candidate& c : *candidates) {
      if (c.lossy || !IsWordLetter(c.decoded)) return false;
    }
    return true;
  };
  const auto has_non_letter = [&] {
    for (const RunChar& c : run) {
      if (!IsWordLetter(c.code_point)) return true;
    }
    return false;
  };
  const bool reads_as_word = trust != Trust::kDos && count >= 2 && has_non_letter() && letters();
  if (!any_accepted && !LooksDamaged(run, before, after) && !reads_as_word &&
      line_repairs().letters < 2) {
    return;
  }
  const auto fits = [&](std::size_t k) {
    const Candidate& c = (*candidates)[k];
    if (c.lossy || !IsWordLetter(c.decoded)) return any_accepted;
    const char32_t left = k > 0 ? (*candidates)[k - 1].decoded : before;
    const char32_t right = k + 1 < count ? (*candidates)[k + 1].decoded : after;
    return FitsWord(c.decoded, left, right, k == 0 ? before : 0, k + 1 == count ? after : 0,
                    !any_accepted);
  };
  if (any_accepted) {
    for (std::size_t k = 0; k < count; ++k) {
      if (!(*candidates)[k].accepted && fits(k)) (*candidates)[k].accepted = true;
    }
    return;
  }
  for (std::size_t k = 0; k < count; ++k) {
    if (!fits(k)) return;
  }
  for (Candidate& c : *candidates) c.accepted = true;
}

// NormalizeOptions::confirm_mixed_line_pairs. A line that also holds
// non-ASCII text the code page leaves ("–" in "Bremer – DrÃ¥ber") is not
// mojibake as a whole, so a sequence in it stands on its own evidence. "Ã"
// or "Â" followed by a sign that correct text writes right after a capital
// letter (word-final "…" and "’", the capitals "Œ" and "Ž", the yen sign
// after a currency code: "JP¥") reads as correct text as much as mojibake
// (of "Å", "Ò", "Ì", "Î", "å"): such a pair of raw characters is kept only
// when the same page repairs another sequence in the line ("HÃ¥bet og
// MÃ¸rket"). These are the pairs that ftfy, too, does not count as
// mojibake on their own. Returns true when it leaves one: the line's other
// repairs (a ligature folded, a quote straightened) may change what a
// later pass sees of it. The line is read only when a run holds such a
// pair.
template <typename LineEvidenceOf>
bool ConfirmMixedLinePairs(const std::vector<RunChar>& run, const LineEvidenceOf& line_repairs,
                           std::vector<Candidate>* candidates) {
  const auto reads_as_correct_text = [&](const Candidate& c) {
    const RunChar& capital = run[c.first];
    const RunChar& sign = run[c.first + 1];
    if (capital.edit || sign.edit || (capital.code_point != 0xC3 && capital.code_point != 0xC2)) {
      return false;
    }
    switch (sign.code_point) {
      case 0x2026: case 0x2019: case 0x0152: case 0x017D: case 0x00A5:  // … ’ Œ Ž ¥
        return true;
      default:
        return false;
    }
  };
  bool left = false;
  for (Candidate& c : *candidates) {
    if (!c.accepted || c.lossy || c.length != 2 || !reads_as_correct_text(c)) continue;
    const LineEvidence::PageCounts line = line_repairs();
    if (line.unexplained == 0 || line.repairs >= 2) return left;
    c.accepted = false;
    left = true;
  }
  return left;
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

// What FindCandidates() makes of a run with one code page.
struct PageReading {
  std::size_t covered = 0;  // characters the accepted sequences cover
  // A sequence was left for the characters around it (JudgePieces(),
  // ConfirmMixedLinePairs()), which the text's other repairs may change.
  bool left_on_context = false;
};

// Finds the UTF-8 sequences page number `page_index` reads in `run` and
// judges them into scratch->candidates. Without `context.evidence`, only
// what needs no evidence from the rest of the line is accepted.
PageReading FindCandidates(std::size_t page_index, const std::vector<RunChar>& run,
                           const RunContext& context, MojibakeScratch* scratch) {
  const CodePage& page = CodePages()[page_index];
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
  PageReading reading;
  if (!any_lead) return reading;

  const bool windows1252 = page.trust() == Trust::kWindows1252;
  // The repairs this code page makes elsewhere in the line.
  const auto line_repairs = [&]() -> LineEvidence::PageCounts {
    return context.evidence != nullptr ? context.evidence->At(context.position)[page_index]
                                       : LineEvidence::PageCounts{};
  };
  // Where the last stray character ends (see JudgePieces); n + 1 for none.
  std::size_t stray_end = n + 1;
  for (std::size_t i = 0; i < n;) {
    const int length = SequenceLength(bytes[i]);
    // The bytes that follow the lead; a U+FFFD may stand for one or more
    // lost ones ("Ñ�", "â€�", "ðŸ“�").
    int have = 1;
    int lost = 0;
    while (length > 0 && have < length && i + static_cast<std::size_t>(have) < n) {
      const std::size_t j = i + static_cast<std::size_t>(have);
      if (IsContinuation(bytes[j])) {
        ++have;
      } else if (run[j].code_point == kReplacementCharacter && lost == 0) {
        ++have;
        ++lost;
      } else {
        break;
      }
    }
    char32_t decoded = 0;
    if (length > 0 && have == length && lost == 0 && DecodeSequence(&bytes[i], length, &decoded)) {
      if (decoded >= 0xD800 && decoded <= 0xDBFF && i + 5 < n && bytes[i + 3] == 0xED &&
          IsContinuation(bytes[i + 4]) && IsContinuation(bytes[i + 5])) {
        char32_t low = 0;
        DecodeSequence(&bytes[i + 3], 3, &low);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          candidates.push_back({i, 6, 0x10000 + ((decoded - 0xD800) << 10) + (low - 0xDC00)});
          candidates.back().after_stray = i == stray_end;
          i += 6;
          continue;
        }
      }
      if (decoded < 0xD800 || decoded > 0xDFFF) {
        candidates.push_back({i, length, decoded});
        candidates.back().after_stray = i == stray_end;
        i += static_cast<std::size_t>(length);
        continue;
      }
    }
    // A sequence whose missing byte a lossy decoder already replaced: the
    // sequence and its U+FFFD become one U+FFFD ("Ä�" in "SlovenÄ�ina"). A
    // two-character one must start with Â or Ã, or follow a small letter
    // or another sequence, so that correct text ("é" before a bad byte)
    // stays; other code pages need the evidence of the line.
    if (lost > 0) {
      const bool two_chars = have == 2;
      const bool after_sequence = !candidates.empty() && candidates.back().first +
                                  static_cast<std::size_t>(candidates.back().length) == i;
      const bool plausible =
          windows1252 ? (!two_chars || bytes[i] == 0xC2 || bytes[i] == 0xC3 || after_sequence ||
                         (length == 2 && IsLower(VisibleBefore(run, i, context.before))))
                      : after_sequence;
      const bool accepted = plausible || line_repairs().repairs > 0;
      candidates.push_back({i, have, kReplacementCharacter, accepted, true});
      i += static_cast<std::size_t>(have);
      continue;
    }
    // A sequence cut short at the end of the run, followed by "?" (what
    // lossy converters write): believed for the common "â€" prefix of
    // Windows-1252 punctuation only. The caller folds the "?" in.
    if (length >= 3 && have == length - 1 && i + static_cast<std::size_t>(have) == n &&
        context.next_ascii == '?' && windows1252 && bytes[i] == 0xE2 && bytes[i + 1] == 0x80) {
      candidates.push_back({i, have, kReplacementCharacter, true, true});
      break;
    }
    // A stray character (see JudgePieces); not one an earlier round made.
    const char32_t cp = run[i].code_point;
    const bool stray_sign = IsContinuation(bytes[i]) || (bytes[i] < 0 && !IsWordLetter(cp));
    if (i > 0 && !run[i].edit && stray_sign && !u_isUWhiteSpace(static_cast<UChar32>(cp))) {
      stray_end = i + 1;
    }
    ++i;
  }
  const char32_t after = static_cast<unsigned char>(context.next_ascii);
  const auto context_of = [&](std::size_t k) {
    const Candidate& c = candidates[k];
    const std::size_t end = c.first + static_cast<std::size_t>(c.length);
    const bool in_sequence =
        k > 0 && candidates[k - 1].first + static_cast<std::size_t>(candidates[k - 1].length) ==
                     c.first;
    return Context{c.first == 0 ? context.before : run[c.first - 1].code_point,
                   end < n ? run[end].code_point : after, in_sequence};
  };
  Judge(page.trust(), run, context_of, &candidates);
  reading.left_on_context = JudgePieces(&candidates);
  JudgeRun(page.trust(), run, context.before, after, line_repairs, &candidates);
  if (context.confirm_mixed_line_pairs && context.evidence != nullptr) {
    reading.left_on_context =
        ConfirmMixedLinePairs(run, line_repairs, &candidates) || reading.left_on_context;
  }
  for (const Candidate& c : candidates) {
    reading.covered += c.accepted ? static_cast<std::size_t>(c.length) : 0;
  }
  return reading;
}

// True when two code pages' accepted candidates read a run differently.
bool ReadDifferently(const std::vector<Candidate>& a, const std::vector<Candidate>& b) {
  std::size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && !a[i].accepted) ++i;
    while (j < b.size() && !b[j].accepted) ++j;
    if (i == a.size() || j == b.size()) return i != a.size() || j != b.size();
    if (a[i].first != b[j].first || a[i].length != b[j].length || a[i].decoded != b[j].decoded) {
      return true;
    }
    ++i;
    ++j;
  }
}

// How many accepted sequences decode to a capital right after a small
// letter (itself decoded, or the character before the run).
int CaseBreaks(const std::vector<Candidate>& candidates, char32_t before) {
  int breaks = 0;
  char32_t previous = before;
  std::size_t previous_end = 0;
  for (const Candidate& c : candidates) {
    if (!c.accepted) continue;
    if (c.first == previous_end && IsUpper(c.decoded) && IsLower(previous)) ++breaks;
    previous = c.decoded;
    previous_end = c.first + static_cast<std::size_t>(c.length);
  }
  return breaks;
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
    // A lossy sequence without a U+FFFD of its own lost its last byte to
    // the "?" after the run.
    bool has_replacement = false;
    for (std::size_t j = i; j <= last; ++j) {
      has_replacement = has_replacement || (*run)[j].code_point == kReplacementCharacter;
    }
    lost_byte = c.lossy && last + 1 == run->size() && !has_replacement;
    i = last + 1;
  }
  run->swap(repaired);
  return lost_byte;
}

}  // namespace

const LineEvidence::Counts& LineEvidence::At(std::size_t pos) {
  if (valid_ && pos >= begin_ && pos < end_) return counts_;
  const auto line_break = [&](std::size_t i) { return text_[i] == '\n' || text_[i] == '\r'; };
  // Runs come in order, so a new line starts after the one counted last:
  // each line is read once.
  begin_ = pos;
  while (begin_ > 0 && !line_break(begin_ - 1)) --begin_;
  end_ = pos;
  while (end_ < text_.size() && !line_break(end_)) ++end_;
  valid_ = true;
  counts_.fill({});
  // The characters of run_[first, first + count) that are text: not spaces,
  // controls or invisible format characters.
  const auto text_chars = [&](std::size_t first, std::size_t count) {
    uint32_t chars = 0;
    for (std::size_t j = first; j < first + count; ++j) {
      const auto cp = static_cast<UChar32>(run_[j].code_point);
      const int8_t type = u_charType(cp);
      chars += !u_isUWhiteSpace(cp) && type != U_CONTROL_CHAR && type != U_FORMAT_CHAR ? 1 : 0;
    }
    return chars;
  };
  for (std::size_t i = begin_; i < end_;) {
    if (static_cast<unsigned char>(text_[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    run_.clear();
    while (i < end_ && static_cast<unsigned char>(text_[i]) >= 0x80) {
      const DecodedChar c = DecodeUtf8(text_, i);
      run_.push_back({c.code_point, {i, i + c.length},
                      c.valid ? std::nullopt : std::optional<EditKind>(EditKind::kInvalidUtf8)});
      i += c.length;
    }
    const uint32_t run_text = text_chars(0, run_.size());
    if (run_.size() < 2) {
      for (PageCounts& page : counts_) page.unexplained += run_text;
      continue;
    }
    RunContext context;
    context.before = start > 0 ? static_cast<unsigned char>(text_[start - 1]) : 0;
    context.next_ascii = i < text_.size() ? text_[i] : '\0';
    for (std::size_t page = 0; page < CodePages().size(); ++page) {
      FindCandidates(page, run_, context, &scratch_);
      counts_[page].unexplained += run_text;
      for (const MojibakeCandidate& c : scratch_.candidates) {
        if (!c.accepted) continue;
        ++counts_[page].repairs;
        counts_[page].letters += !c.lossy && IsWordLetter(c.decoded) ? 1 : 0;
        counts_[page].unexplained -= text_chars(c.first, static_cast<std::size_t>(c.length));
      }
    }
  }
  return counts_;
}

char32_t Windows1252C1(char32_t c1_control) {
  const char32_t cp = CodePages().front().CodePointOf(static_cast<uint8_t>(c1_control));
  return cp == c1_control ? 0 : cp;
}

MojibakeResult RepairMojibake(std::vector<RunChar>* run, const RunContext& context,
                              MojibakeScratch* scratch) {
  MojibakeResult result;
  // Double encoding is mojibake of mojibake: repeat while a round repairs
  // something. Each round shortens the run, and the number of rounds is
  // bounded, so the cost stays linear.
  constexpr int kMojibakeRounds = 4;
  bool left_on_context = false;
  // A sequence left for its context matters to a later pass only while the
  // run still holds characters no round repaired.
  const auto note_left = [&] {
    for (const RunChar& c : *run) {
      if (!c.edit) {
        result.left_on_context = left_on_context;
        return;
      }
    }
  };
  for (int round = 0; round < kMojibakeRounds && run->size() >= 2; ++round) {
    RunContext round_context = context;
    if (result.lost_byte) round_context.next_ascii = '\0';
    // The code page that explains the most characters wins; on a tie, the
    // one with more repairs in the line, then the one whose letters switch
    // case less ("lÄ—Ä¨iau" is Windows-1257 "lėčiau", not "lėĨiau"), then
    // the more common one (Windows-1252, then MacRoman, then the others).
    std::size_t best_covered = 0;
    std::size_t best_page = 0;
    for (std::size_t page = 0; page < CodePages().size(); ++page) {
      const PageReading reading = FindCandidates(page, *run, round_context, scratch);
      const std::size_t covered = reading.covered;
      left_on_context = left_on_context || reading.left_on_context;
      bool better = covered > best_covered;
      if (!better && covered == best_covered && covered > 0 &&
          ReadDifferently(scratch->candidates, scratch->best)) {
        uint32_t repairs = 0, best_repairs = 0;
        if (context.evidence != nullptr) {
          const LineEvidence::Counts& counts = context.evidence->At(context.position);
          repairs = counts[page].repairs;
          best_repairs = counts[best_page].repairs;
        }
        better = repairs != best_repairs
                     ? repairs > best_repairs
                     : CaseBreaks(scratch->candidates, context.before) <
                           CaseBreaks(scratch->best, context.before);
      }
      if (better) {
        best_covered = covered;
        best_page = page;
        scratch->best.swap(scratch->candidates);
        // Nothing reads a whole run better than Windows-1252, unless its
        // reading switches case inside a word.
        if (covered == run->size() && page == 0 && CaseBreaks(scratch->best, context.before) == 0) {
          break;
        }
      }
    }
    if (best_covered == 0) {
      note_left();
      return result;
    }
    result.lost_byte = ApplyCandidates(scratch->best, run, scratch) || result.lost_byte;
  }
  result.may_repair_more = run->size() >= 2;
  note_left();
  return result;
}

bool ContinuesAcross(const std::vector<RunChar>& run, char filler, char32_t next,
                     const RunContext& context) {
  const std::size_t n = run.size();
  if (n == 0 || run.back().edit || context.evidence == nullptr) return false;
  // The bytes the run ends with in `page`: a lead and `have` bytes of the
  // sequence it starts (0 when the run does not end inside a sequence).
  const auto missing = [&](const CodePage& page, int* lead) {
    for (std::size_t have = 1; have <= 3 && have <= n; ++have) {
      const int byte = page.ByteOf(run[n - have].code_point);
      const int length = SequenceLength(byte);
      if (length > 0) {
        *lead = byte;
        return length > static_cast<int>(have) ? length - static_cast<int>(have) : 0;
      }
      if (!IsContinuation(byte) || run[n - have].edit) return 0;
    }
    return 0;
  };
  for (std::size_t index = 0; index < CodePages().size(); ++index) {
    const CodePage& page = CodePages()[index];
    int lead = 0;
    const int needed = missing(page, &lead);
    if (needed == 0) continue;
    bool pattern = false;
    if (filler == ' ') {
      // Not a word that ends in an accented letter before a dash or a
      // quotation mark ("café – ", "é “").
      const std::size_t have = static_cast<std::size_t>(SequenceLength(lead) - needed);
      const char32_t before = n > have ? run[n - have - 1].code_point : context.before;
      pattern = needed >= 2 && IsContinuation(page.ByteOf(next)) && !IsTypography(next) &&
                !(before < 0x80 && IsLetter(before));
    } else if (index == 0) {
      const char32_t before = n >= 2 ? run[n - 2].code_point : context.before;
      pattern = (needed == 1 && (lead == 0xC2 || lead == 0xC3) && !IsUpper(before)) ||
                (needed == 2 && lead == 0xE2 && IsContinuation(page.ByteOf(next)));
    }
    if (pattern && context.evidence->At(context.position)[index].repairs > 0) return true;
  }
  return false;
}

std::optional<NbspSequence> FindLostNbsp(const std::vector<RunChar>& run, char32_t before,
                                         const std::array<char32_t, 3>& next,
                                         const RunContext& context) {
  if (run.empty() || run.back().edit) return std::nullopt;
  const char32_t last = run.back().code_point;
  // Windows-1252, common enough to need no more evidence: "Ã" is "à" unless
  // it ends a word in capitals ("IRMÃ E MÃE"); "Â" after a small letter or
  // a digit is a NBSP ("namedÂ ", "10Â km").
  if (last == 0xC3) return IsUpper(before) ? std::nullopt : std::optional<NbspSequence>({0xE0, 1});
  if (last == 0xC2 && (IsLower(before) || u_isdigit(static_cast<UChar32>(before)))) {
    return NbspSequence{0xA0, 1};
  }
  if (context.evidence == nullptr) return std::nullopt;
  // "Â" after a repair or punctuation ("ðŸ“�Â ", "!!!Â ") in a line with
  // Windows-1252 mojibake: a NBSP too.
  const std::size_t n = run.size();
  if (last == 0xC2 && !IsWordLetter(before) &&
      ((n >= 2 && run[n - 2].edit) || context.evidence->At(context.position)[0].repairs > 0)) {
    return NbspSequence{0xA0, 1};
  }
  // Otherwise the sequence stands alone before the space, after a space or
  // an opening mark ("Å veices"): the end of a correct word ("DERAČ ",
  // "vyváš ", "QU'Æ ") is not a sequence that lost a byte. What it makes
  // must start the next word: a letter of that word's script and case, or a
  // symbol ("âš " is ⚠).
  const auto stands_alone = [&](std::size_t chars) {
    if (n < chars) return false;
    const char32_t c = n > chars ? run[n - chars - 1].code_point : context.before;
    return c == 0 || u_isUWhiteSpace(static_cast<UChar32>(c)) ||
           u_charType(static_cast<UChar32>(c)) == U_START_PUNCTUATION ||
           u_charType(static_cast<UChar32>(c)) == U_INITIAL_PUNCTUATION || c == '"';
  };
  // The next word, when it is mojibake itself, is read with the same page
  // ("Ð Ñƒ": "Ñƒ" is "у", so "Р" starts a Cyrillic word).
  const auto starts_word = [&](const CodePage& page, char32_t decoded) {
    if (next[0] < 0x80) {
      return IsWordLetter(next[0]) && ScriptOf(decoded) == USCRIPT_LATIN &&
             !(IsLower(decoded) && IsUpper(next[0]));
    }
    int bytes[3] = {page.ByteOf(next[0]), page.ByteOf(next[1]), page.ByteOf(next[2])};
    char32_t first = 0;
    const int length = SequenceLength(bytes[0]);
    return length > 0 && length <= 3 && DecodeSequence(bytes, length, &first) &&
           IsWordLetter(first) && ScriptOf(first) == ScriptOf(decoded);
  };
  const bool pair = n >= 2 && !run[n - 2].edit && stands_alone(2);
  if (!stands_alone(1) && !pair) return std::nullopt;
  // The byte pattern first, so that the line is read only when some code
  // page could make a sequence here.
  const auto read = [&](const CodePage& page, char32_t* decoded) {
    int bytes[3] = {page.ByteOf(last), 0xA0, 0};
    if (stands_alone(1) && SequenceLength(bytes[0]) == 2 && DecodeSequence(bytes, 2, decoded)) {
      // "à" is a word of its own: the caller decides about the space.
      const bool letter = IsPlausibleLetter(*decoded) && starts_word(page, *decoded);
      return *decoded == 0xE0 || letter ? 1 : 0;
    }
    if (!pair) return 0;
    bytes[0] = page.ByteOf(run[n - 2].code_point);
    bytes[1] = page.ByteOf(last);
    bytes[2] = 0xA0;
    if (SequenceLength(bytes[0]) == 3 && IsContinuation(bytes[1]) &&
        DecodeSequence(bytes, 3, decoded)) {
      const bool letter = IsPlausibleLetter(*decoded) && starts_word(page, *decoded);
      return letter || IsCommonSymbol(*decoded) ? 2 : 0;
    }
    return 0;
  };
  bool possible = false;
  char32_t decoded = 0;
  for (const CodePage& page : CodePages()) possible = possible || read(page, &decoded) > 0;
  if (!possible) return std::nullopt;
  const LineEvidence::Counts& counts = context.evidence->At(context.position);
  std::optional<NbspSequence> best;
  uint32_t best_count = 0;
  for (std::size_t page = 0; page < CodePages().size(); ++page) {
    if (counts[page].repairs <= best_count) continue;
    const int chars = read(CodePages()[page], &decoded);
    // A letter needs letters repaired in the line: a line whose only
    // mojibake is punctuation keeps a correct "Å" ("â€œÅ være").
    if (chars == 0 || (IsWordLetter(decoded) && counts[page].letters == 0)) continue;
    best = NbspSequence{decoded, chars};
    best_count = counts[page].repairs;
  }
  return best;
}

}  // namespace copydesk::internal
