// Sentence splitting: paragraphs first (no sentence crosses one), then a
// linear scan of each paragraph that stops only at bytes that can start a
// terminal mark, a list marker or a bullet, and decides there from the word
// before the mark and the word after it. Nothing looks further than a few
// dozen bytes either way, so the cost is linear in the text whatever it holds.

#include "copydesk/sentences.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <cstdint>
#include <iterator>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "copydesk/layout.h"
#include "internal/lexicon_lines.h"
#include "internal/paragraph_sentences.h"
#include "internal/utf8.h"

namespace copydesk {
namespace {

using internal::DecodedChar;
using internal::DecodeUtf8;

// What a language does with punctuation beyond what every language shares
// (. ! ? … and the full stops of other scripts: 。！？ । ؟ ۔ ։ ። ፧ ။): the
// conventions of its copy, and of the linguists who mark its sentences.
enum Habit : std::uint32_t {
  // ':' ends a sentence: Armenian copy types it for the Armenian full stop ։;
  // Arabic sets a heading or a source before its text with it
  // ("سؤال وجواب: ماذا حدث", "الصنداي تايمز: رئيس الموساد").
  kColonEnds = 1u << 0,
  // Greek uses ';' as its question mark.
  kSemicolonAsks = 1u << 1,
  // "12. Juni", "XII. Pluku": a number with a full stop is an ordinal.
  kOrdinalDots = 1u << 2,
  // French sets a space before a closing guillemet: « LL.AA.II.RR. ».
  kSpacedClosingGuillemet = 1u << 3,
  // Greek copy may open a sentence lower-case after a full stop, so only an
  // abbreviation goes on before a lower-case word.
  kLowercaseMayOpen = 1u << 4,
  // Arabic strings clauses together with the Arabic comma where other
  // languages set a full stop; each clause is a sentence. A comma between
  // the items of a list ("الدم، والقلب، ") does not end one.
  kCommaEnds = 1u << 5,
  // Kazakh: '?' and '!' end a sentence even before a lower-case word
  // ("кім? не?"), except where a dash brings in the speaker's words
  // ("бар? — деді.") or a quotation closes after the mark.
  kAskedLowercaseOpens = 1u << 6,
  // Slovak: a „quotation“ with its attribution after it in lower case is
  // one sentence, however many sentences the quotation holds
  // („Beriem to. Nezaujíma ma to,“ povedal.).
  kAttributedQuotationHolds = 1u << 7,
};

struct LanguageSpec {
  std::string_view code;
  std::uint32_t habits = 0;

