// Dateline parsing: a hand-written scanner over the opening lines of a story.
//
// A dateline is read as a sequence of parts, each tried at the current
// position:
//
//   [credit " - "] places ["," date] [agency mark] separator
//   date agency-mark separator            ("Jan 5 (Reuters) -")
//   agency-mark separator                 ("(CNN) —")
//
// How much evidence a dateline needs depends on what it carries: a credited
// agency is strong evidence on its own; a place with a date needs a dash or
// the end of the line after it; a place alone needs a dash and a place that
// is written in capitals or known to copydesk. That graded bar is what keeps
// "Washington, however, disagreed." and "March 3 is the deadline" out.

#include "copydesk/dateline.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "internal/lexicon_lines.h"
#include "internal/utf8.h"

namespace copydesk {
namespace {

using internal::AppendUtf8;
using internal::BuiltinLexicon;
using internal::DecodeUtf8;

// Lines tried before giving up: section label, headline, byline, advisories
// and a blank line or two leave the dateline well within this.
constexpr int kMaxLinesTried = 8;
// A line longer than this is story text, not preamble: stop looking.
constexpr std::size_t kMaxPreambleLineBytes = 200;
// A line longer than this that ends like a sentence is story text.
constexpr std::size_t kMaxHeadlineBytes = 80;
// Parts of a dateline are short; longer runs are sentences.
constexpr int kMaxWordsPerName = 6;
constexpr int kMaxWordsPerCredit = 3;  // "The Canadian Press"
constexpr int kMaxPlaces = 6;
constexpr int kMaxRegionsPerPlace = 3;
constexpr std::size_t kMaxAgencyBytes = 48;
constexpr std::size_t kMaxKeyBytes = 64;

// ---------------------------------------------------------------------------
// Built-in lexicons (cpp/data/dateline_*.txt), keyed by ASCII-lower-cased form.

struct Tables {
  absl::flat_hash_map<std::string, std::string> agencies;  // written -> canonical
  absl::flat_hash_map<std::string, int> months;            // form -> 1..12
  absl::flat_hash_set<std::string> cities;                 // stand-alone cities
  absl::flat_hash_set<std::string> regions;                // states, countries
  absl::flat_hash_set<std::string> labels;                 // "BREAKING", "UPDATE"
  absl::flat_hash_set<std::string> outlet_words;           // "TIMES", "POST"
  absl::flat_hash_set<std::string> place_words;            // "CITY", "HEIGHTS"
};

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Splits "form<TAB>value" lexicon entries.
std::pair<std::string_view, std::string_view> SplitTab(std::string_view entry) {
  const std::size_t tab = entry.find('\t');
  if (tab == std::string_view::npos) return {entry, {}};
  std::string_view value = entry.substr(tab + 1);
  while (!value.empty() && (value.front() == '\t' || value.front() == ' ')) value.remove_prefix(1);
  return {entry.substr(0, tab), value};
}

const Tables& GetTables() {
  static const Tables* const tables = [] {
    auto* t = new Tables;
    for (std::string_view entry : BuiltinLexicon("dateline_agencies")) {
      auto [written, canonical] = SplitTab(entry);
      t->agencies.emplace(AsciiLower(written),
                          std::string(canonical.empty() ? written : canonical));
    }
    for (std::string_view entry : BuiltinLexicon("dateline_months")) {
      auto [form, number] = SplitTab(entry);
      int month = 0;
      for (char c : number) {
        if (c >= '0' && c <= '9') month = month * 10 + (c - '0');
      }
      if (month >= 1 && month <= 12) t->months.emplace(AsciiLower(form), month);
    }
    for (std::string_view e : BuiltinLexicon("dateline_cities")) t->cities.insert(AsciiLower(e));
    for (std::string_view e : BuiltinLexicon("dateline_regions")) t->regions.insert(AsciiLower(e));
    for (std::string_view e : BuiltinLexicon("dateline_labels")) t->labels.insert(AsciiLower(e));
    for (std::string_view e : BuiltinLexicon("dateline_outlet_words")) {
      t->outlet_words.insert(AsciiLower(e));
    }
    for (std::string_view e : BuiltinLexicon("dateline_place_words")) {
      t->place_words.insert(AsciiLower(e));
    }
    return t;
  }();
  return *tables;
}

// Lower-cases `s` into a stack buffer for a lookup; empty when too long to be
// an entry (no lexicon entry is that long).
class LookupKey {
 public:
  explicit LookupKey(std::string_view s) {
    if (s.size() > kMaxKeyBytes) return;
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      buffer_[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    size_ = s.size();
  }
  absl::string_view view() const { return absl::string_view(buffer_.data(), size_); }
  bool ok() const { return size_ > 0; }

 private:
  std::array<char, kMaxKeyBytes> buffer_{};
  std::size_t size_ = 0;
};

template <typename Set>
bool InSet(const Set& set, std::string_view s) {
  LookupKey key(s);
  return key.ok() && set.contains(key.view());
}

const std::string* FindAgency(std::string_view written) {
  LookupKey key(written);
  if (!key.ok()) return nullptr;
  const auto& agencies = GetTables().agencies;
  auto it = agencies.find(key.view());
  return it == agencies.end() ? nullptr : &it->second;
}

int FindMonth(std::string_view form) {
  LookupKey key(form);
  if (!key.ok()) return 0;
  const auto& months = GetTables().months;
  auto it = months.find(key.view());
  return it == months.end() ? 0 : it->second;
}

// ---------------------------------------------------------------------------
// Characters.

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

enum class LetterCase { kNone, kUpper, kLower, kOther };

struct CharInfo {
  LetterCase letter;  // kNone when not a letter
  bool mark;          // combining mark (accents in decomposed text)
  uint32_t length;
};

// Non-ASCII characters go to ICU; kept out of line so that the ASCII path
// of Classify() inlines into the scanning loops.
CharInfo ClassifyNonAscii(std::string_view text, std::size_t pos) {
  const internal::DecodedChar d = DecodeUtf8(text, pos);
  if (!d.valid) return {LetterCase::kNone, false, d.length};
  const UChar32 cp = static_cast<UChar32>(d.code_point);
  if (U_GET_GC_MASK(cp) & U_GC_M_MASK) return {LetterCase::kNone, true, d.length};
  if (!u_isalpha(cp)) return {LetterCase::kNone, false, d.length};
  if (u_isupper(cp) || u_istitle(cp)) return {LetterCase::kUpper, false, d.length};
  if (u_islower(cp)) return {LetterCase::kLower, false, d.length};
  return {LetterCase::kOther, false, d.length};
}

inline CharInfo Classify(std::string_view text, std::size_t pos) {
  const char c = text[pos];
  if (IsAsciiUpper(c)) return {LetterCase::kUpper, false, 1};
  if (IsAsciiLower(c)) return {LetterCase::kLower, false, 1};
  if (static_cast<unsigned char>(c) < 0x80) return {LetterCase::kNone, false, 1};
  return ClassifyNonAscii(text, pos);
}

// Length of the horizontal space at `pos`: space, tab or no-break space.
std::size_t SpaceAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  if (text[pos] == ' ' || text[pos] == '\t') return 1;
  if (text[pos] == '\xC2' && pos + 1 < text.size() && text[pos + 1] == '\xA0') return 2;
  return 0;
}

std::size_t SkipSpaces(std::string_view text, std::size_t pos) {
  while (std::size_t n = SpaceAt(text, pos)) pos += n;
  return pos;
}

// Spaces, line breaks and no-break spaces.
std::size_t SkipWhiteSpace(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++pos;
    } else if (std::size_t n = SpaceAt(text, pos)) {
      pos += n;
    } else {
      break;
    }
  }
  return pos;
}

