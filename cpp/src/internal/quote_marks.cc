#include "internal/quote_marks.h"

#include <unicode/uchar.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "internal/utf8.h"

namespace copydesk::internal {
namespace {

enum class Family { kDouble, kSingle, kGuillemet, kSingleGuillemet, kCorner, kWhiteCorner };

// What a mark does where it stands. kCloseOrApostrophe closes an open single
// quotation and is an apostrophe otherwise (the Joneses', goin').
enum class Role { kOpen, kClose, kEither, kCloseOrApostrophe, kNone };

struct Mark {
  std::size_t begin;
  std::size_t end;
  Family family;
  Role role;
  bool straight;  // ASCII " or ', which cannot nest inside themselves
};

struct OpenMark {
  std::size_t begin;
  std::size_t end;
  Family family;
  bool straight;
};

// The bytes a quotation mark can start with.
constexpr struct MarkLeads {
  bool table[256] = {};
  constexpr MarkLeads() : table() {
    table[static_cast<unsigned char>('"')] = true;
    table[static_cast<unsigned char>('\'')] = true;
    table[0xC2] = table[0xE2] = table[0xE3] = true;
  }
  constexpr bool operator[](unsigned char b) const { return table[b]; }
} kMayStartMark;

// How many of the eight bytes at `p`, from the first, are ASCII and neither
// " nor ': bytes that cannot start a mark (0 to 8). The zero-byte test may
// flag a byte that is no zero, but only after a real one, so the first byte
// flagged is a real " or ' or a byte of 0x80 or above.
inline int BytesWithoutMark(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = kOnes * 0x80;
  uint64_t x;
  std::memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64(x);  // the first byte lowest, as counted below
#endif
  auto zeros = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const uint64_t stop = (x & kHigh) | zeros(x ^ (kOnes * '"')) | zeros(x ^ (kOnes * '\''));
  return stop == 0 ? 8 : __builtin_ctzll(stop) / 8;
}

// Deeper nesting than this is ignored, which bounds the work per mark.
constexpr std::size_t kMaxDepth = 4;

bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return u_isalnum(static_cast<UChar32>(c));
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015; }

// Where an opening mark stands: after space, an opening bracket, a dash, a
// slash or another opening mark, or at the start of a paragraph (c == 0).
bool IsOpeningContext(char32_t c) {
  if (c == 0) return true;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) return true;
  if (c == '(' || c == '[' || c == '{' || c == '<' || c == '/' || IsDash(c)) return true;
  if (c == 0x201C || c == 0x2018 || c == 0x201E || c == 0xAB || c == 0x2039 || c == 0x300C ||
      c == 0x300E || c == '"' || c == '\'') {
    return true;
  }
  return c >= 0x80 && u_isUWhiteSpace(static_cast<UChar32>(c));
}

// Where a closing mark stands: before space, punctuation, a closing
// bracket, a dash or the end of the paragraph (c == 0).
bool IsClosingContext(char32_t c) {
  if (c == 0) return true;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) return true;
  switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case ')': case ']':
    case '}': case '>': case '/': case 0x2026: case 0x201D: case 0x2019: case 0xBB:
    case 0x203A: case 0x300D: case 0x300F: case '"': case '\'':
      return true;
    default:
      break;
  }
  if (IsDash(c)) return true;
  return c >= 0x80 && u_isUWhiteSpace(static_cast<UChar32>(c));
}

char32_t CharBefore(std::string_view text, std::size_t pos, std::size_t floor) {
  if (pos <= floor) return 0;
  return DecodeUtf8(text, PreviousCharStart(text, pos)).code_point;
}

char32_t CharAt(std::string_view text, std::size_t pos, std::size_t limit) {
  if (pos >= limit) return 0;
  return DecodeUtf8(text, pos).code_point;
}

// Words that open with an apostrophe standing for dropped letters.
bool IsElisionAfter(std::string_view text, std::size_t pos, std::size_t limit) {
  static constexpr std::string_view kElisions[] = {"n'", "n\xE2\x80\x99", "em ", "til ",
                                                   "tis ", "twas ", "cause ", "bout "};
  for (std::string_view e : kElisions) {
    if (pos + e.size() <= limit && text.compare(pos, e.size(), e) == 0) return true;
  }
  return false;
}

