#include "internal/quote_tokens.h"

#include <unicode/uchar.h>

#include <cstdint>
#include <cstring>

#include "internal/quote_lexicon.h"
#include "internal/utf8.h"

namespace copydesk::internal {
namespace {

bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return u_isalnum(static_cast<UChar32>(c));
}

constexpr struct AsciiWordChars {
  bool table[128] = {};
  constexpr AsciiWordChars() : table() {
    for (int c = '0'; c <= '9'; ++c) table[c] = true;
    for (int c = 'a'; c <= 'z'; ++c) table[c] = table[c - 'a' + 'A'] = true;
  }
  constexpr bool operator[](unsigned char b) const { return table[b]; }
} kAsciiWordChar;

// How many of the 8 bytes loaded (little-endian) in `x` are, from the
// first, ASCII letters or digits: 0 to 8.
int AsciiWordBytes(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  const uint64_t word =
      BytesBetween(x, '0', '9') | BytesBetween(x | (kOnes * 0x20), 'a', 'z');
  const uint64_t stop = ~word & (kOnes * 0x80);
  return stop == 0 ? 8 : __builtin_ctzll(stop) / 8;
}

bool IsSpace(char32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
  return c >= 0x80 && u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool IsAllCaps(std::string_view word) {
  for (char c : word) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

bool EndsWithBytes(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() &&
         std::memcmp(s.data() + s.size() - tail.size(), tail.data(), tail.size()) == 0;
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

bool IsTerminal(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

char32_t At(std::string_view text, std::size_t pos, std::size_t limit) {
  return pos < limit ? DecodeUtf8(text, pos).code_point : 0;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, const std::vector<ByteSpan>& paragraphs,
            const std::vector<QuotedStretch>& stretches,
            const std::vector<Sentence>& sentences)
      : text_(text),
        paragraphs_(paragraphs),
        stretches_(stretches),
        sentences_(sentences),
        words_(WordTable::Get()) {}

  QuoteTokens Run() {
    out_.tokens.reserve(text_.size() / 4 + 16);  // news has about one token per five bytes
    out_.capitalized.reserve(text_.size() / 32 + 16);
    next_stretch_begin_ = StretchBegin(0);
    next_sentence_end_ = SentenceEnd(0);
    std::size_t pos = 0;
    for (std::size_t p = 0; p < paragraphs_.size(); ++p) {
      if (pos < paragraphs_[p].begin) pos = paragraphs_[p].begin;
      std::size_t end = paragraphs_[p].end;
      while (pos < end) {
        const unsigned char byte = static_cast<unsigned char>(text_[pos]);
        if (byte == ' ') {
          ++pos;
          continue;
        }
        // Most of news is ASCII: its bytes are classified by table.
        const DecodedChar d =
            byte < 0x80 ? DecodedChar{byte, 1, true} : DecodeUtf8(text_, pos);
        if (byte < 0x80 ? (byte >= '\t' && byte <= '\r') : IsSpace(d.code_point)) {
          pos += d.length;
          continue;
        }
        while (next_stretch_begin_ < pos) next_stretch_begin_ = StretchBegin(++next_stretch_);
        if (next_stretch_begin_ == pos) {
          pos = TakeStretch(static_cast<uint32_t>(p));
          // A quotation over several paragraphs: carry on in the one it ends in.
          while (p + 1 < paragraphs_.size() && paragraphs_[p].end < pos) ++p;
          end = paragraphs_[p].end;
        } else if (byte < 0x80 ? kAsciiWordChar[byte] : IsWordChar(d.code_point)) {
          pos = TakeWord(pos, d.code_point, end, static_cast<uint32_t>(p));
        } else {
          // Built in place: a token assembled on the stack and copied
          // stalls on the copy (its fields are stored byte by byte).
          QuoteToken& t = out_.tokens.emplace_back();
          t.span = {pos, pos + d.length};
          t.kind = QuoteToken::Kind::kPunct;
          t.paragraph = static_cast<uint32_t>(p);
          t.ends_sentence = IsTerminal(d.code_point);
          pos += d.length;
        }
        MaybeEndUnit();
      }
      EndUnit();
    }
    return std::move(out_);
  }

 private:
  // Where stretch `i` opens; past the text when there is none.
  std::size_t StretchBegin(std::size_t i) const {
    return i < stretches_.size() ? stretches_[i].outer.begin : SIZE_MAX;
  }
  // Where sentence `i` ends; past the text when there is none.
  std::size_t SentenceEnd(std::size_t i) const {
    return i < sentences_.size() ? sentences_[i].span.end : SIZE_MAX;
  }

  std::size_t TakeStretch(uint32_t paragraph) {
    const QuotedStretch& s = stretches_[next_stretch_];
    QuoteToken& t = out_.tokens.emplace_back();
    t.span = s.outer;
    t.kind = QuoteToken::Kind::kQuote;
    t.paragraph = paragraph;
    t.stretch = static_cast<int>(next_stretch_);
    unit_has_quote_ = true;
    next_stretch_begin_ = StretchBegin(++next_stretch_);
    return s.outer.end;
  }

  // The word that starts at `pos` with the character `first`.
  std::size_t TakeWord(std::size_t pos, char32_t first, std::size_t limit, uint32_t paragraph) {
    const std::size_t begin = pos;
    bool hyphenated = false;
    while (pos < limit) {
      unsigned char byte;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      // Eight bytes at a time over ASCII letters and digits; the first byte
      // that is none is then at hand without another load.
      if (limit - pos >= 8) {
        uint64_t chunk;
        std::memcpy(&chunk, text_.data() + pos, 8);
        const int n = AsciiWordBytes(chunk);
        pos += n;
        if (n == 8) continue;
        byte = static_cast<unsigned char>(chunk >> (8 * n));
      } else
#endif
      {
        byte = static_cast<unsigned char>(text_[pos]);
        if (byte < 0x80 && kAsciiWordChar[byte]) {  // most of news
          ++pos;
          continue;
        }
      }
      if (byte == ' ') break;
      const DecodedChar d = DecodeUtf8(text_, pos);
      if (IsWordChar(d.code_point)) {
        pos += d.length;
        continue;
      }
      const char32_t next = At(text_, pos + d.length, limit);
      const char32_t c = d.code_point;
      // Joiners inside a word: don't, O'Brien, Marie-Pierre, 1.8bn, U.S, 40,000.
      const bool joins = IsWordChar(next) &&
                         (IsApostrophe(c) || c == '-' || c == '.' || c == '&' ||
                          (c == ',' && pos > begin && text_[pos - 1] >= '0' &&
                           text_[pos - 1] <= '9' && next >= '0' && next <= '9'));
      if (!joins) break;
      hyphenated |= c == '-';
      pos += d.length;
    }
    QuoteToken& t = out_.tokens.emplace_back();  // built in place
    t.kind = QuoteToken::Kind::kWord;
    t.paragraph = paragraph;
    const std::string_view word(text_.data() + begin, pos - begin);
    const char last = word.back();
    if (pos < limit && text_[pos] == '.' &&
        IsAbbreviation(std::string_view(text_.data() + begin, pos + 1 - begin))) {
      ++pos;  // "Mr.", "Nov.": the full stop belongs to the word
    } else if ((last == 's' || last == 'S') && pos < limit &&
               IsApostrophe(At(text_, pos, limit))) {
      const std::size_t after = pos + DecodeUtf8(text_, pos).length;
      if (!IsWordChar(At(text_, after, limit))) {  // the Joneses', US'
        pos = after;
        t.possessive = true;
      }
    }
    t.span = {begin, pos};
    std::string_view lookup = word;
    if (last != 's') {
      // Most words: no "'s" to take off.
    } else if (word.size() > 2 && word[word.size() - 2] == '\'') {
      lookup.remove_suffix(2);
      t.possessive = true;
    } else if (word.size() > 4 && EndsWithBytes(word, "\xE2\x80\x99s")) {
      lookup.remove_suffix(4);
      t.possessive = true;
    }
    // Numbers ("1,440", "2005") are in no lexicon.
    t.flags = (first >= '0' && first <= '9')
                  ? 0
                  : words_.Find(lookup, text_.data() + text_.size());
    // "US", "IT", "AN": an acronym is no pronoun or grammar word.
    if (first >= 'A' && first <= 'Z' && word.size() >= 2 && IsAllCaps(word)) {
      t.flags &= kTitle | kOrgNoun | kGroupNoun | kHonorific;
    }
    // "vice-director", "editor-in-chief": a role after a hyphen is a title;
    // so is one before "-of-": "mother-of-nine".
    if (t.flags == 0 && hyphenated) {
      const std::size_t hyphen = lookup.rfind('-');
      if (hyphen != std::string_view::npos && hyphen + 1 < lookup.size()) {
        t.flags = WordFlags(lookup.substr(hyphen + 1)) & kTitle;
      }
      const std::size_t of = lookup.find("-of-");
      if (t.flags == 0 && of != std::string_view::npos) {
        t.flags = WordFlags(lookup.substr(0, of)) & kTitle;
      }
    }
    t.capitalized = first < 0x80
                        ? (first >= 'A' && first <= 'Z')
                        : u_isupper(static_cast<UChar32>(first));
    t.past_form = !t.capitalized && word.size() > 3 && last == 'd' && word[word.size() - 2] == 'e';
    unit_flags_ |= t.flags;
    if (t.capitalized) out_.capitalized.push_back(out_.tokens.size() - 1);
    return pos;
  }

  // Ends the current unit when a sentence ends with the token just taken;
  // sentence ends inside a quoted stretch are passed over.
  void MaybeEndUnit() {
    const std::size_t end = out_.tokens.back().span.end;
    if (next_sentence_end_ > end) return;
    while (next_sentence_end_ < end) next_sentence_end_ = SentenceEnd(++next_end_);
    if (next_sentence_end_ == end) {
      next_sentence_end_ = SentenceEnd(++next_end_);
      EndUnit();
    }
  }

  void EndUnit() {
    if (out_.tokens.size() > unit_begin_) {
      out_.units.push_back({unit_begin_, out_.tokens.size(), unit_flags_, unit_has_quote_});
      unit_begin_ = out_.tokens.size();
      unit_flags_ = 0;
      unit_has_quote_ = false;
    }
  }

  std::string_view text_;
  const std::vector<ByteSpan>& paragraphs_;
  const std::vector<QuotedStretch>& stretches_;
  const std::vector<Sentence>& sentences_;
  const WordTable& words_;
  std::size_t next_stretch_ = 0;
  std::size_t next_stretch_begin_ = 0;  // StretchBegin(next_stretch_)
  std::size_t next_end_ = 0;
  std::size_t next_sentence_end_ = 0;   // SentenceEnd(next_end_)
  std::size_t unit_begin_ = 0;
  uint32_t unit_flags_ = 0;      // of the unit being read
  bool unit_has_quote_ = false;
  QuoteTokens out_;
};

}  // namespace

QuoteTokens TokenizeForQuotes(std::string_view text, const std::vector<ByteSpan>& paragraphs,
                              const std::vector<QuotedStretch>& stretches,
                              const std::vector<Sentence>& sentences) {
  return Tokenizer(text, paragraphs, stretches, sentences).Run();
}

}  // namespace copydesk::internal