bool AtLineEnd(std::string_view text, std::size_t pos) {
  return pos >= text.size() || text[pos] == '\n' || text[pos] == '\r';
}

// Compares byte by byte: the prefixes are a few bytes long, too short for a
// call to memcmp to pay.
inline bool StartsWith(std::string_view text, std::size_t pos, std::string_view prefix) {
  if (pos > text.size() || text.size() - pos < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (text[pos + i] != prefix[i]) return false;
  }
  return true;
}

// Whether a line (trimmed) ends as a sentence does: ". ! ?" or a closing
// quote after one; headlines and labels do not.
bool EndsLikeSentence(std::string_view line) {
  if (line.empty()) return false;
  const char tail = line.back();
  return tail == '.' || tail == '!' || tail == '?' || tail == '"' ||
         (line.size() >= 3 && line.substr(line.size() - 3) == "\xE2\x80\x9D");
}

// A dash that separates a dateline from the story: "-", "--", "—" (em dash),
// "–" (en dash), "―", or a run of them. Returns the position after the run.
std::size_t SkipDashes(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    if (text[pos] == '-') {
      ++pos;
    } else if (StartsWith(text, pos, "\xE2\x80\x94") || StartsWith(text, pos, "\xE2\x80\x93") ||
               StartsWith(text, pos, "\xE2\x80\x95")) {
      pos += 3;
    } else {
      break;
    }
  }
  return pos;
}

// Lower-case words allowed inside a place name ("Rio de Janeiro", "Bosnia and
// Herzegovina", "Frankfurt am Main").
bool IsNameParticle(std::string_view word) {
  if (word.size() > 4) return false;  // the longest is "upon"
  static constexpr std::string_view kParticles[] = {
      "de", "del", "da", "do", "dos", "das", "du", "la", "le", "les", "el", "al",
      "of", "and", "on", "upon", "am", "an", "der", "den", "sur", "en", "y", "e",
      "di", "van", "von", "bin", "es", "lès", "in", "im"};
  return std::find(std::begin(kParticles), std::end(kParticles), word) != std::end(kParticles);
}

// ---------------------------------------------------------------------------
// Parts of a dateline.

struct Word {
  std::size_t end = 0;  // == begin when there is no word
  LetterCase first = LetterCase::kNone;
  bool has_lower = false;
};

// A word of a name: a letter, then letters, marks and '.', and '\'', '’' or
// '-' between letters ("ST.", "N.M.", "N'DJAMENA", "WINSTON-SALEM").
Word ScanWord(std::string_view text, std::size_t pos) {
  Word w;
  w.end = pos;
  if (pos >= text.size()) return w;
  CharInfo first = Classify(text, pos);
  if (first.letter == LetterCase::kNone) return w;
  w.first = first.letter;
  std::size_t p = pos;
  while (p < text.size()) {
    const CharInfo ci = Classify(text, p);
    if (ci.letter != LetterCase::kNone || ci.mark) {
      if (ci.letter == LetterCase::kLower) w.has_lower = true;
      p += ci.length;
      continue;
    }
    const char c = text[p];
    if (c == '.') {
      ++p;
      continue;
    }
    std::size_t joiner = 0;
    if (c == '\'' || c == '-') joiner = 1;
    if (StartsWith(text, p, "\xE2\x80\x99")) joiner = 3;  // ’
    if (joiner && p + joiner < text.size() &&
        Classify(text, p + joiner).letter != LetterCase::kNone) {
      p += joiner;
      continue;
    }
    break;
  }
  w.end = p;
  return w;
}

struct Name {
  ByteSpan span;
  bool all_caps = true;  // no lower-case letter in any word
  std::size_t first_word_end = 0;
};