// The role of a single-quote glyph (' ‘ ’ ‛ ‚), which doubles as apostrophe.
Role SingleRole(char32_t prev, char32_t next, std::string_view text, std::size_t after,
                std::size_t limit, char32_t glyph) {
  if (IsWordChar(prev) && IsWordChar(next)) return Role::kNone;        // don't, O'Brien
  if (IsOpeningContext(prev)) {
    if (IsDigit(next)) return Role::kNone;                               // '90s
    if (IsWordChar(next)) {
      return IsElisionAfter(text, after, limit) ? Role::kNone : Role::kOpen;  // 'n', 'em
    }
    if (glyph == 0x2018 || glyph == 0x201A) return Role::kOpen;
    return Role::kNone;
  }
  if (IsClosingContext(next)) return Role::kCloseOrApostrophe;          // truants', Joneses'
  return Role::kNone;
}

// The role of a straight double mark, from the characters around it.
Role StraightDoubleRole(char32_t prev, char32_t next) {
  const bool opening = IsOpeningContext(prev);
  const bool closing = IsClosingContext(next);
  if (opening && !closing) return Role::kOpen;
  if (closing && !opening) return Role::kClose;
  return Role::kEither;
}

// The mark that starts at `pos`, if any. Sets `length` to the bytes of the
// character there so the caller advances past it.
bool ReadMark(std::string_view text, std::size_t pos, const ByteSpan& paragraph, Mark* mark,
              std::size_t* length) {
  const DecodedChar d = DecodeUtf8(text, pos);
  *length = d.length;
  const char32_t c = d.code_point;
  Family family;
  bool straight = false;
  switch (c) {
    case '"': family = Family::kDouble; straight = true; break;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: family = Family::kDouble; break;
    case '\'': family = Family::kSingle; straight = true; break;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: family = Family::kSingle; break;
    case 0xAB: case 0xBB: family = Family::kGuillemet; break;
    case 0x2039: case 0x203A: family = Family::kSingleGuillemet; break;
    case 0x300C: case 0x300D: family = Family::kCorner; break;
    case 0x300E: case 0x300F: family = Family::kWhiteCorner; break;
    default: return false;
  }
  const std::size_t after = pos + d.length;
  const char32_t prev = CharBefore(text, pos, paragraph.begin);
  const char32_t next = CharAt(text, after, paragraph.end);
  Role role;
  switch (c) {
    case '"': role = StraightDoubleRole(prev, next); break;
    case 0x201C:  // “ opens in English and closes in German („…“).
      role = (!IsOpeningContext(prev) && IsClosingContext(next)) ? Role::kClose : Role::kOpen;
      break;
    case 0x201D:  // ” closes; a typist's ” before a word opens.
      role = (IsOpeningContext(prev) && !IsClosingContext(next)) ? Role::kOpen : Role::kClose;
      break;
    case 0x201E: case 0x201F: role = Role::kOpen; break;
    case '\'': case 0x2018: case 0x2019: case 0x201A: case 0x201B:
      role = SingleRole(prev, next, text, after, paragraph.end, c);
      break;
    case 0xAB: case 0x2039: case 0x300C: case 0x300E: role = Role::kOpen; break;
    default: role = Role::kClose; break;
  }
  if (role == Role::kNone) return false;
  *mark = Mark{pos, after, family, role, straight};
  return true;
}

bool EndsSentence(std::string_view text, std::size_t pos, std::size_t floor) {
  while (pos > floor && (text[pos - 1] == ' ' || text[pos - 1] == '\t')) --pos;
  if (pos <= floor) return false;
  const char c = text[pos - 1];
  return c == '.' || c == '!' || c == '?';
}

class Pairer {
 public:
  Pairer(std::string_view text, const std::vector<ByteSpan>& paragraphs)
      : text_(text), paragraphs_(paragraphs) {}

  std::vector<QuotedStretch> Run() {
    stack_.reserve(kMaxDepth);
    stretches_.reserve(text_.size() / 256 + 4);  // news quotes a few times a kilobyte
    for (std::size_t p = 0; p < paragraphs_.size(); ++p) {
      const ByteSpan para = paragraphs_[p];
      std::size_t pos = para.begin;
      while (pos < para.end) {
        // Eight bytes at a time to the first that may start a mark: what
        // the byte loop below would pass over one by one.
        while (para.end - pos >= 8) {
          const int skipped = BytesWithoutMark(text_.data() + pos);
          pos += static_cast<std::size_t>(skipped);
          if (skipped < 8) break;
        }
        if (pos >= para.end) break;
        // Every mark is ASCII " or ', or starts with 0xC2, 0xE2 or 0xE3.
        if (!kMayStartMark[static_cast<unsigned char>(text_[pos])]) {
          ++pos;
          continue;
        }
        Mark mark;
        std::size_t length;
        if (ReadMark(text_, pos, para, &mark, &length)) {
          if (mark.begin != reopen_at_) Take(mark, para);
        }
        pos += length;
      }
      EndParagraph(p);
    }
    return std::move(stretches_);
  }