  bool Has(Habit habit) const { return (habits & habit) != 0; }
};

constexpr LanguageSpec kLanguages[] = {
    {"am"},
    {"ar", kColonEnds | kCommaEnds},
    {"bg"},
    {"da", kOrdinalDots},
    {"de", kOrdinalDots},
    {"el", kSemicolonAsks | kLowercaseMayOpen},
    {"en"},
    {"es"},
    {"fa"},
    {"fr", kSpacedClosingGuillemet},
    {"hi"},
    {"hy", kColonEnds},
    {"it"},
    {"ja"},
    {"kk", kAskedLowercaseOpens},
    {"mr"},
    {"my"},
    {"nl"},
    {"pl", kOrdinalDots},
    {"ru"},
    {"sk", kOrdinalDots | kAttributedQuotationHolds},
    {"ur"},
    {"zh"},
};

// Rules that every language shares, for a language copydesk has no rules for.
constexpr LanguageSpec kNeutral = {""};

const LanguageSpec* FindLanguage(std::string_view code) {
  for (const LanguageSpec& spec : kLanguages) {
    if (spec.code == code) return &spec;
  }
  return nullptr;
}

// ' ', or one of \t \n \v \f \r (9 to 13).
bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

// Bytes of the white-space character of several bytes at `pos` (no-break
// space, the typographic spaces U+2000-U+200A, U+202F, U+205F, U+3000), or 0.
std::size_t WideSpaceLengthAt(std::string_view text, std::size_t pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  if (s[pos] == 0xC2 && pos + 1 < n && s[pos + 1] == 0xA0) return 2;
  if (pos + 2 < n) {
    if (s[pos] == 0xE2 && s[pos + 1] == 0x80 && (s[pos + 2] <= 0x8A || s[pos + 2] == 0xAF) &&
        s[pos + 2] >= 0x80) {
      return 3;
    }
    if (s[pos] == 0xE2 && s[pos + 1] == 0x81 && s[pos + 2] == 0x9F) return 3;
    if (s[pos] == 0xE3 && s[pos + 1] == 0x80 && s[pos + 2] == 0x80) return 3;
  }
  return 0;
}

// Bytes of the white-space character at `pos` (ASCII, or one of the above),
// or 0. Inline for ASCII, which every word boundary tests.
inline std::size_t SpaceLengthAt(std::string_view text, std::size_t pos) {
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return IsAsciiSpace(c) ? 1 : 0;
  return WideSpaceLengthAt(text, pos);
}

// Bytes of the white-space character that ends just before `end`, or 0.
// A character of several bytes ends in one of 0x80 or above: after an
// ASCII byte, only that byte can be a space.
inline std::size_t SpaceLengthBefore(std::string_view text, std::size_t begin, std::size_t end) {
  if (end <= begin) return 0;
  const auto last = static_cast<unsigned char>(text[end - 1]);
  if (last < 0x80) return IsAsciiSpace(last) ? 1 : 0;
  for (std::size_t len : {2, 3}) {
    if (end - begin >= len && WideSpaceLengthAt(text, end - len) == len) return len;
  }
  return 0;
}

// Marks that end a sentence unless a lower-case word follows.
bool IsStrongMark(char32_t c, const LanguageSpec& spec) {
  switch (c) {
    case '!': case '?':
    case 0x203C: case 0x2047: case 0x2048: case 0x2049:  // ‼ ⁇ ⁈ ⁉
      return true;
    case ':': return spec.Has(kColonEnds);
    case ';': return spec.Has(kSemicolonAsks);
    default: return false;
  }
}

// Full stops of scripts without letter case or without spaces between
// sentences: they end a sentence even when the next one follows unspaced.
bool IsScriptStop(char32_t c) {
  switch (c) {
    case 0x0964: case 0x0965:  // । ॥ Devanagari danda
    case 0x061F:               // ؟ Arabic question mark
    case 0x06D4:               // ۔ Urdu full stop
    case 0x0589:               // ։ Armenian full stop
    case 0x037E:               // ; Greek question mark
    case 0x1362: case 0x1367: case 0x1368:  // ። ፧ ፨ Ethiopic
    case 0x104B:               // ။ Myanmar section mark
      return true;
    default:
      return false;
  }
}

// Full-width marks of Chinese and Japanese.
bool IsWideStop(char32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61;  // 。！？｡
}

bool IsBullet(char32_t c) {
  switch (c) {
    case 0x2022: case 0x2043: case 0x2023: case 0x25E6: case 0x25AA:  // • ⁃ ‣ ◦ ▪
    case 0x25CF: case 0x25A0: case 0x25BA: case 0x27A2:                // ● ■ ► ➢
      return true;
    default:
      return false;
  }
}

// Quotes and brackets that close a quotation or an aside after its final
// mark: "…great." she said / (…engineer.) at / 「…。」
bool IsCloser(char32_t c) {
  switch (c) {
    case '"': case '\'': case ')': case ']': case '}':
    case 0x2019: case 0x201D: case 0x201C: case 0x2018:  // ’ ” “ ‘ (German closes with “ ‘)
    case 0x00BB: case 0x203A: case 0x00AB: case 0x2039:  // » › « ‹ (either way round)
    case 0x300D: case 0x300F: case 0xFF09: case 0x3011: case 0x3009: case 0x300B:
    case 0xFF02: case 0x3015:
      return true;
    default:
      return false;
  }
}

// Characters that may stand between a terminal mark and the first word of
// the next sentence: opening quotes and brackets, inverted marks, dashes.
bool IsOpenerOrDash(char32_t c) {
  switch (c) {
    case '"': case '\'': case '(': case '[': case '{': case '-': case '*':
    case 0x2018: case 0x201C: case 0x201E: case 0x201A: case 0x00AB: case 0x00BB:
    case 0x2039: case 0x203A: case 0x00BF: case 0x00A1: case 0x2013: case 0x2014:
    case 0x2015: case 0x300C: case 0x300E: case 0xFF08: case 0x3010: case 0x3008:
    case 0x300A:
      return true;
    default:
      return false;
  }
}

bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015; }

bool IsQuoteMark(char32_t c) {
  switch (c) {
    case '"': case '\'': case 0x2018: case 0x201C: case 0x201E: case 0x201A: case 0x00AB:
    case 0x00BB: case 0x2039: case 0x203A: case 0x300C: case 0x300E:
      return true;
    default:
      return false;
  }
}

// Inline, as the scanner tests every character of the words around a
// mark: ASCII is decided here, other characters by ICU.
inline bool IsLower(char32_t c) {
  return c < 0x80 ? IsAsciiLower(static_cast<unsigned char>(c)) : u_islower(static_cast<UChar32>(c));
}
inline bool IsUpper(char32_t c) {
  if (c < 0x80) return IsAsciiUpper(static_cast<unsigned char>(c));
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool IsWordCharBeyondAscii(char32_t c) {
  return u_isalnum(static_cast<UChar32>(c)) ||
         (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0;
}
inline bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiDigit(c) || IsAsciiLower(c) || IsAsciiUpper(c);
  return IsWordCharBeyondAscii(c);
}

// A set of words matched exactly, or in capitals when the word is written
// all in capitals ("ST. LOUIS" in a dateline matches "St.").
class WordSet {
 public:
  void Add(std::string_view word) {
    if (word.empty()) return;
    exact_.emplace(word);
    longest_ = std::max(longest_, word.size());
    // "It's" is also typeset "It’s".
    if (const std::size_t apostrophe = word.find('\''); apostrophe != std::string_view::npos) {
      std::string curly(word);
      curly.replace(apostrophe, 1, "\xE2\x80\x99");
      Add(curly);
    }
    // Only capitalised entries: "ST" in capitals is "St.", but "EST" is
    // not "est.".
    if (!IsAsciiUpper(static_cast<unsigned char>(word[0]))) return;
    std::string caps(word);
    for (char& c : caps) {
      if (IsAsciiLower(static_cast<unsigned char>(c))) c = static_cast<char>(c - 'a' + 'A');
    }
    caps_.insert(std::move(caps));
  }
  // `caps_copy`: the text around is in capitals (a dateline, a headline),
  // so "ST" may be "St."; in running text "MS" is not "Ms.".
  bool Contains(std::string_view word, bool caps_copy = false) const {
    if (word.size() > longest_) return false;  // also true of an empty set
    const absl::string_view key(word.data(), word.size());
    if (exact_.contains(key)) return true;
    if (!caps_copy) return false;
    bool has_upper = false;
    for (char c : word) {
      if (IsAsciiLower(static_cast<unsigned char>(c))) return false;
      has_upper |= IsAsciiUpper(static_cast<unsigned char>(c));
    }
    return has_upper && caps_.contains(key);
  }

 private:
  absl::flat_hash_set<std::string> exact_;
  absl::flat_hash_set<std::string> caps_;
  std::size_t longest_ = 0;
};

// An abbreviation as written in a lexicon ("U.S.") keyed without its final
// full stop, as the scanner sees the word before a full stop ("U.S").
std::string_view WithoutFinalStop(std::string_view entry) {
  if (!entry.empty() && entry.back() == '.') entry.remove_suffix(1);
  return entry;
}

}  // namespace

class SentenceSplitter::Rules {
 public:
  Rules(const LanguageSpec& language, SentenceSplitterConfig settings)
      : spec(language), config(std::move(settings)) {
    // cpp/data/<list>_<language>.txt for each list; abbreviations are kept
    // without their final full stop, as the scanner sees them.
    struct List {
      const char* name;
      WordSet* words;
      bool abbreviation;
      WordSet* also = nullptr;  // a second set the entries go in
    };
    const List lists[] = {
        {"abbreviations_", &abbreviations, true},
        {"company_abbreviations_", &company_abbreviations, true, &abbreviations},
        {"titles_", &titles, true},
        {"number_abbreviations_", &number_abbreviations, true},
        {"closing_abbreviations_", &closing_abbreviations, true},
        {"abbreviation_continuations_", &continuations, false},
        {"sentence_starters_", &starters, false},
        {"attribution_verbs_", &attribution_verbs, false},
        {"attribution_tails_", &attribution_tails, false},
        {"clause_verbs_", &clause_verbs, false},
        {"non_breaking_", &non_breaking, false},
    };
    if (!spec.code.empty()) {
      for (const List& list : lists) {
        for (std::string_view e : internal::BuiltinLexicon(list.name + std::string(spec.code))) {
          const std::string_view entry = list.abbreviation ? WithoutFinalStop(e) : e;
          list.words->Add(entry);
          if (list.also != nullptr) list.also->Add(entry);
        }
      }
    }
    for (const std::string& e : config.extra_abbreviations) abbreviations.Add(WithoutFinalStop(e));
    for (const std::string& e : config.non_breaking_words) non_breaking.Add(e);

    // Bytes where the scanner stops: ASCII marks, and every lead byte of a
    // multi-byte character (the character decides).
    ascii_marks = {'.', '!', '?', ')'};
    if (spec.Has(kColonEnds)) ascii_marks.push_back(':');
    if (spec.Has(kSemicolonAsks)) ascii_marks.push_back(';');
    for (char c : ascii_marks) candidate[static_cast<unsigned char>(c)] = true;
    for (int c = 0xC2; c <= 0xF4; ++c) candidate[c] = true;
    // Lead bytes of Latin, Greek, Cyrillic, Hebrew letters and of Arabic
    // letters other than ؟ ۔ : skipping them keeps accented and Cyrillic
    // copy on the fast path.
    for (int c = 0xC2; c <= 0xD5; ++c) candidate[c] = false;
    candidate[0xCD] = true;  // U+037E Greek question mark
  }