// A place name: up to `max_words` capitalised words joined by single spaces,
// with lower-case particles between capitalised words.
std::optional<Name> ScanName(std::string_view text, std::size_t pos, bool allow_lowercase,
                             int max_words = kMaxWordsPerName) {
  Word w = ScanWord(text, pos);
  if (w.end == pos) return std::nullopt;
  if (w.first != LetterCase::kUpper && !(allow_lowercase && w.first == LetterCase::kLower)) {
    return std::nullopt;
  }
  Name name;
  name.span = {pos, w.end};
  name.all_caps = !w.has_lower;
  name.first_word_end = w.end;
  for (int words = 1; words < max_words; ++words) {
    std::size_t next = name.span.end;
    if (next >= text.size() || text[next] != ' ') break;
    ++next;
    Word n = ScanWord(text, next);
    if (n.end == next) break;
    if (n.first == LetterCase::kLower && !allow_lowercase) {
      // A particle counts only when a capitalised word follows it.
      if (!IsNameParticle(text.substr(next, n.end - next))) break;
      std::size_t after = n.end;
      if (after >= text.size() || text[after] != ' ') break;
      Word cap = ScanWord(text, after + 1);
      if (cap.end == after + 1 || cap.first != LetterCase::kUpper) break;
    }
    name.span.end = n.end;
    if (n.has_lower) name.all_caps = false;
  }
  return name;
}

struct DatePart {
  ByteSpan span;
  int month = 0;
  int day = 0;
  int year = 0;  // 0 when not written
};

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) return 29;
  return kDays[month - 1];
}

// One or two digits not followed by another digit; 0 when absent.
int ScanDay(std::string_view text, std::size_t pos, std::size_t* end) {
  if (pos >= text.size() || !IsAsciiDigit(text[pos])) return 0;
  int value = text[pos] - '0';
  std::size_t p = pos + 1;
  if (p < text.size() && IsAsciiDigit(text[p])) value = value * 10 + (text[p++] - '0');
  if (p < text.size() && IsAsciiDigit(text[p])) return 0;
  // Ordinals: "Nov 15th".
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (StartsWith(text, p, suffix)) {
      p += 2;
      break;
    }
  }
  if (p < text.size() && Classify(text, p).letter != LetterCase::kNone) return 0;
  *end = p;
  return value;
}

// A month word ("Nov", "November", "nov", "März") and its number; 0 if none.
int ScanMonth(std::string_view text, std::size_t pos, std::size_t* end) {
  Word w = ScanWord(text, pos);
  if (w.end == pos) return 0;
  std::size_t word_end = w.end;
  // ScanWord keeps '.' inside words; the month lexicon lists forms without it.
  std::size_t letters_end = word_end;
  while (letters_end > pos && text[letters_end - 1] == '.') --letters_end;
  if (text.substr(pos, letters_end - pos).find('.') != std::string_view::npos) return 0;
  const int month = FindMonth(text.substr(pos, letters_end - pos));
  if (month == 0) return 0;
  *end = word_end;
  return month;
}

// A written year after the day: ", 2023" or " 2023".
int ScanYear(std::string_view text, std::size_t pos, std::size_t* end) {
  std::size_t p = pos;
  if (p < text.size() && text[p] == ',') ++p;
  const std::size_t digits = SkipSpaces(text, p);
  if (digits == p && p == pos) return 0;  // no separator before the year
  if (digits + 4 > text.size()) return 0;
  int year = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (!IsAsciiDigit(text[digits + i])) return 0;
    year = year * 10 + (text[digits + i] - '0');
  }
  if (digits + 4 < text.size() && (IsAsciiDigit(text[digits + 4]) ||
                                   Classify(text, digits + 4).letter != LetterCase::kNone)) {
    return 0;
  }
  if (year < 1800 || year > 2199) return 0;
  *end = digits + 4;
  return year;
}

// "Nov. 15", "March 3", "15 nov", "4 March", "15. November", each optionally
// followed by a year ("Nov. 15, 2023").
std::optional<DatePart> ScanDate(std::string_view text, std::size_t pos) {
  DatePart date;
  std::size_t p = pos;
  std::size_t end = pos;
  const Word first = ScanWord(text, p);
  if (first.end > p) {
    // Only "Month D" can start with a letter; check for the day before
    // looking the word up.
    const std::size_t space = SpaceAt(text, first.end);
    if (space == 0 || first.end + space >= text.size() || !IsAsciiDigit(text[first.end + space])) {
      return std::nullopt;
    }
  }
  if (int month_first = first.end > p ? ScanMonth(text, p, &end) : 0) {
    std::size_t day_pos = end;
    std::size_t n = SpaceAt(text, day_pos);
    if (n == 0) return std::nullopt;
    day_pos += n;
    date.day = ScanDay(text, day_pos, &end);
    if (date.day == 0) return std::nullopt;
    date.month = month_first;
  } else if (int day_first = first.end > p ? 0 : ScanDay(text, p, &end)) {
    std::size_t month_pos = end;
    if (month_pos < text.size() && text[month_pos] == '.') ++month_pos;  // "15. November"
    std::size_t n = SpaceAt(text, month_pos);
    if (n == 0) return std::nullopt;
    month_pos += n;
    // "15 nov." keeps its period: ScanMonth() reads it with the month.
    date.month = ScanMonth(text, month_pos, &end);
    if (date.month == 0) return std::nullopt;
    date.day = day_first;
  } else {
    return std::nullopt;
  }
  if (date.day < 1 || date.day > DaysInMonth(2000, date.month)) return std::nullopt;
  std::size_t year_end = end;
  if (int year = ScanYear(text, end, &year_end)) {
    if (date.day > DaysInMonth(year, date.month)) return std::nullopt;
    date.year = year;
    end = year_end;
  }
  date.span = {pos, end};
  return date;
}

struct AgencyPart {
  ByteSpan span;  // content without brackets or slashes
  std::size_t end = 0;
  const std::string* canonical = nullptr;  // null when not in the lexicon
  std::optional<DatePart> date;            // Newsfile dates its credit inside the brackets
};

// Whether unknown bracketed text could be an agency: one to four capitalised
// words of letters, digits and '-', '.', '&' ("UPI", "KUNA", "Lusa").
bool LooksLikeAgency(std::string_view content) {
  if (content.empty() || content.size() > 40) return false;
  int words = 0;
  bool word_start = true;
  for (std::size_t i = 0; i < content.size(); ++i) {
    const char c = content[i];
    if (c == ' ') {
      if (word_start) return false;
      word_start = true;
      continue;
    }
    if (word_start) {
      if (!IsAsciiUpper(c)) return false;
      ++words;
      word_start = false;
      continue;
    }
    if (!(IsAsciiUpper(c) || IsAsciiLower(c) || IsAsciiDigit(c) || c == '-' || c == '.' ||
          c == '&')) {
      return false;
    }
  }
  return !word_start && words <= 4;
}