 private:
  void Take(const Mark& mark, const ByteSpan& para) {
    Role role = mark.role;
    int same = FindOpen(mark.family);
    if (role == Role::kEither) role = same >= 0 ? Role::kClose : Role::kOpen;
    if (role == Role::kOpen && same >= 0 && mark.family == Family::kDouble &&
        same == static_cast<int>(stack_.size()) - 1) {
      // A double mark opening inside an open double quotation after a full
      // stop re-opens it (the paragraph convention without the paragraph
      // break); a straight one cannot nest in itself, so it closes.
      if (EndsSentence(text_, mark.begin, para.begin)) return;
      if (mark.straight && stack_[same].straight) role = Role::kClose;
    }
    if (role == Role::kOpen) {
      if (stack_.size() < kMaxDepth) {
        stack_.push_back({mark.begin, mark.end, mark.family, mark.straight});
      }
      return;
    }
    if (same < 0 && MistypedDoubleClose(mark, para)) same = static_cast<int>(stack_.size()) - 1;
    if (same < 0) return;  // a stray closing mark or an apostrophe
    const OpenMark open = stack_[same];
    stack_.resize(same);
    if (same != 0) return;  // nested: part of the outer stretch
    if (open.family == Family::kSingle && mark.begin - open.end <= 2 &&
        text_.substr(open.end, mark.begin - open.end).find(' ') == std::string_view::npos) {
      return;  // 'n': apostrophes around a letter or two, not a quotation
    }
    stretches_.push_back({{open.begin, mark.end}, {open.end, mark.begin}, true});
  }

  // "... but it's a bit more.' The band ...": a single closing mark right
  // after a word's full stop, with no single quotation open, closes the open
  // double one whose mark was mistyped. Not "the U.S.' policy", where the
  // mark is a possessive after an abbreviation.
  bool MistypedDoubleClose(const Mark& mark, const ByteSpan& para) const {
    if (mark.family != Family::kSingle || stack_.empty() ||
        stack_.back().family != Family::kDouble || mark.begin < stack_.back().end + 2) {
      return false;
    }
    const char stop = text_[mark.begin - 1];
    const char last = text_[mark.begin - 2];
    // Not ".'\"": a nested quotation closing with its outer one.
    const bool followed_by_space = mark.end == para.end || text_[mark.end] == ' ';
    return (stop == '.' || stop == '!' || stop == '?') && last >= 'a' && last <= 'z' &&
           followed_by_space;
  }

  int FindOpen(Family family) const {
    for (int i = static_cast<int>(stack_.size()) - 1; i >= 0; --i) {
      if (stack_[i].family == family) return i;
    }
    return -1;
  }

  void EndParagraph(std::size_t p) {
    reopen_at_ = static_cast<std::size_t>(-1);
    if (stack_.empty()) return;
    const OpenMark outer = stack_.front();
    stack_.clear();
    if (p + 1 < paragraphs_.size()) {
      const ByteSpan next = paragraphs_[p + 1];
      Mark mark;
      std::size_t length;
      if (ReadMark(text_, next.begin, next, &mark, &length) && mark.family == outer.family &&
          (mark.role == Role::kOpen || mark.role == Role::kEither)) {
        stack_.push_back(outer);  // continues; the re-opening mark is consumed
        reopen_at_ = next.begin;
        return;
      }
    }
    // A single mark left open is most often an apostrophe; a double one is a
    // quotation whose closing mark was lost: it ends with its paragraph.
    if (outer.family != Family::kSingle) {
      const std::size_t end = paragraphs_[p].end;
      stretches_.push_back({{outer.begin, end}, {outer.end, end}, false});
    }
  }

  std::string_view text_;
  const std::vector<ByteSpan>& paragraphs_;
  std::vector<OpenMark> stack_;
  std::vector<QuotedStretch> stretches_;
  std::size_t reopen_at_ = static_cast<std::size_t>(-1);
};

}  // namespace

std::vector<QuotedStretch> FindQuotedStretches(std::string_view text,
                                               const std::vector<ByteSpan>& paragraphs) {
  return Pairer(text, paragraphs).Run();
}

}  // namespace copydesk::internal