  LanguageSpec spec;
  SentenceSplitterConfig config;
  WordSet abbreviations;          // may end a sentence; the next word decides
  WordSet titles;                 // before a name; never end a sentence
  WordSet number_abbreviations;   // before a number ("No. 10", "Nov. 15")
  WordSet starters;               // capitalised words that open sentences
  WordSet closing_abbreviations;  // end before a capitalised word ("a.m.")...
  WordSet continuations;          // ...unless it is one of these ("Monday")
  WordSet non_breaking;           // words with their final mark ("Yahoo!")
  WordSet attribution_verbs;      // "said", "asked": "Why?" Smith asked.
  WordSet attribution_tails;      // "on", "in": "Why?" Smith asked on Monday.
  WordSet company_abbreviations;  // "Corp.": "Acme Corp. Smith said" ends
  WordSet clause_verbs;           // "is", "has": the word before is a subject
  std::array<bool, 256> candidate{};
  std::vector<char> ascii_marks;  // the ASCII bytes of `candidate` (at most 6)
};

namespace {

using Rules = SentenceSplitter::Rules;

// One pass over one text: paragraphs, then the scan of each.
class Scanner {
 public:
  Scanner(const Rules& rules, std::string_view text) : rules_(rules), text_(text) {}

  std::vector<Sentence> Run() { return Run(FindParagraphs(text_)); }

  // `paragraphs` are FindParagraphs(text) as the caller already has them.
  std::vector<Sentence> Run(const std::vector<ByteSpan>& paragraphs) {
    // Sized once: a paragraph holds a sentence or more, and a sentence of
    // news has over a hundred bytes.
    sentences_.reserve(paragraphs.size() + text_.size() / 128);
    std::size_t i = 0;
    while (i < paragraphs.size()) {
      ByteSpan block = paragraphs[i++];
      while (i < paragraphs.size() && ContinuesOnNextLine(block, paragraphs[i])) {
        block.end = paragraphs[i++].end;
      }
      ScanWrappedBlock(block);
    }
    return std::move(sentences_);
  }

 private:
  // A block of several lines (hard-wrapped wire copy) still breaks where a
  // line is indented (a new paragraph: "after the session.\n    A statement")
  // and after a title: a line without a final mark that is in capitals
  // ("BAHIA COCOA REVIEW") or is short and followed by a capitalised line
  // ("Brown visits slum on Africa trip\nChancellor Gordon Brown has ...").
  void ScanWrappedBlock(ByteSpan block) {
    std::size_t widest = 0;
    std::size_t line_begin = block.begin;
    for (std::size_t line_end; (line_end = LineEnd(line_begin, block.end)) < block.end;
         line_begin = line_end + 1) {
      widest = std::max(widest, line_end - line_begin);
    }
    if (line_begin == block.begin) {  // one line
      ScanBlock(block);
      return;
    }
    widest = std::max(widest, block.end - line_begin);
    std::size_t start = block.begin;
    line_begin = block.begin;
    for (std::size_t line_end; (line_end = LineEnd(line_begin, block.end)) < block.end;
         line_begin = line_end + 1) {
      const std::size_t next = line_end + 1;
      const bool indented = next + 1 < block.end && (text_[next] == '\t' ||
                                                     (text_[next] == ' ' && text_[next + 1] == ' '));
      if (indented ||
          IsTitleLine(line_begin, line_end, widest, block.end, line_begin == block.begin)) {
        ScanBlock({start, line_end});
        start = next;
      }
    }
    ScanBlock({start, block.end});
  }

  // The '\n' that ends the line starting at `begin`, or `end`.
  std::size_t LineEnd(std::size_t begin, std::size_t end) const {
    const void* newline = std::memchr(text_.data() + begin, '\n', end - begin);
    return newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - text_.data())
                   : end;
  }

  // Whether the line [begin, end), of a wrapped block of lines up to `widest`
  // bytes, is a title.
  bool IsTitleLine(std::size_t begin, std::size_t end, std::size_t widest,
                   std::size_t block_end, bool first_line) const {
    while (begin < end && IsAsciiSpace(static_cast<unsigned char>(text_[begin]))) ++begin;
    while (end > begin && IsAsciiSpace(static_cast<unsigned char>(text_[end - 1]))) --end;
    if (end == begin) return false;
    const char32_t last = DecodeUtf8(text_, internal::PreviousCharStart(text_, end)).code_point;
    // "WASHINGTON (AP) —" opens the story on the next line.
    if (last == '.' || last == '!' || last == '?' || last == ',' || last == '-' || last == ':' ||
        last == ';' || last == 0x2014 || last == 0x2013 || IsCloser(last)) {
      return false;
    }
    int letters = 0;
    bool lower = false;
    for (std::size_t k = begin; k < end;) {
      const DecodedChar ch = DecodeUtf8(text_, k);
      lower |= IsLower(ch.code_point);
      letters += IsUpper(ch.code_point);
      k += ch.length;
    }
    if (!lower) return letters >= 4;
    // A short line in mixed case is a title only at the top of the block:
    // further down it may be where a sentence stopped ("hall. Officials from").
    if (!first_line) return false;
    std::size_t next = end;
    while (next < block_end && IsAsciiSpace(static_cast<unsigned char>(text_[next]))) ++next;
    return (end - begin) * 10 < widest * 6 && next < block_end &&
           IsUpper(DecodeUtf8(text_, next).code_point);
  }

  // What follows a terminal mark and the quotes or brackets closing after it.
  struct Follower {
    enum class Kind { kEnd, kLower, kUpper, kCaseless, kDigit, kOther };
    Kind kind = Kind::kEnd;
    bool attached = false;        // no white space before it
    std::size_t begin = 0;        // first byte after the marks and closers
    std::size_t word_begin = 0;   // first letter or digit (after openers)
    std::size_t word_end = 0;
    bool word_dotted = false;     // the word is followed directly by '.'
    bool quoted = false;          // an opening quote stands before the word
    bool dashed = false;          // a dash stands before the word: "бар? — деді"
    bool all_caps = false;        // the word is written in capitals: "LOUIS"
    bool next_is_lower = false;   // the word's second character is lower-case
  };

  // A run of terminal marks: "." "?!" "...." ". . ." "…".
  struct Cluster {
    std::size_t end = 0;
    int dots = 0;
    bool strong = false;       // holds ! or ? (or the language's equivalent)
    bool script_stop = false;  // holds a full stop of a caseless script
    bool ellipsis_char = false;
    bool spaced = false;       // dots separated by spaces: ". . ."
  };

  // A line that breaks off mid-sentence ("It was a cold\nnight in the
  // city.") goes on on the next line: the line has no final mark, the next
  // is in the same block (one line break), starts lower-case and ends with a
  // mark. A list of short lines without marks stays a list.
  bool ContinuesOnNextLine(ByteSpan block, ByteSpan next) const {
    int newlines = 0;
    for (std::size_t k = block.end; k < next.begin; ++k) newlines += text_[k] == '\n';
    if (newlines != 1) return false;
    const std::size_t last = internal::PreviousCharStart(text_, block.end);
    if (!IsWordChar(DecodeUtf8(text_, last).code_point) && text_[last] != ',') return false;
    const DecodedChar first = DecodeUtf8(text_, next.begin);
    if (!IsLower(first.code_point)) return false;
    std::size_t end = next.end;
    while (end > next.begin) {
      const std::size_t start = internal::PreviousCharStart(text_, end);
      if (!IsCloser(DecodeUtf8(text_, start).code_point)) break;
      end = start;
    }
    if (end == next.begin) return false;
    const char32_t mark = DecodeUtf8(text_, internal::PreviousCharStart(text_, end)).code_point;
    return mark == '.' || mark == '!' || mark == '?' || mark == 0x2026;
  }