// "(AP)", "(BUSINESS WIRE)", "/PRNewswire/", "/TASS/", "/ ACCESSWIRE /",
// "(Newsfile Corp. - November 15, 2023)" at `pos`.
std::optional<AgencyPart> ScanAgencyMark(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  const char open = text[pos];
  char close;
  if (open == '(') {
    close = ')';
  } else if (open == '/') {
    close = '/';
  } else {
    return std::nullopt;
  }
  const std::size_t limit = std::min(text.size(), pos + 1 + kMaxAgencyBytes + 1);
  std::size_t p = pos + 1;
  while (p < limit && text[p] != close && text[p] != '\n' && text[p] != '(' && text[p] != ')') ++p;
  if (p >= limit || text[p] != close || p == pos + 1) return std::nullopt;
  AgencyPart agency;
  agency.span = {pos + 1, p};
  agency.end = p + 1;
  if (open == '/') {
    // ACCESSWIRE sets its name between spaced slashes.
    while (agency.span.begin < agency.span.end && text[agency.span.begin] == ' ') {
      ++agency.span.begin;
    }
    while (agency.span.end > agency.span.begin && text[agency.span.end - 1] == ' ') {
      --agency.span.end;
    }
    if (agency.span.empty()) return std::nullopt;
  } else if (const std::size_t dash = text.find(" - ", pos + 1); dash < p) {
    // "(Newsfile Corp. - November 15, 2023)": the credit, then the date.
    std::optional<DatePart> date = ScanDate(text, dash + 3);
    if (date && date->span.end == p) {
      agency.span.end = dash;
      agency.date = date;
    }
  }
  const std::string_view content = Slice(text, agency.span);
  agency.canonical = FindAgency(content);
  if (!agency.canonical) {
    // A desk or service of a known agency: "(dpa/lno)", "/PRNewswire-PRWeb/".
    const std::size_t cut = content.find_first_of(open == '(' ? "/-" : "-");
    if (cut != std::string_view::npos) agency.canonical = FindAgency(content.substr(0, cut));
  }
  if (!agency.canonical && !LooksLikeAgency(content)) return std::nullopt;
  return agency;
}

enum class SeparatorKind { kNone, kDash, kColon, kPeriod, kLineEnd };

struct Separator {
  SeparatorKind kind = SeparatorKind::kNone;
  std::size_t end = 0;  // after the separator, before the white space after it
};

// What ends the dateline at `pos` (right after its last part) in `text`, the
// scanned prefix; `prefix_is_whole` says whether the story ends there too.
Separator ScanSeparator(std::string_view text, std::size_t pos, bool prefix_is_whole) {
  Separator sep;
  const std::size_t p = SkipSpaces(text, pos);
  if (p >= text.size()) {
    // The story ends with the dateline; a prefix cut short proves nothing.
    if (prefix_is_whole) sep.kind = SeparatorKind::kLineEnd;
    sep.end = pos;
    return sep;
  }
  if (text[p] == '\n' || text[p] == '\r') {
    sep.kind = SeparatorKind::kLineEnd;
    sep.end = pos;
    return sep;
  }
  std::size_t q = p;
  if (text[q] == '.' && q + 1 < text.size() &&
      (text[q + 1] == '-' || StartsWith(text, q + 1, "\xE2\x80"))) {
    ++q;  // EFE: "(EFE).-"
  }
  std::size_t dashes_end = SkipDashes(text, q);
  // AP copy of the 1990s: "WASHINGTON (AP) _ The Senate".
  if (dashes_end == q && text[q] == '_' && q > pos && SpaceAt(text, q + 1)) dashes_end = q + 1;
  if (dashes_end > q) {
    sep.kind = SeparatorKind::kDash;
    sep.end = dashes_end;
    return sep;
  }
  if (text[p] == ':' ) {
    sep.kind = SeparatorKind::kColon;
    sep.end = p + 1;
    return sep;
  }
  if (text[p] == '.' && (p + 1 >= text.size() || SpaceAt(text, p + 1) || AtLineEnd(text, p + 1))) {
    sep.kind = SeparatorKind::kPeriod;
    sep.end = p + 1;
    return sep;
  }
  sep.kind = SeparatorKind::kNone;
  sep.end = pos;
  return sep;
}

// ---------------------------------------------------------------------------
// Display names: "ST. LOUIS" -> "St. Louis", "N'DJAMENA" -> "N'Djamena",
// "RIO DE JANEIRO" -> "Rio de Janeiro", "COEUR D'ALENE" -> "Coeur d'Alene".

