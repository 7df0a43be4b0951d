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
inline int AsciiWordBytes(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  const uint64_t word =
      BytesBetween(x, '0', '9') | BytesBetween(x | (kOnes * 0x20), 'a', 'z');
  const uint64_t stop = ~word & (kOnes * 0x80);
  return stop == 0 ? 8 : __builtin_ctzll(stop) / 8;
}

// ASCII bytes after which a word may go on (don't, Marie-Pierre, U.S,
// AT&T, 40,000) or that may belong to it ("Mr.", "Joneses'"): the word is
// read character by character there.
constexpr struct MayJoin {
  bool table[128] = {};
  constexpr MayJoin() : table() {
    for (char c : {'\'', '-', '.', '&', ','}) table[static_cast<unsigned char>(c)] = true;
  }
  constexpr bool operator[](unsigned char b) const { return table[b]; }
} kMayJoin;

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

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

bool IsTerminal(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

char32_t At(std::string_view text, std::size_t pos, std::size_t limit) {
  return pos < limit ? DecodeUtf8(text, pos).code_point : 0;
}

// The token stream of one text. Hot loops keep what they read in locals:
// the stores of every token's fields could otherwise alias the members
// and have them reloaded after each store.
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
    const std::string_view text = text_;
    out_.tokens.reserve(text.size() / 4 + 16);  // news has about one token per five bytes
    out_.capitalized.reserve(text.size() / 32 + 16);
    out_.units.reserve(text.size() / 64 + 16);  // a sentence of news has over a hundred bytes
    std::size_t next_stretch = 0;
    std::size_t stretch_begin = StretchBegin(0);  // where stretch `next_stretch` opens
    std::size_t next_sentence = 0;
    std::size_t sentence_end = SentenceEnd(0);    // where sentence `next_sentence` ends
    uint32_t unit_flags = 0;                      // of the unit being read
    bool unit_has_quote = false;
    std::size_t pos = 0;
    for (std::size_t p = 0; p < paragraphs_.size(); ++p) {
      if (pos < paragraphs_[p].begin) pos = paragraphs_[p].begin;
      std::size_t end = paragraphs_[p].end;
      while (pos < end) {
        const unsigned char byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80 && kAsciiWordChar[byte]) {
          // Most tokens: a word. No quoted stretch opens here (its mark
          // does), so the stretches are looked at only for other tokens.
          const std::size_t word_end =
              TakePlainWord(text, pos, end, static_cast<uint32_t>(p), &unit_flags);
          pos = word_end != kNotPlain
                    ? word_end
                    : TakeWord(text, pos, byte, end, static_cast<uint32_t>(p), &unit_flags);
        } else {
          // Most of news is ASCII: its bytes are classified by table.
          const DecodedChar d =
              byte < 0x80 ? DecodedChar{byte, 1, true} : DecodeUtf8(text, pos);
          if (byte < 0x80 ? (byte == ' ' || (byte >= '\t' && byte <= '\r'))
                          : IsSpace(d.code_point)) {
            pos += d.length;
            continue;
          }
          while (stretch_begin < pos) stretch_begin = StretchBegin(++next_stretch);
          if (stretch_begin == pos) {
            const QuotedStretch& stretch = stretches_[next_stretch];
            QuoteToken& t = out_.tokens.emplace_back();
            t.span = stretch.outer;
            t.kind = QuoteToken::Kind::kQuote;
            t.paragraph = static_cast<uint32_t>(p);
            t.stretch = static_cast<int>(next_stretch);
            unit_has_quote = true;
            pos = stretch.outer.end;
            stretch_begin = StretchBegin(++next_stretch);
            // A quotation over several paragraphs: carry on in the one it ends in.
            while (p + 1 < paragraphs_.size() && paragraphs_[p].end < pos) ++p;
            end = paragraphs_[p].end;
          } else if (byte >= 0x80 && IsWordChar(d.code_point)) {
            pos = TakeWord(text, pos, d.code_point, end, static_cast<uint32_t>(p), &unit_flags);
          } else {
            QuoteToken& t = out_.tokens.emplace_back();
            t.span = {pos, pos + d.length};
            t.kind = QuoteToken::Kind::kPunct;
            t.paragraph = static_cast<uint32_t>(p);
            t.ends_sentence = IsTerminal(d.code_point);
            pos += d.length;
          }
        }
        // A unit ends where a sentence ends with the token just taken;
        // sentence ends inside a quoted stretch are passed over.
        if (sentence_end <= pos) {
          while (sentence_end < pos) sentence_end = SentenceEnd(++next_sentence);
          if (sentence_end == pos) {
            sentence_end = SentenceEnd(++next_sentence);
            EndUnit(&unit_flags, &unit_has_quote);
          }
        }
        // The space that most often follows, stepped over at once.
        if (pos < end && text[pos] == ' ') ++pos;
      }
      EndUnit(&unit_flags, &unit_has_quote);
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

  static constexpr std::size_t kNotPlain = SIZE_MAX;

  // Most words (over nine in ten of news): ASCII letters and digits, followed by
  // a byte that joins them to nothing more: a space, a bracket, a comma
  // that is no thousands separator, a full stop before no letter or digit.
  // Takes the word at `begin` when it is one and returns where its token
  // ends, else returns kNotPlain and takes nothing. Eight-byte loads give
  // its length and, for most words (eight bytes or fewer), its case and
  // its lower-case key for the lexicon at once.
  std::size_t TakePlainWord(const std::string_view text, const std::size_t begin,
                            const std::size_t limit, const uint32_t paragraph,
                            uint32_t* unit_flags) {
#if !(defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
    // The loads below are read as little-endian: elsewhere, every word is
    // read by TakeWord().
    (void)text, (void)begin, (void)limit, (void)paragraph, (void)unit_flags;
    return kNotPlain;
#else
    constexpr uint64_t kOnes = 0x0101010101010101ull;
    constexpr uint64_t kHigh = kOnes * 0x80;
    const char* const data = text.data();
    if (text.size() - begin < 8) return kNotPlain;  // the last bytes of the text
    uint64_t head;  // the first eight bytes
    std::memcpy(&head, data + begin, 8);
    const uint64_t letters = BytesBetween(head | (kOnes * 0x20), 'a', 'z');
    const uint64_t stop = ~(letters | BytesBetween(head, '0', '9')) & kHigh;
    // A letter with its 0x20 bit clear is upper case.
    const uint64_t upper = letters & ~(head << 2);
    std::size_t end = begin + (stop == 0 ? 8 : __builtin_ctzll(stop) / 8);  // `first` is one
    if (stop == 0) {  // a longer word: on eight bytes at a time
      int n = 8;
      while (n == 8) {
        if (text.size() - end < 8) return kNotPlain;
        uint64_t chunk;
        std::memcpy(&chunk, data + end, 8);
        n = AsciiWordBytes(chunk);
        end += static_cast<std::size_t>(n);
      }
    }
    std::size_t token_end = end;
    if (end >= limit) {
      end = token_end = limit;  // the paragraph ends the word
    } else {
      const unsigned char after = static_cast<unsigned char>(data[end]);
      if (after >= 0x80) return kNotPlain;
      if (kMayJoin[after]) {
        // What the general reader would join on, or read for a possessive
        // or an abbreviation, is left to it, but for the commas and full
        // stops that end most clauses and sentences.
        const unsigned char next =
            end + 1 < limit ? static_cast<unsigned char>(data[end + 1]) : 0;
        if (after == ',') {
          if (data[end - 1] >= '0' && data[end - 1] <= '9' && next >= '0' && next <= '9') {
            return kNotPlain;  // 40,000
          }
        } else if (after != '.' || next >= 0x80 || kAsciiWordChar[next]) {
          return kNotPlain;
        } else if (IsAbbreviation(std::string_view(data + begin, end + 1 - begin),
                                  data + text.size())) {
          token_end = end + 1;  // "Mr.", "Nov.": the full stop belongs to the word
        }
      }
    }
    const std::size_t n = end - begin;
    const unsigned char first = static_cast<unsigned char>(data[begin]);
    const bool capitalized = (upper & 0x80) != 0;
    uint32_t flags = 0;
    bool acronym = false;
    if (n <= 8) {
      const uint64_t bytes = ~0ull >> (8 * (8 - n));
      // Numbers ("2005") are in no lexicon.
      if (first > '9') flags = words_.FindShort((head | (upper >> 2)) & bytes, n);
      acronym = capitalized && n >= 2 && (upper & bytes) == (kHigh & bytes);
    } else {
      const std::string_view word(data + begin, n);
      if (first > '9') flags = words_.FindLong(word);
      acronym = capitalized && IsAllCaps(word);
    }
    // "US", "IT", "AN": an acronym is no pronoun or grammar word.
    if (acronym) flags &= kTitle | kOrgNoun | kGroupNoun | kHonorific;
    QuoteToken& t = out_.tokens.emplace_back();
    t.span = {begin, token_end};
    t.kind = QuoteToken::Kind::kWord;
    t.capitalized = capitalized;
    // "-ed", decided without branches: they would go either way at random
    // from word to word. The last two bytes are loaded as one (little-endian:
    // 'e', then 'd'); only a word of four bytes or more counts.
    uint16_t last_two = 0;
    if (end >= 2) std::memcpy(&last_two, data + end - 2, 2);
    t.past_form = !capitalized & (n > 3) & (last_two == ('e' | 'd' << 8));
    t.flags = flags;
    t.paragraph = paragraph;
    *unit_flags |= flags;
    if (capitalized) out_.capitalized.push_back(out_.tokens.size() - 1);
    return token_end;
#endif
  }

  // Takes the word of `text` that starts at `pos` with the character
  // `first`, within the paragraph ending at `limit`; returns where it ends
  // and adds its flags to `*unit_flags`. Words TakePlainWord() leaves are
  // read here character by character where they may go on. The token is
  // stored once, at the end, from values kept in registers.
  std::size_t TakeWord(const std::string_view text, std::size_t pos, char32_t first,
                       std::size_t limit, uint32_t paragraph, uint32_t* unit_flags) {
    const std::size_t begin = pos;
    bool hyphenated = false;
    while (pos < limit) {
      unsigned char byte;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      // Eight bytes at a time over ASCII letters and digits; the first byte
      // that is none is then at hand without another load.
      if (limit - pos >= 8) {
        uint64_t chunk;
        std::memcpy(&chunk, text.data() + pos, 8);
        const int n = AsciiWordBytes(chunk);
        pos += n;
        if (n == 8) continue;
        byte = static_cast<unsigned char>(chunk >> (8 * n));
      } else
#endif
      {
        byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80 && kAsciiWordChar[byte]) {  // most of news
          ++pos;
          continue;
        }
      }
      if (byte == ' ') break;
      const DecodedChar d = DecodeUtf8(text, pos);
      if (IsWordChar(d.code_point)) {
        pos += d.length;
        continue;
      }
      const char32_t next = At(text, pos + d.length, limit);
      const char32_t c = d.code_point;
      // Joiners inside a word: don't, O'Brien, Marie-Pierre, 1.8bn, U.S, 40,000.
      const bool joins = IsWordChar(next) &&
                         (IsApostrophe(c) || c == '-' || c == '.' || c == '&' ||
                          (c == ',' && pos > begin && text[pos - 1] >= '0' &&
                           text[pos - 1] <= '9' && next >= '0' && next <= '9'));
      if (!joins) break;
      hyphenated |= c == '-';
      pos += d.length;
    }
    const std::string_view word(text.data() + begin, pos - begin);
    const char last = word.back();
    bool possessive = false;
    if (pos < limit && text[pos] == '.' &&
        IsAbbreviation(std::string_view(text.data() + begin, pos + 1 - begin),
                       text.data() + text.size())) {
      ++pos;  // "Mr.", "Nov.": the full stop belongs to the word
    } else if ((last == 's' || last == 'S') && pos < limit &&
               IsApostrophe(At(text, pos, limit))) {
      const std::size_t after = pos + DecodeUtf8(text, pos).length;
      if (!IsWordChar(At(text, after, limit))) {  // the Joneses', US'
        pos = after;
        possessive = true;
      }
    }
    std::string_view lookup = word;
    if (last != 's') {
      // Most words: no "'s" to take off.
    } else if (word.size() > 2 && word[word.size() - 2] == '\'') {
      lookup.remove_suffix(2);
      possessive = true;
    } else if (word.size() > 4 && EndsWith(word, "\xE2\x80\x99s")) {
      lookup.remove_suffix(4);
      possessive = true;
    }
    // Numbers ("1,440", "2005") are in no lexicon.
    uint32_t flags = (first >= '0' && first <= '9')
                         ? 0
                         : words_.Find(lookup, text.data() + text.size());
    // "US", "IT", "AN": an acronym is no pronoun or grammar word.
    if (first >= 'A' && first <= 'Z' && word.size() >= 2 && IsAllCaps(word)) {
      flags &= kTitle | kOrgNoun | kGroupNoun | kHonorific;
    }
    // "vice-director", "editor-in-chief": a role after a hyphen is a title;
    // so is one before "-of-": "mother-of-nine".
    if (flags == 0 && hyphenated) {
      const std::size_t hyphen = lookup.rfind('-');
      if (hyphen != std::string_view::npos && hyphen + 1 < lookup.size()) {
        flags = WordFlags(lookup.substr(hyphen + 1)) & kTitle;
      }
      const std::size_t of = lookup.find("-of-");
      if (flags == 0 && of != std::string_view::npos) {
        flags = WordFlags(lookup.substr(0, of)) & kTitle;
      }
    }
    const bool capitalized = first < 0x80 ? (first >= 'A' && first <= 'Z')
                                          : u_isupper(static_cast<UChar32>(first));
    QuoteToken& t = out_.tokens.emplace_back();  // built in place
    t.span = {begin, pos};
    t.kind = QuoteToken::Kind::kWord;
    t.capitalized = capitalized;
    t.possessive = possessive;
    t.past_form = !capitalized && word.size() > 3 && last == 'd' && word[word.size() - 2] == 'e';
    t.flags = flags;
    t.paragraph = paragraph;
    *unit_flags |= flags;
    if (capitalized) out_.capitalized.push_back(out_.tokens.size() - 1);
    return pos;
  }

  void EndUnit(uint32_t* unit_flags, bool* unit_has_quote) {
    if (out_.tokens.size() > unit_begin_) {
      out_.units.push_back({unit_begin_, out_.tokens.size(), *unit_flags, *unit_has_quote});
      unit_begin_ = out_.tokens.size();
      *unit_flags = 0;
      *unit_has_quote = false;
    }
  }

  std::string_view text_;
  const std::vector<ByteSpan>& paragraphs_;
  const std::vector<QuotedStretch>& stretches_;
  const std::vector<Sentence>& sentences_;
  const WordTable& words_;
  std::size_t unit_begin_ = 0;
  QuoteTokens out_;
};

}  // namespace

QuoteTokens TokenizeForQuotes(std::string_view text, const std::vector<ByteSpan>& paragraphs,
                              const std::vector<QuotedStretch>& stretches,
                              const std::vector<Sentence>& sentences) {
  return Tokenizer(text, paragraphs, stretches, sentences).Run();
}

}  // namespace copydesk::internal