  void ScanBlock(ByteSpan block) {
    block_end_ = block.end;
    block_begin_ = block.begin;
    sentence_start_ = block.begin;
    list_next_.clear();
    title_depth_ = 0;
    next_mark_.fill(kNotSearched);
    next_non_ascii_ = kNotSearched;
    next_closing_quote_ = kNotSearched;
    held_until_ = 0;
    std::size_t pos = block.begin;
    while (pos < block_end_) {
      pos = NextCandidate(pos);
      if (pos >= block_end_) break;
      pos = AtCandidate(pos);
    }
    Emit(sentence_start_, block_end_);
  }

  // The first byte at or after `pos` in the block where the scanner must
  // look. Each ASCII mark has its own stream, found with memchr (which
  // glibc vectorises) and cached until the scan passes it; non-ASCII bytes
  // are found eight at a time and checked against the table. Every stream
  // moves forward only, so the whole search is linear.
  std::size_t NextCandidate(std::size_t pos) {
    std::size_t next = block_end_;
    for (std::size_t i = 0; i < rules_.ascii_marks.size(); ++i) {
      std::size_t& at = next_mark_[i];
      if (at == kNotSearched || at < pos) {
        const void* found = std::memchr(text_.data() + pos, rules_.ascii_marks[i], block_end_ - pos);
        at = found ? static_cast<std::size_t>(static_cast<const char*>(found) - text_.data())
                   : block_end_;
      }
      next = std::min(next, at);
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
    while (true) {
      if (next_non_ascii_ == kNotSearched || next_non_ascii_ < pos) next_non_ascii_ = internal::SkipAscii(Block(), pos);
      if (next_non_ascii_ >= next) return next;
      if (rules_.candidate[bytes[next_non_ascii_]]) return next_non_ascii_;
      pos = next_non_ascii_ + 1;
    }
  }

  // Decides at the candidate byte `pos`; returns where scanning resumes.
  std::size_t AtCandidate(std::size_t pos) {
    const DecodedChar ch = DecodeUtf8(Block(), pos);
    const char32_t c = ch.code_point;
    if (c == '.' || c == 0x2026 || IsStrongMark(c, rules_.spec) || IsScriptStop(c)) {
      return AtMarks(pos);
    }
    if (IsWideStop(c)) return AtWideStop(pos);
    if (c == ')') return AtClosingParenthesis(pos);
    if (c == 0x060C && rules_.spec.Has(kCommaEnds)) return AtClauseComma(pos + ch.length);
    if (c == 0x201E && rules_.spec.Has(kAttributedQuotationHolds)) {
      AtLowOpeningQuote(pos);
    } else if (IsBullet(c)) {
      if (pos > sentence_start_ && SpaceLengthBefore(text_, block_begin_, pos) > 0) Break(pos);
    } else if (c == 0x300A) {  // 《 opens a title in Chinese
      ++title_depth_;
    } else if (c == 0x300B && title_depth_ > 0) {
      --title_depth_;
    }
    return pos + ch.length;
  }

  std::string_view Block() const { return text_.substr(0, block_end_); }

  // Arabic: a comma ends a clause, and the clause is a sentence, unless the
  // comma separates the items of a list: the next word stands alone before
  // another comma or the final mark ("ضغط الدم، والقلب، زرعها",
  // "مصر، والأردن، ولبنان."). `after` is the byte after the comma.
  std::size_t AtClauseComma(std::size_t after) {
    const Follower f = ReadFollower(after);
    if (f.attached || f.kind == Follower::Kind::kEnd || f.kind == Follower::Kind::kOther ||
        f.kind == Follower::Kind::kDigit) {
      return after;
    }
    if (f.word_end >= block_end_) return after;
    const char32_t next = DecodeUtf8(Block(), f.word_end).code_point;
    if (next == 0x060C || next == '.' || next == '!' || next == 0x061F) return after;
    Break(after);
    return after;
  }

  // Slovak: a quotation opened with „ at `pos` and followed, after its
  // closing “, by a lower-case word (the attribution: „…,“ povedal) is one
  // sentence with it, so the marks inside it end none. The closing quote is
  // looked for once per block position (the search only moves forward).
  void AtLowOpeningQuote(std::size_t pos) {
    constexpr std::string_view kClosingQuote = "\xE2\x80\x9C";  // “
    constexpr std::size_t kLongestQuotation = 2048;
    if (next_closing_quote_ == kNotSearched || next_closing_quote_ < pos) {
      const std::size_t found = Block().find(kClosingQuote, pos);
      next_closing_quote_ = found == std::string_view::npos ? block_end_ : found;
    }
    if (next_closing_quote_ >= block_end_ || next_closing_quote_ - pos > kLongestQuotation) return;
    const Follower f = ReadFollower(next_closing_quote_ + kClosingQuote.size());
    if (f.kind == Follower::Kind::kLower && !f.attached) held_until_ = next_closing_quote_;
  }

  // --- Terminal marks --------------------------------------------------------

  Cluster ReadCluster(std::size_t pos) const {
    Cluster k;
    std::size_t q = pos;
    while (q < block_end_) {
      const DecodedChar ch = DecodeUtf8(Block(), q);
      const char32_t c = ch.code_point;
      if (c == '.') {
        ++k.dots;
      } else if (c == 0x2026) {
        k.ellipsis_char = true;
      } else if (IsStrongMark(c, rules_.spec)) {
        k.strong = true;
      } else if (IsScriptStop(c)) {
        k.script_stop = true;
      } else if (c == ' ' && k.dots > 0 && q + 1 < block_end_ && text_[q + 1] == '.') {
        k.spaced = true;  // ". . ." with its spaces
      } else {
        break;
      }
      q += ch.length;
    }
    k.end = q;
    return k;
  }

  // Skips quotes and brackets that close after the marks, and marks after
  // them ("sottoscritto/a.»."); returns the first byte after all of them.
  std::size_t SkipClosers(std::size_t q) const {
    while (q < block_end_) {
      std::size_t at = q;
      if (rules_.spec.Has(kSpacedClosingGuillemet) && text_[at] == ' ' && at + 1 < block_end_) ++at;
      const DecodedChar ch = DecodeUtf8(Block(), at);
      const char32_t c = ch.code_point;
      if (IsCloser(c) && (at == q || c == 0x00BB)) {
        q = at + ch.length;
      } else if (at == q && (c == '.' || c == '!' || c == '?' || c == 0x2026 ||
                             IsWideStop(c) || IsScriptStop(c))) {
        q = at + ch.length;
      } else {
        break;
      }
    }
    return q;
  }

  Follower ReadFollower(std::size_t q) const {
    Follower f;
    f.begin = q;
    f.word_begin = f.word_end = q;
    std::size_t spaces = 0;
    while (q < block_end_) {
      const std::size_t len = SpaceLengthAt(Block(), q);
      if (len == 0) break;
      q += len;
      ++spaces;
    }
    f.attached = spaces == 0;
    // Openers and dashes between: "... left. "We ...", "бар? — деді".
    for (int skipped = 0; q < block_end_ && skipped < 8; ++skipped) {
      const DecodedChar ch = DecodeUtf8(Block(), q);
      if (f.attached || !IsOpenerOrDash(ch.code_point)) break;
      // A straight quote standing alone closes a quotation: `years... " Hailey`.
      if ((ch.code_point == '"' || ch.code_point == '\'') &&
          (q + 1 >= block_end_ || SpaceLengthAt(Block(), q + 1) > 0)) {
        break;
      }
      f.quoted |= IsQuoteMark(ch.code_point);
      f.dashed |= IsDash(ch.code_point);
      q += ch.length;
      while (q < block_end_ && text_[q] == ' ') ++q;
    }
    if (q >= block_end_) return f;
    const DecodedChar first = DecodeUtf8(Block(), q);
    const auto cp = static_cast<UChar32>(first.code_point);
    f.word_begin = q;
    if (first.code_point < 0x80 && IsAsciiDigit(first.code_point)) {
      f.kind = Follower::Kind::kDigit;
    } else if (IsLower(first.code_point)) {
      f.kind = Follower::Kind::kLower;
    } else if (IsUpper(first.code_point)) {
      f.kind = Follower::Kind::kUpper;
    } else if (u_isalnum(cp)) {
      f.kind = u_isdigit(cp) ? Follower::Kind::kDigit : Follower::Kind::kCaseless;
    } else {
      f.kind = Follower::Kind::kOther;
      return f;
    }
    std::size_t end = q;
    int chars = 0;
    f.all_caps = true;
    while (end < block_end_ && end - q < 48) {
      const auto byte = static_cast<unsigned char>(text_[end]);
      const DecodedChar ch =
          byte < 0x80 ? DecodedChar{byte, 1, true} : DecodeUtf8(Block(), end);
      const bool apostrophe = (ch.code_point == '\'' || ch.code_point == 0x2019) && chars > 0;
      if (!IsWordChar(ch.code_point) && !apostrophe) break;
      const bool lower = IsLower(ch.code_point);
      f.all_caps &= !lower;
      if (chars == 1) f.next_is_lower = lower;
      end += ch.length;
      ++chars;
    }
    f.word_end = end;
    f.word_dotted = end < block_end_ && text_[end] == '.';
    // "iPhone", "eBay": a name that opens lower-case.
    if (f.kind == Follower::Kind::kLower && end - q >= 2 &&
        IsAsciiUpper(static_cast<unsigned char>(text_[q + 1]))) {
      f.kind = Follower::Kind::kUpper;
    }
    return f;
  }

  // The word that ends at `pos` (white space to `pos`), without the quotes
  // and brackets that open it. `*long_word` is set when it runs past 64
  // bytes, which no abbreviation does.
  std::string_view WordBefore(std::size_t pos, std::size_t* begin, bool* long_word) const {
    // White space before `at`: ASCII, or a no-break or typographic space.
    const auto space_before = [this](std::size_t at) {
      const auto c = static_cast<unsigned char>(text_[at - 1]);
      return IsAsciiSpace(c) || (c >= 0x80 && SpaceLengthBefore(text_, sentence_start_, at) > 0);
    };
    std::size_t b = pos;
    while (b > sentence_start_ && pos - b < 64 && !space_before(b)) --b;
    *long_word = b > sentence_start_ && !space_before(b);
    while (b < pos) {
      const DecodedChar ch = DecodeUtf8(Block(), b);
      const bool opener = IsOpenerOrDash(ch.code_point) && ch.code_point != '-';
      if (!opener && !IsBullet(ch.code_point)) break;
      b += ch.length;
    }
    *begin = b;
    return text_.substr(b, pos - b);
  }

  std::size_t AtMarks(std::size_t pos) {
    const Cluster k = ReadCluster(pos);
    const std::size_t after = SkipClosers(k.end);
    if (pos < held_until_) return after;  // inside an attributed quotation
    const Follower f = ReadFollower(after);
    std::size_t word_begin = 0;
    bool long_word = false;
    const std::string_view word = WordBefore(pos, &word_begin, &long_word);

    if (k.strong || k.script_stop) {
      if (StrongMarkEnds(k, f, word_begin, pos, after > k.end)) Break(after);
      return after;
    }
    if (k.dots >= 3 || k.ellipsis_char) {
      const std::size_t end = EllipsisEnds(k, f, pos, word);
      if (end != 0) Break(end);
      return after;
    }
    if (AtListMarker(word, word_begin, f, after)) return after;
    if (PeriodEnds(k, f, word, word_begin, long_word, pos, after)) Break(after);
    return after;
  }

  bool StrongMarkEnds(const Cluster& k, const Follower& f, std::size_t word_begin,
                      std::size_t pos, bool closed_quote) const {
    if (f.kind == Follower::Kind::kEnd) return false;
    const DecodedChar mark = DecodeUtf8(Block(), pos);
    if (rules_.non_breaking.Contains(text_.substr(word_begin, pos + mark.length - word_begin))) {
      return false;
    }
    if (f.kind == Follower::Kind::kLower) {
      return rules_.spec.Has(kAskedLowercaseOpens) && !f.attached && !f.dashed && !closed_quote;
    }
    if (closed_quote && AttributionFollows(f)) return false;
    if (f.attached) {
      if (k.script_stop) return true;
      // "Hello!How are you" ends; "Yahoo!Inc", "?q=1" do not.
      return f.begin == f.word_begin && f.kind == Follower::Kind::kUpper && f.next_is_lower;
    }
    return true;
  }

  // Where an ellipsis ends a sentence, or 0 when it does not.
  std::size_t EllipsisEnds(const Cluster& k, const Follower& f, std::size_t pos,
                           std::string_view word) const {
    if (f.kind == Follower::Kind::kEnd || f.kind == Follower::Kind::kOther) return 0;
    // "compounds. . . . The practice", "raak. ...en toen": a full stop on the
    // word, then an ellipsis that opens the next sentence.
    if (!word.empty() && text_[pos] == '.' && pos + 1 < k.end && text_[pos + 1] == ' ') {
      return pos + 1;
    }
    if (f.attached) return 0;
    // "[...]" and "(...)" mark an omission inside a quotation.
    if (pos > 0 && (text_[pos - 1] == '[' || text_[pos - 1] == '(')) return 0;
    if (f.kind == Follower::Kind::kLower || f.kind == Follower::Kind::kDigit) return 0;
    // ". . ." with spaces marks an omission; a fourth dot is a full stop.
    if (k.spaced) return k.dots >= 4 ? SkipClosers(k.end) : 0;
    if (k.dots >= 4) return SkipClosers(k.end);
    // "The vote was 52-48... Democrats were furious."
    return SkipClosers(k.end);
  }

  // --- Full stops --------------------------------------------------------------

  bool PeriodEnds(const Cluster& k, const Follower& f, std::string_view word,
                  std::size_t word_begin, bool long_word, std::size_t pos,
                  std::size_t after) {
    if (f.kind == Follower::Kind::kEnd) return false;
    if (f.attached) return UnspacedPeriodEnds(f, word, word_begin, long_word, k.end);
    if (rules_.non_breaking.Contains(text_.substr(word_begin, pos + 1 - word_begin))) {
      return false;
    }
    if (f.kind == Follower::Kind::kLower) {
      return rules_.spec.Has(kLowercaseMayOpen) && !long_word && !word.empty() &&
             !rules_.abbreviations.Contains(word) && !rules_.titles.Contains(word) &&
             !rules_.number_abbreviations.Contains(word) && !IsDottedAbbreviation(word) &&
             word.size() > 2;
    }
    if (long_word || word.empty()) return true;
    // The TASS dateline: "MOSCOW, November 15. /TASS/. Russia's ..."
    if (IsSlashedAgency(word) ||
        (f.kind == Follower::Kind::kOther && text_[f.word_begin] == '/')) {
      return false;
    }
    // "ST. LOUIS (AP)": in capitals throughout, "ST" is "St.".
    const bool caps = f.all_caps && f.kind == Follower::Kind::kUpper;
    if (f.kind == Follower::Kind::kDigit) {
      // "No. 10", "Nov. 15", "Б.з.б. 6"
      return !rules_.number_abbreviations.Contains(word, caps) &&
             !rules_.titles.Contains(word, caps) && !IsDottedAbbreviation(word);
    }
    if (rules_.titles.Contains(word, caps)) return false;
    const bool abbreviation =
        rules_.abbreviations.Contains(word, caps) || IsDottedAbbreviation(word);
    if (f.kind == Follower::Kind::kOther) return !abbreviation;
    // A quotation closing after the full stop, or opening after it, sets the
    // sentence apart: `Cell Block H." Labour`, `Mr P. "Never`.
    if (f.quoted || after > k.end) return true;
    if (IsInitial(word)) return IsStarter(f) || LetterEndsName(word_begin);
    if (abbreviation) {
      if (IsStarter(f)) return true;
      // "The deal with Acme Corp. Smith said": after a clause ("Acme Corp.
      // Smith" alone opens one).
      if (rules_.company_abbreviations.Contains(word) && NameBefore(word_begin) &&
          SubjectOfClause(f) && WordsBetween(sentence_start_, word_begin) >= 3) {
        return true;
      }
      // "at 6 P.M. Mr. Smith then went" ends when what comes before is a
      // clause; "At 5 a.m. Mr. Smith went" opens the sentence.
      if (f.word_dotted && rules_.titles.Contains(FollowerWord(f))) {
        return WordsBetween(sentence_start_, word_begin) >= 3;
      }
      if (rules_.closing_abbreviations.Contains(word)) {
        return !rules_.continuations.Contains(FollowerWord(f));
      }
      return false;
    }
    if (rules_.spec.Has(kOrdinalDots) && IsOrdinal(word)) return IsStarter(f);
    return true;
  }

  // "Acme" in "Acme Corp.", "3M Co.": the word before the abbreviation at
  // `word_begin` is capitalised, so the abbreviation ends a company's name
  // ("in Co. Kerry" is a county).
  bool NameBefore(std::size_t word_begin) const {
    if (word_begin <= sentence_start_ + 1 || text_[word_begin - 1] != ' ') return false;
    std::size_t b = word_begin - 1;
    while (b > sentence_start_ && word_begin - b < 64 &&
           !IsAsciiSpace(static_cast<unsigned char>(text_[b - 1]))) {
      --b;
    }
    while (b < word_begin - 1 && IsOpenerOrDash(DecodeUtf8(Block(), b).code_point)) {
      b += DecodeUtf8(Block(), b).length;
    }
    const char32_t first = DecodeUtf8(Block(), b).code_point;
    return IsUpper(first) || (first < 0x80 && IsAsciiDigit(static_cast<unsigned char>(first)));
  }

  // `Smith said`, `Analysts expect`: one capitalised word, then a verb
  // (clause_verbs_<xx>.txt or a verb of attribution), so the word is the
  // subject of a new clause. A day ("Inc. Tuesday reported") goes on.
  bool SubjectOfClause(const Follower& f) const {
    if (f.kind != Follower::Kind::kUpper || f.word_dotted ||
        rules_.continuations.Contains(FollowerWord(f))) {
      return false;
    }
    std::size_t q = f.word_end;
    if (q >= block_end_ || text_[q] != ' ') return false;
    std::size_t end = ++q;
    while (end < block_end_ && end - q < 16 &&
           IsAsciiLower(static_cast<unsigned char>(text_[end]))) {
      ++end;
    }
    const std::string_view verb = text_.substr(q, end - q);
    return rules_.clause_verbs.Contains(verb) || rules_.attribution_verbs.Contains(verb);
  }

  // "Malcolm X. Attallah Shabazz": a letter that the text also writes after
  // the same word without a full stop and not before a surname ("Malcolm X,
  // recalled", "Malcolm X's", but not "John F Kennedy") is the end of a name,
  // not an initial, so its full stop ends the sentence. The text is searched
  // once per name, for at most kMaxLetterNames names, so the cost stays
  // linear.
  bool LetterEndsName(std::size_t word_begin) {
    if (word_begin < 2 || text_[word_begin - 1] != ' ') return false;
    std::size_t b = word_begin - 1;
    while (b > 0 && word_begin - b < 32 && IsAsciiLetter(text_[b - 1])) --b;
    if (b == word_begin - 1 || !IsAsciiUpper(static_cast<unsigned char>(text_[b])) ||
        (b > 0 && IsWordByte(text_[b - 1]))) {
      return false;
    }
    const std::string_view name = text_.substr(b, word_begin + 1 - b);  // "Malcolm X"
    for (const auto& [known, ends] : letter_names_) {
      if (known == name) return ends;
    }
    if (letter_names_.size() >= kMaxLetterNames) return false;
    bool ends = false;
    for (std::size_t at = text_.find(name); at != std::string_view::npos && !ends;
         at = text_.find(name, at + name.size())) {
      ends = (at == 0 || !IsWordByte(text_[at - 1])) && LetterStandsAlone(at + name.size());
    }
    letter_names_.emplace_back(name, ends);
    return ends;
  }

  // After a name ending in a letter at `pos`: no full stop, no letter going
  // on, and no capitalised word (a surname) next.
  bool LetterStandsAlone(std::size_t pos) const {
    if (pos >= text_.size()) return true;
    const auto c = static_cast<unsigned char>(text_[pos]);
    if (c == '.' || IsWordByte(text_[pos])) return false;
    if (c >= 0x80) return !IsWordChar(DecodeUtf8(text_, pos).code_point);  // ’s, ”
    if (IsAsciiSpace(c)) {
      return pos + 1 < text_.size() && IsAsciiLower(static_cast<unsigned char>(text_[pos + 1]));
    }
    return true;  // , ' ) ; : and the like
  }

  static bool IsAsciiLetter(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return IsAsciiLower(byte) || IsAsciiUpper(byte);
  }
  static bool IsWordByte(char c) {
    return IsAsciiLetter(c) || IsAsciiDigit(static_cast<unsigned char>(c));
  }

  // "Hello world.Today is": a full stop between two words without a space
  // ends a sentence only when a capitalised word follows and the token is
  // not a URL, an e-mail address, a number or an abbreviation.
  bool UnspacedPeriodEnds(const Follower& f, std::string_view word, std::size_t word_begin,
                          bool long_word, std::size_t marks_end) const {
    if (f.begin != f.word_begin || f.kind != Follower::Kind::kUpper || long_word) return false;
    const std::size_t last_dot = word.rfind('.');
    const std::string_view piece = last_dot == std::string_view::npos ? word : word.substr(last_dot + 1);
    if (piece.size() < 2 || rules_.abbreviations.Contains(word) || rules_.titles.Contains(word)) {
      return false;
    }
    // The next word must look like a word ("Today"), or be in capitals after
    // a lower-case word of three letters or more ("жағдайы.XVIII ғасырдың",
    // but "Ph.D.").
    if (!f.next_is_lower) {
      const char32_t last = DecodeUtf8(word, internal::PreviousCharStart(word, word.size())).code_point;
      if (piece.size() < 3 || !IsLower(last)) return false;
    }
    // Look along the rest of the token for signs of an address.
    std::size_t end = marks_end;
    while (end < block_end_ && end - marks_end < 128 &&
           !IsAsciiSpace(static_cast<unsigned char>(text_[end]))) {
      ++end;
    }
    const std::string_view token = text_.substr(word_begin, end - word_begin);
    return token.find('@') == std::string_view::npos && token.find("://") == std::string_view::npos &&
           token.find("www.") == std::string_view::npos;
  }

  // `"Why now?" Smith asked.`, `"We won!" Coach Ann Lee said.`: after a
  // closed quotation, up to three capitalised words (the speaker) and a verb
  // of attribution continue the sentence.
  bool AttributionFollows(const Follower& f) const {
    if (f.kind != Follower::Kind::kUpper || IsStarter(f)) return false;
    std::size_t q = f.word_end;
    for (int words = 1; words <= 4 && q < block_end_ && q - f.word_end < 96; ++words) {
      if (text_[q] != ' ') return false;
      ++q;
      std::size_t end = q;
      while (end < block_end_ && end - q < 24 &&
             (IsWordChar(static_cast<unsigned char>(text_[end])) ||
              static_cast<unsigned char>(text_[end]) >= 0x80)) {
        ++end;
      }
      if (end == q) return false;
      const std::string_view word = text_.substr(q, end - q);
      if (rules_.attribution_verbs.Contains(word)) return AttributionEnds(end);
      if (!IsAsciiUpper(static_cast<unsigned char>(word[0])) || words == 4) return false;
      q = end;
    }
    return false;
  }

  // After the verb of an attribution at `pos`: the sentence ends there
  // ("Smith asked.", "Smith asked on Monday."), rather than the verb taking a
  // clause of its own ("Smith said he would not answer.").
  bool AttributionEnds(std::size_t pos) const {
    if (pos >= block_end_) return true;
    const char c = text_[pos];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?') return true;
    if (c != ' ') return false;
    std::size_t end = ++pos;
    while (end < block_end_ && end - pos < 16 && IsAsciiLower(static_cast<unsigned char>(text_[end]))) {
      ++end;
    }
    return rules_.attribution_tails.Contains(text_.substr(pos, end - pos));
  }

  std::string_view FollowerWord(const Follower& f) const {
    return text_.substr(f.word_begin, f.word_end - f.word_begin);
  }

  // A capitalised word that opens sentences; "A." is an initial, not "A".
  bool IsStarter(const Follower& f) const {
    if (f.kind != Follower::Kind::kUpper) return false;
    const std::string_view w = FollowerWord(f);
    if (f.word_dotted && DecodeUtf8(w, 0).length == w.size()) return false;
    return rules_.starters.Contains(w);
  }

  // "/TASS/": an agency name set between slashes in a dateline.
  static bool IsSlashedAgency(std::string_view word) {
    return word.size() > 2 && word.front() == '/' && word.back() == '/';
  }

  // A single capital letter: an initial ("E. Smith") or the pronoun I.
  static bool IsInitial(std::string_view word) {
    if (word.empty()) return false;
    const DecodedChar ch = DecodeUtf8(word, 0);
    return ch.length == word.size() && IsUpper(ch.code_point);
  }

  // "U.S", "Ph.D", "e.g", "т.г": pieces of one or two letters joined by
  // full stops.
  static bool IsDottedAbbreviation(std::string_view word) {
    if (word.find('.') == std::string_view::npos) return false;
    int letters = 0;
    for (std::size_t i = 0; i < word.size();) {
      const DecodedChar ch = DecodeUtf8(word, i);
      if (ch.code_point == '.') {
        if (letters == 0) return false;
        letters = 0;
      } else if (u_isalpha(static_cast<UChar32>(ch.code_point)) && letters < 2) {
        ++letters;
      } else {
        return false;
      }
      i += ch.length;
    }
    return letters > 0;
  }

  // "12" in "12. Juni", "XII" in "XII. Pluku".
  static bool IsOrdinal(std::string_view word) {
    if (word.size() > 4) return false;
    const bool digits = std::all_of(word.begin(), word.end(),
                                    [](char c) { return IsAsciiDigit(static_cast<unsigned char>(c)); });
    const bool roman = word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char c) {
      return std::string_view("IVXLC").find(c) != std::string_view::npos;
    });
    return digits || roman;
  }