// Appends the letter at `pos` upper- or lower-cased.
void AppendCased(std::string_view text, std::size_t pos, std::size_t length, bool upper,
                 std::string* out) {
  if (length == 1) {
    char c = text[pos];
    if (upper && IsAsciiLower(c)) c = static_cast<char>(c - 'a' + 'A');
    if (!upper && IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
    out->push_back(c);
    return;
  }
  const internal::DecodedChar d = DecodeUtf8(text, pos);
  if (!d.valid) {
    out->append(text.substr(pos, length));
    return;
  }
  const UChar32 cp = static_cast<UChar32>(d.code_point);
  AppendUtf8(static_cast<char32_t>(upper ? u_toupper(cp) : u_tolower(cp)), out);
}

std::string DisplayName(std::string_view text, ByteSpan city, bool all_caps) {
  std::string_view written = Slice(text, city);
  if (!all_caps) return std::string(written);
  std::string out;
  out.reserve(written.size());
  std::size_t word_start = 0;
  bool first_word = true;
  while (word_start < written.size()) {
    std::size_t word_end = written.find(' ', word_start);
    if (word_end == std::string_view::npos) word_end = written.size();
    std::string_view word = written.substr(word_start, word_end - word_start);
    const std::string lower_word = AsciiLower(word);
    const bool particle = !first_word && IsNameParticle(lower_word);
    bool capitalize_next = !particle;
    std::size_t segment_letters = 0;  // letters since the last joiner
    for (std::size_t i = 0; i < word.size();) {
      const std::size_t at = word_start + i;
      const CharInfo ci = Classify(written, at);
      const char c = written[at];
      if (ci.letter != LetterCase::kNone) {
        AppendCased(written, at, ci.length, capitalize_next, &out);
        capitalize_next = false;
        ++segment_letters;
      } else {
        out.append(written.substr(at, ci.length));
        if (c == '-') capitalize_next = true;
        if (c == '\'' || StartsWith(written, at, "\xE2\x80\x99")) {
          // "D'ALENE" -> "d'Alene" (a French article), "N'DJAMENA" -> "N'Djamena".
          if (segment_letters == 1 && !first_word && (out[out.size() - ci.length - 1] == 'D')) {
            out[out.size() - ci.length - 1] = 'd';
          }
          capitalize_next = true;
        }
        if (c == '-' || c == '\'') segment_letters = 0;
      }
      i += ci.length;
    }
    if (word_end < written.size()) out.push_back(' ');
    word_start = word_end + 1;
    first_word = false;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Year resolution.

int Compare(const CalendarDate& a, const CalendarDate& b) {
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (a.month != b.month) return a.month < b.month ? -1 : 1;
  if (a.day != b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

CalendarDate NextDay(CalendarDate d) {
  if (d.day < DaysInMonth(d.year, d.month)) {
    ++d.day;
  } else if (d.month < 12) {
    ++d.month;
    d.day = 1;
  } else {
    ++d.year;
    d.month = 1;
    d.day = 1;
  }
  return d;
}

bool IsValidDate(const CalendarDate& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

// The latest year that puts month/day on or before the day after
// `published` (Feb 29 looks back to the last leap year).
int ResolveYear(int month, int day, const CalendarDate& published) {
  const CalendarDate latest = NextDay(published);
  for (int year = latest.year; year > latest.year - 8; --year) {
    CalendarDate candidate{year, month, day};
    if (IsValidDate(candidate) && Compare(candidate, latest) <= 0) return year;
  }
  return published.year;
}

// ---------------------------------------------------------------------------
// The scanner.

// A place as scanned, before it is known to belong to a dateline.
struct PlaceScan {
  ByteSpan span;
  ByteSpan city;
  std::array<ByteSpan, kMaxRegionsPerPlace> regions;
  std::size_t region_count = 0;
  bool all_caps = false;  // the city has no lower-case letter
};

class DatelineScanner {
 public:
  DatelineScanner(std::string_view text, const DatelineOptions& options)
      : text_(text),
        prefix_end_(std::min<std::size_t>(text.size(), options.max_prefix_bytes)),
        options_(options) {}

  std::optional<Dateline> Run() {
    // Parts are read only within the prefix; the body start may lie past it.
    scan_ = text_.substr(0, prefix_end_);
    std::size_t pos = 0;
    if (StartsWith(scan_, 0, "\xEF\xBB\xBF")) pos = 3;  // byte order mark
    for (int line = 0; line < kMaxLinesTried; ++line) {
      pos = SkipWhiteSpace(scan_, pos);
      if (pos >= scan_.size()) break;
      std::size_t line_end = scan_.find('\n', pos);
      if (line_end == std::string_view::npos) line_end = scan_.size();
      if (std::optional<Dateline> d = ParseLine(pos, /*allow_credit=*/true)) return d;
      if (!IsPreamble(pos, line_end)) break;
      pos = line_end;
    }
    return std::nullopt;
  }

 private:
  // Whether the line [begin, end) may come before a dateline: a label,
  // headline, byline or advisory. Long lines and sentences are story text.
  bool IsPreamble(std::size_t begin, std::size_t end) const {
    if (end == scan_.size() && end < text_.size()) return false;  // runs past the prefix
    std::size_t last = end;
    while (last > begin && (scan_[last - 1] == ' ' || scan_[last - 1] == '\r' ||
                            scan_[last - 1] == '\t')) {
      --last;
    }
    const std::size_t length = last - begin;
    if (length > kMaxPreambleLineBytes) return StartsWithCaptionOrLabel(begin);
    if (scan_[begin] == '(' || StartsWith(scan_, begin, "By ") ||
        StartsWith(scan_, begin, "BY ") || StartsWith(scan_, begin, "by ") ||
        StartsWith(scan_, begin, "Editor's note") || StartsWith(scan_, begin, "EDITOR'S NOTE") ||
        StartsWith(scan_, begin, "Editor\xE2\x80\x99s note")) {
      return true;
    }
    // A sentence of some length ends in a full stop; headlines do not.
    if (EndsLikeSentence(scan_.substr(begin, length)) && length > kMaxHeadlineBytes) {
      return StartsWithCaptionOrLabel(begin);
    }
    return true;
  }

  // Photo captions ("FILE - ...") and advisories ("REPEAT ...") are preamble
  // however long they run. Their label is in capitals, which spares story
  // text the lookup.
  bool StartsWithCaptionOrLabel(std::size_t begin) const {
    return StartsWithLabel(begin, /*capitals_only=*/true);
  }

  // "NEW YORK TIMES", "WASHINGTON POST": a newspaper's name, not a place.
  bool NamesAnOutlet(ByteSpan city) const {
    std::string_view name = Slice(scan_, city);
    const std::size_t space = name.rfind(' ');
    if (space == std::string_view::npos) return false;
    return InSet(GetTables().outlet_words, name.substr(space + 1));
  }

  bool StartsWithLabel(std::size_t pos, bool capitals_only = false) const {
    Word w = ScanWord(scan_, pos);
    if (w.end == pos || (capitals_only && w.has_lower)) return false;
    std::string_view word = scan_.substr(pos, w.end - pos);
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);
    return InSet(GetTables().labels, word);
  }

  // Whether a dash ("-", or the lead byte of "—"/"–") comes within the
  // length of a credit ("The Canadian Press - ") on this line: a cheap test
  // that spares most lines the credit lookup.
  bool DashSoonAfter(std::size_t pos) const {
    const std::size_t limit = std::min(scan_.size(), pos + kMaxAgencyBytes);
    for (std::size_t i = pos; i < limit; ++i) {
      const char c = scan_[i];
      if (c == '-' || c == '\xE2') return true;
      if (c == '\n') return false;
    }
    return false;
  }

  std::optional<Dateline> ParseLine(std::size_t pos, bool allow_credit) const {
    pos = SkipSpaces(scan_, pos);
    if (pos >= scan_.size()) return std::nullopt;
    if (scan_[pos] == '(') return ParseAgencyOnly(pos);
    if (allow_credit && DashSoonAfter(pos)) {
      if (std::optional<Dateline> d = ParseCredit(pos)) return d;
    }
    if (std::optional<DatePart> date = ScanDate(scan_, pos)) return ParseDateFirst(pos, *date);
    return ParsePlaceFirst(pos);
  }

  // "(Reuters) -", "(CNN) —", "(CNN)The ...": only agencies copydesk knows,
  // then a dash or, in CNN's web copy, a capital straight after the ")".
  std::optional<Dateline> ParseAgencyOnly(std::size_t pos) const {
    std::optional<AgencyPart> agency = ScanAgencyMark(scan_, pos);
    if (!agency || !agency->canonical) return std::nullopt;
    Separator sep = ScanSeparator(scan_, agency->end, whole());
    const bool glued = sep.kind == SeparatorKind::kNone && agency->end < scan_.size() &&
                       Classify(scan_, agency->end).letter == LetterCase::kUpper;
    if (sep.kind != SeparatorKind::kDash && !glued) return std::nullopt;
    Dateline d;
    d.span = {pos, glued ? agency->end : sep.end};
    d.agency = MakeAgency(*agency);
    Finish(sep, &d);
    return d;
  }

  // "AP - A federal judge ..." (a credit with no place) and "Canadian Press -
  // VANCOUVER (CP) - ..." (a source credit before the real dateline).
  std::optional<Dateline> ParseCredit(std::size_t pos) const {
    std::optional<Name> name =
        ScanName(scan_, pos, /*allow_lowercase=*/true, kMaxWordsPerCredit);
    if (!name) return std::nullopt;
    const std::size_t after = SkipSpaces(scan_, name->span.end);
    if (after == name->span.end) return std::nullopt;  // "AP-" is a word, not a credit
    Separator sep = ScanSeparator(scan_, name->span.end, whole());
    if (sep.kind != SeparatorKind::kDash) return std::nullopt;
    const std::string* canonical = FindAgency(Slice(scan_, name->span));
    if (!canonical) return std::nullopt;
    const std::size_t next = SkipSpaces(scan_, sep.end);
    if (next == sep.end && next < scan_.size() && !AtLineEnd(scan_, next)) return std::nullopt;
    if (std::optional<Dateline> inner = ParseLine(next, /*allow_credit=*/false)) {
      if (inner->agency) return inner;
    }
    Dateline d;
    d.span = {pos, sep.end};
    AgencyPart part;
    part.span = name->span;
    part.canonical = canonical;
    d.agency = MakeAgency(part);
    Finish(sep, &d);
    return d;
  }

  // "Jan 5 (Reuters) -": a date needs an agency after it.
  std::optional<Dateline> ParseDateFirst(std::size_t pos, const DatePart& date) const {
    std::size_t p = date.span.end;
    if (p < scan_.size() && scan_[p] == '.') ++p;
    p = SkipSpaces(scan_, p);
    std::optional<AgencyPart> agency = ScanAgencyMark(scan_, p);
    if (!agency) return std::nullopt;
    Separator sep = ScanSeparator(scan_, agency->end, whole());
    if (!AcceptsAgencySeparator(*agency, sep)) return std::nullopt;
    Dateline d;
    d.span = {pos, sep.kind == SeparatorKind::kNone ? agency->end : sep.end};
    SetDate(date, &d);
    d.agency = MakeAgency(*agency);
    Finish(sep, &d);
    return d;
  }

  std::optional<Dateline> ParsePlaceFirst(std::size_t pos) const {
    // Places are collected without allocating; most lines that start like
    // a place turn out not to be datelines.
    std::array<PlaceScan, kMaxPlaces> places;
    std::size_t place_count = 0;
    std::size_t p = pos;
    while (place_count < places.size()) {
      std::optional<PlaceScan> place = ParsePlace(p);
      if (!place) return std::nullopt;
      p = place->span.end;
      places[place_count++] = *place;
      // Places are joined by "/" ("TOKYO/SINGAPORE", "Washington / Seoul");
      // " /PRNewswire/" is an agency, read below.
      std::size_t q = SkipSpaces(scan_, p);
      if (q >= scan_.size() || scan_[q] != '/') break;
      const bool spaced = q > p;
      std::size_t next = SkipSpaces(scan_, q + 1);
      if (spaced && next == q + 1) break;  // " /X/" is an agency mark
      if (std::optional<AgencyPart> mark = ScanAgencyMark(scan_, q); mark && mark->canonical) {
        break;  // " / ACCESSWIRE /"
      }
      if (!ScanName(scan_, next, options_.allow_lowercase)) break;
      p = next;
    }

    // A date after a comma: "LONDON, March 3".
    std::optional<DatePart> date;
    if (p < scan_.size() && scan_[p] == ',') {
      const std::size_t q = SkipSpaces(scan_, p + 1);
      if (q > p + 1) date = ScanDate(scan_, q);
      if (!date) return std::nullopt;  // a comma followed by a sentence
      p = date->span.end;
      if (p < scan_.size() && scan_[p] == ',' && !AtLineEnd(scan_, SkipSpaces(scan_, p + 1))) {
        // "Nov 15, 2023" was read with its year; a comma left over here
        // starts a clause ("March 3, the ...").
        return std::nullopt;
      }
    }

    // The agency: " (Reuters)", "--(BUSINESS WIRE)", " /PRNewswire/",
    // ". /TASS/".
    std::optional<AgencyPart> agency;
    {
      std::size_t q = p;
      if (date && q < scan_.size() && scan_[q] == '.') ++q;  // "November 15. /TASS/"
      q = SkipSpaces(scan_, q);
      std::size_t after_dash = SkipDashes(scan_, q);
      if (after_dash > q) after_dash = SkipSpaces(scan_, after_dash);
      if (after_dash < scan_.size() && scan_[after_dash] == '(') {
        agency = ScanAgencyMark(scan_, after_dash);
      } else if (q < scan_.size() && (scan_[q] == '(' || (scan_[q] == '/' && q > p))) {
        agency = ScanAgencyMark(scan_, q);
      }
      if (!agency && date && q < scan_.size() && q > p) {
        // Older Kyodo copy credits the agency without brackets:
        // "TOKYO, Jan. 5 Kyodo - ".
        if (std::optional<Name> bare = ScanName(scan_, q, /*allow_lowercase=*/false)) {
          if (const std::string* canonical = FindAgency(Slice(scan_, bare->span))) {
            if (ScanSeparator(scan_, bare->span.end, whole()).kind == SeparatorKind::kDash) {
              agency = AgencyPart{bare->span, bare->span.end, canonical, std::nullopt};
            }
          }
        }
      }
      if (agency) p = agency->end;
    }

    Separator sep = ScanSeparator(scan_, p, whole());
    if (agency) {
      if (!AcceptsAgencySeparator(*agency, sep)) return std::nullopt;
    } else if (date) {
      if (sep.kind != SeparatorKind::kDash && sep.kind != SeparatorKind::kLineEnd) {
        return std::nullopt;
      }
    } else if (sep.kind == SeparatorKind::kDash) {
      for (std::size_t i = 0; i < place_count; ++i) {
        if (!places[i].all_caps && !IsKnownPlace(places[i])) return std::nullopt;
        if (ExtendsKnownCity(places[i])) return std::nullopt;
      }
    } else if (sep.kind == SeparatorKind::kColon || sep.kind == SeparatorKind::kLineEnd) {
      // South Asian and Gulf papers end a bare dateline with a colon
      // ("NEW DELHI: ..."), and some sites set the city on a line of its
      // own. A colon also follows speakers ("BLITZER: ...") and topics
      // ("UKRAINE: what we know"), so only a known place in capitals counts.
      for (std::size_t i = 0; i < place_count; ++i) {
        if (!places[i].all_caps || !IsKnownPlace(places[i])) return std::nullopt;
      }
      if (sep.kind == SeparatorKind::kLineEnd && !StoryLineFollows(p)) return std::nullopt;
    } else {
      return std::nullopt;
    }
    if (!agency && !date) {
      // Without agency or date, "Paris - the city of light" is a phrase: a
      // story body starts with a capital, a digit or a quote.
      const std::size_t body = SkipWhiteSpace(scan_, sep.end > p ? sep.end : p);
      if (body < scan_.size() && Classify(scan_, body).letter == LetterCase::kLower) {
        return std::nullopt;
      }
    }

    if (agency && !date) date = agency->date;
    if (agency && !date && (sep.kind == SeparatorKind::kDash || sep.kind == SeparatorKind::kNone)) {
      // Some releases are dated after the credit: Business Wire of the 2000s
      // ("NEW YORK--(BUSINESS WIRE)--Nov. 15, 2005--Acme ...") and ACCESSWIRE
      // ("NEW YORK, NY / ACCESSWIRE / November 15, 2023 / Acme ...").
      const std::size_t q = SkipSpaces(scan_, sep.kind == SeparatorKind::kDash ? sep.end : p);
      if (std::optional<DatePart> late = ScanDate(scan_, q)) {
        const std::size_t r = SkipSpaces(scan_, late->span.end);
        std::size_t separator_end = SkipDashes(scan_, r);
        if (separator_end == r && r < scan_.size() && scan_[r] == '/') separator_end = r + 1;
        if (separator_end > r) {
          date = late;
          sep.kind = SeparatorKind::kDash;
          sep.end = separator_end;
        }
      }
    }

    // Without an agency, "BREAKING --", "Tuesday, 1 March" and "WASHINGTON
    // POST --" are page furniture and outlets; with one ("LIVE OAK, Fla.
    // (AP)") they are places.
    if (!agency && (StartsWithLabel(pos) || NamesAnOutlet(places[0].city))) return std::nullopt;

    Dateline d;
    d.span = {pos, sep.end > p ? sep.end : p};
    d.locations.reserve(place_count);
    for (std::size_t i = 0; i < place_count; ++i) {
      const PlaceScan& scanned = places[i];
      DatelinePlace place;
      place.span = scanned.span;
      place.city = scanned.city;
      const auto regions_end =
          scanned.regions.begin() + static_cast<std::ptrdiff_t>(scanned.region_count);
      place.regions.assign(scanned.regions.begin(), regions_end);
      place.name = DisplayName(scan_, scanned.city, scanned.all_caps);
      d.locations.push_back(std::move(place));
    }
    if (date) SetDate(*date, &d);
    if (agency) d.agency = MakeAgency(*agency);
    Finish(sep, &d);
    return d;
  }

  // One place: a city and its qualifiers: ", Ohio", " [India]",
  // " (Jammu and Kashmir) [India]", ", Calif.".
  std::optional<PlaceScan> ParsePlace(std::size_t pos) const {
    std::optional<Name> city = ScanName(scan_, pos, options_.allow_lowercase);
    if (!city) return std::nullopt;
    PlaceScan place;
    place.city = city->span;
    place.span = city->span;
    place.all_caps = city->all_caps;

    std::size_t p = city->span.end;
    for (int i = 0; i < kMaxRegionsPerPlace; ++i) {
      std::optional<ByteSpan> region;
      std::size_t region_end = 0;
      const std::size_t q = SkipSpaces(scan_, p);
      if (q < scan_.size() && (scan_[q] == '[' || scan_[q] == '(') && q > p) {
        // Bracketed qualifiers (ANI): "(Jammu and Kashmir)" only when a
        // "[Country]" follows, since "(AP)" is an agency.
        const char close = scan_[q] == '[' ? ']' : ')';
        std::optional<Name> inner = ScanName(scan_, q + 1, options_.allow_lowercase);
        if (!inner || inner->span.end >= scan_.size() || scan_[inner->span.end] != close) break;
        if (close == ')') {
          if (FindAgency(Slice(scan_, inner->span))) break;
          const std::size_t next = SkipSpaces(scan_, inner->span.end + 1);
          if (next >= scan_.size() || scan_[next] != '[') break;
        }
        region = inner->span;
        region_end = inner->span.end + 1;
      } else if (p < scan_.size() && scan_[p] == ',') {
        const std::size_t r = SkipSpaces(scan_, p + 1);
        if (r == p + 1 || ScanDate(scan_, r)) break;
        std::optional<Name> inner = ScanName(scan_, r, /*allow_lowercase=*/false);
        if (!inner) break;
        region = inner->span;
        region_end = inner->span.end;
      } else {
        break;
      }
      place.regions[place.region_count++] = *region;
      place.span.end = region_end;
      p = region_end;
    }
    return place;
  }

  // The city is a stand-alone dateline city, or a region is a known state
  // or country.
  bool IsKnownPlace(const PlaceScan& place) const {
    const Tables& tables = GetTables();
    if (InSet(tables.cities, Slice(scan_, place.city))) return true;
    for (std::size_t i = 0; i < place.region_count; ++i) {
      if (InSet(tables.regions, Slice(scan_, place.regions[i]))) return true;
    }
    return false;
  }

  // "LONDON CALLING", "BOSTON MARATHON": a known city followed by words that
  // do not make it a longer place name ("NEW YORK CITY", "DETROIT LAKES") is
  // a title or a topic, not a dateline.
  bool ExtendsKnownCity(const PlaceScan& place) const {
    if (place.region_count > 0) return false;
    const Tables& tables = GetTables();
    std::string_view name = Slice(scan_, place.city);
    if (InSet(tables.cities, name)) return false;
    for (std::size_t space = name.find(' '); space != std::string_view::npos;
         space = name.find(' ', space + 1)) {
      if (!InSet(tables.cities, name.substr(0, space))) continue;
      std::string_view rest = name.substr(space + 1);
      const std::size_t last_space = rest.rfind(' ');
      if (last_space != std::string_view::npos) rest.remove_prefix(last_space + 1);
      return !InSet(tables.place_words, rest);
    }
    return false;
  }

  // Whether the line after the one ending at `pos` is story text: it starts
  // with a capital, digit or quote and runs on past a headline's length or
  // ends a sentence.
  bool StoryLineFollows(std::size_t pos) const {
    const std::size_t begin = SkipWhiteSpace(scan_, pos);
    if (begin >= scan_.size() || Classify(scan_, begin).letter == LetterCase::kLower) return false;
    std::size_t end = scan_.find('\n', begin);
    if (end == std::string_view::npos) return true;  // runs past the scanned prefix
    while (end > begin && (scan_[end - 1] == ' ' || scan_[end - 1] == '\r')) --end;
    return end - begin > kMaxHeadlineBytes || EndsLikeSentence(scan_.substr(begin, end - begin));
  }

  // Unknown agencies need a visible separator; known ones may run straight
  // into the body as IANS and PTI do.
  static bool AcceptsAgencySeparator(const AgencyPart& agency, const Separator& sep) {
    switch (sep.kind) {
      case SeparatorKind::kDash:
      case SeparatorKind::kColon:
        return true;
      case SeparatorKind::kPeriod:
      case SeparatorKind::kLineEnd:
      case SeparatorKind::kNone:
        return agency.canonical != nullptr;
    }
    return false;
  }

  DatelineAgency MakeAgency(const AgencyPart& part) const {
    DatelineAgency agency;
    agency.span = part.span;
    agency.name = part.canonical ? *part.canonical : std::string(Slice(scan_, part.span));
    return agency;
  }

  void SetDate(const DatePart& date, Dateline* d) const {
    d->date = date.span;
    d->month = date.month;
    d->day = date.day;
    if (date.year != 0) {
      d->year = date.year;
      d->year_written = true;
    }
  }

  void Finish(const Separator& sep, Dateline* d) const {
    const bool nothing_to_skip =
        sep.kind == SeparatorKind::kNone || sep.kind == SeparatorKind::kLineEnd;
    const std::size_t after = nothing_to_skip ? d->span.end : sep.end;
    d->body_start = SkipWhiteSpace(text_, after);
    if (!d->year && options_.published) {
      d->year = d->month ? ResolveYear(d->month, d->day, *options_.published)
                         : options_.published->year;
    }
  }

  bool whole() const { return scan_.size() == text_.size(); }

  std::string_view text_;
  std::string_view scan_;
  std::size_t prefix_end_;
  const DatelineOptions& options_;
};

}  // namespace

std::optional<Dateline> ParseDateline(std::string_view text, const DatelineOptions& options) {
  return DatelineScanner(text, options).Run();
}

std::optional<CalendarDate> ParseIsoDate(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (std::size_t i = 0; i < lengths[f]; ++i) {
      const char c = iso[starts[f] + i];
      if (!IsAsciiDigit(c)) return std::nullopt;
      fields[f] = fields[f] * 10 + (c - '0');
    }
  }
  CalendarDate date{fields[0], fields[1], fields[2]};
  if (date.year < 1 || !IsValidDate(date)) return std::nullopt;
  return date;
}

}  // namespace copydesk