  // Words in [from, to), counting at most up to 3.
  int WordsBetween(std::size_t from, std::size_t to) const {
    int words = 0;
    bool in_word = false;
    for (std::size_t k = from; k < to && words < 3; ++k) {
      const bool space = IsAsciiSpace(static_cast<unsigned char>(text_[k]));
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    return words;
  }

  // --- Lists -------------------------------------------------------------------

  // "1", "12", "a": what may number a list item.
  static bool IsListNumber(std::string_view word) {
    if (word.size() == 1 && IsAsciiLower(static_cast<unsigned char>(word[0]))) return true;
    return !word.empty() && word.size() <= 2 &&
           std::all_of(word.begin(), word.end(),
                       [](char c) { return IsAsciiDigit(static_cast<unsigned char>(c)); });
  }

  static std::string NextListNumber(std::string_view number) {
    if (IsAsciiLower(static_cast<unsigned char>(number[0]))) {
      return number[0] == 'z' ? std::string() : std::string(1, static_cast<char>(number[0] + 1));
    }
    return std::to_string(std::stoi(std::string(number)) + 1);
  }

  // True when `word_begin` opens the sentence, after bullets, brackets and
  // white space.
  bool OpensSentence(std::size_t word_begin) const {
    std::size_t q = sentence_start_;
    while (q < word_begin && word_begin - q <= 16) {
      const DecodedChar ch = DecodeUtf8(Block(), q);
      if (!IsBullet(ch.code_point) && ch.code_point != '(' && ch.code_point != '[' &&
          SpaceLengthAt(Block(), q) == 0) {
        return false;
      }
      q += ch.length;
    }
    return q == word_begin;
  }

  // "Results: 1. Chelsea": the first item of a list run into its sentence
  // (unless a sentence starter follows: "The score was 2: 1. Then ...").
  bool OpensListAfterColon(std::string_view word, std::size_t word_begin) const {
    if (word != "1" && word != "a") return false;
    std::size_t q = word_begin;
    while (q > sentence_start_ && text_[q - 1] == ' ') --q;
    return q < word_begin && q > sentence_start_ && text_[q - 1] == ':';
  }

  // "1." "a." "2.)" "3)": a list marker opens the sentence; the next number
  // in the sequence later in the paragraph opens the next item.
  bool AtListMarker(std::string_view word, std::size_t word_begin, const Follower& f,
                    std::size_t marks_end) {
    if (f.attached && !(marks_end > 0 && text_[marks_end - 1] == ')')) return false;
    if (!IsListNumber(word)) return false;
    if (OpensSentence(word_begin) ||
        (OpensListAfterColon(word, word_begin) && !IsStarter(f))) {
      list_next_ = NextListNumber(word);
      return true;
    }
    // "(b)" opens the item with its bracket.
    std::size_t item_begin = word_begin;
    while (item_begin > sentence_start_ &&
           (text_[item_begin - 1] == '(' || text_[item_begin - 1] == '[')) {
      --item_begin;
    }
    if (!list_next_.empty() && word == list_next_ &&
        SpaceLengthBefore(text_, block_begin_, item_begin) > 0) {
      Break(item_begin);
      list_next_ = NextListNumber(word);
      return true;
    }
    return false;
  }

  std::size_t AtClosingParenthesis(std::size_t pos) {
    std::size_t word_begin = 0;
    bool long_word = false;
    const std::string_view word = WordBefore(pos, &word_begin, &long_word);
    const Follower f = ReadFollower(pos + 1);
    if (!f.attached) AtListMarker(word, word_begin, f, pos + 1);
    return pos + 1;
  }

  // --- Chinese and Japanese ------------------------------------------------------

  std::size_t AtWideStop(std::size_t pos) {
    std::size_t q = pos;
    while (q < block_end_) {
      const DecodedChar ch = DecodeUtf8(Block(), q);
      if (!IsWideStop(ch.code_point) && ch.code_point != '!' && ch.code_point != '?') break;
      q += ch.length;
    }
    const std::size_t after = SkipClosers(q);
    if (title_depth_ > 0 || after >= block_end_) return after;
    // 「はい。」と言った: a quotation closed after the stop and followed by
    // more of the sentence does not end it.
    if (after > q && SpaceLengthAt(Block(), after) == 0 &&
        !IsOpenerOrDash(DecodeUtf8(Block(), after).code_point)) {
      return after;
    }
    Break(after);
    return after;
  }

  // --- Output --------------------------------------------------------------------

  void Break(std::size_t at) {
    Emit(sentence_start_, at);
    sentence_start_ = at;
  }

  void Emit(std::size_t begin, std::size_t end) {
    while (begin < end) {
      const std::size_t len = SpaceLengthAt(text_, begin);
      if (len == 0) break;
      begin += len;
    }
    while (end > begin) {
      const std::size_t len = SpaceLengthBefore(text_, begin, end);
      if (len == 0) break;
      end -= len;
    }
    if (begin < end) sentences_.push_back(Sentence{ByteSpan{begin, end}});
  }

  const Rules& rules_;
  const std::string_view text_;
  std::vector<Sentence> sentences_;
  std::size_t block_begin_ = 0;
  std::size_t block_end_ = 0;
  std::size_t sentence_start_ = 0;
  std::string list_next_;  // the list number expected next in this paragraph
  // Where each of rules_.ascii_marks and the next non-ASCII byte occur next
  // in the block (see NextCandidate).
  static constexpr std::size_t kNotSearched = std::string_view::npos;
  std::array<std::size_t, 6> next_mark_{};
  std::size_t next_non_ascii_ = kNotSearched;
  int title_depth_ = 0;    // 《 book titles 》 open
  std::size_t next_closing_quote_ = kNotSearched;  // the next “ (see AtLowOpeningQuote)
  std::size_t held_until_ = 0;  // marks before this end no sentence
  // Names ending in a letter looked up so far ("Malcolm X"), and whether
  // the letter ends the name (see LetterEndsName).
  static constexpr std::size_t kMaxLetterNames = 8;
  std::vector<std::pair<std::string_view, bool>> letter_names_;
};

// Checks an entry of the extra lists; empty when acceptable, else why not.
std::string CheckEntry(std::string_view entry) {
  if (entry.empty()) return "empty entry";
  if (entry.size() > 64) return "entry longer than 64 bytes";
  if (!internal::IsValidUtf8(entry)) return "entry is not valid UTF-8";
  for (char c : entry) {
    if (IsAsciiSpace(static_cast<unsigned char>(c))) return "entry contains white space";
  }
  return {};
}

// The built-in rules of `language`, or the neutral rules for a language
// without any. Each language's are built on first use, once: a program
// that splits English never reads the lexicons of the other languages.
std::shared_ptr<const Rules> BuiltinRules(std::string_view language) {
  constexpr std::size_t kCount = std::size(kLanguages) + 1;  // the neutral rules last
  // Never destroyed: a thread may still split sentences while the program exits.
  static auto* const once = new std::array<std::once_flag, kCount>();
  static auto* const built = new std::array<std::shared_ptr<const Rules>, kCount>();
  const LanguageSpec* spec = FindLanguage(language);
  const std::size_t index = spec != nullptr ? static_cast<std::size_t>(spec - kLanguages)
                                            : kCount - 1;
  std::call_once((*once)[index], [spec, index] {
    SentenceSplitterConfig config;
    config.language = std::string(spec != nullptr ? spec->code : "");
    (*built)[index] = std::make_shared<const Rules>(spec != nullptr ? *spec : kNeutral, config);
  });
  return (*built)[index];
}

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text, const SentenceOptions& options) {
  if (options.extra_abbreviations == nullptr || options.extra_abbreviations->empty()) {
    return Scanner(*BuiltinRules(options.language), text).Run();
  }
  const LanguageSpec* spec = FindLanguage(options.language);
  SentenceSplitterConfig config;
  config.language = std::string(spec ? spec->code : "");
  config.extra_abbreviations = options.extra_abbreviations->entries();
  const Rules rules(spec ? *spec : kNeutral, std::move(config));
  return Scanner(rules, text).Run();
}

namespace internal {

std::vector<Sentence> SplitParagraphsIntoSentences(std::string_view text,
                                                   const std::vector<ByteSpan>& paragraphs) {
  // Looked up once: quote attribution splits every story it reads. The
  // built-in rules are never destroyed.
  static const Rules& rules = *BuiltinRules(SentenceOptions().language);
  return Scanner(rules, text).Run(paragraphs);
}

}  // namespace internal

std::vector<std::string> SentenceLanguages() {
  std::vector<std::string> codes;
  for (const LanguageSpec& spec : kLanguages) codes.emplace_back(spec.code);
  return codes;
}

Result<SentenceSplitter> SentenceSplitter::Create(const SentenceSplitterConfig& config) {
  const LanguageSpec* spec = FindLanguage(config.language);
  if (spec == nullptr) {
    std::string known;
    for (const LanguageSpec& language : kLanguages) {
      known += known.empty() ? "" : " ";
      known += language.code;
    }
    return Status::InvalidArgument("unknown sentence language '" + config.language +
                                   "'; known: " + known);
  }
  for (const auto* list : {&config.extra_abbreviations, &config.non_breaking_words}) {
    for (const std::string& entry : *list) {
      const std::string problem = CheckEntry(entry);
      if (!problem.empty()) return Status::InvalidArgument("'" + entry + "': " + problem);
    }
  }
  if (config.extra_abbreviations.empty() && config.non_breaking_words.empty()) {
    return SentenceSplitter(BuiltinRules(spec->code));
  }
  return SentenceSplitter(std::make_shared<const Rules>(*spec, config));
}

std::vector<Sentence> SentenceSplitter::Split(std::string_view text) const {
  return Scanner(*rules_, text).Run();
}

const SentenceSplitterConfig& SentenceSplitter::config() const { return rules_->config; }

}  // namespace copydesk
