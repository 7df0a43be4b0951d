// The words quote attribution reads: cue verbs, titles, speaker nouns and
// pronouns from the built-in lexicons under cpp/data/, and the grammar words
// the patterns step over, as one table of flags per lower-case word.

#ifndef COPYDESK_INTERNAL_QUOTE_LEXICON_H_
#define COPYDESK_INTERNAL_QUOTE_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace copydesk::internal {

enum WordFlag : uint32_t {
  kCue = 1u << 0,             // quote_cue_verbs.txt (single words)
  kObjectCue = 1u << 1,       // quote_object_cue_verbs.txt: "described it as"
  kDocumentCue = 1u << 2,     // quote_document_cue_verbs.txt
  kParticipleCue = 1u << 3,   // quote_participle_cues.txt
  kReportingNoun = 1u << 4,   // quote_reporting_nouns.txt
  kTitle = 1u << 5,           // speaker_titles.txt
  kGroupNoun = 1u << 6,       // speaker_group_nouns.txt
  kOrgNoun = 1u << 7,         // speaker_org_nouns.txt
  kHonorific = 1u << 8,       // speaker_honorifics.txt
  kMale = 1u << 9,            // an honorific or pronoun of a man
  kFemale = 1u << 10,         // an honorific or pronoun of a woman
  kPronoun = 1u << 11,        // speaker_pronouns.txt
  kThingPronoun = 1u << 12,   // "it"
  kPluralPronoun = 1u << 13,  // "they"
  kPhraseStart = 1u << 14,    // first word of a multi-word cue ("point out")
  // Grammar words, fixed in quote_lexicon.cc.
  kDeterminer = 1u << 15,     // the, a, its, some
  kPreposition = 1u << 16,    // of, in, at, by
  kAuxiliary = 1u << 17,      // has, was, will, could
  kPassiveAux = 1u << 18,     // was, were, been: "were warned"
  kSkippable = 1u << 19,      // adverbs between subject and cue: also, later
  kClauseWord = 1u << 20,     // that, which, who, because: no subject past them
  kConjunction = 1u << 21,    // and, but, or
  kNegation = 1u << 22,       // not, never
  kRefusal = 1u << 23,        // refused, declined: "but refused to comment"
  kTellVerb = 1u << 24,       // cues with a listener before the clause: told
  kObjectPronoun = 1u << 25,  // him, them, reporters
  kWeakCue = 1u << 26,        // quote_weak_cue_verbs.txt: needs "that" or marks
  kFirstName = 1u << 27,      // speaker_first_names.txt, with kMale or kFemale
  kFiniteVerb = 1u << 28,     // took, held, wants: a clause's verb without -ed
  kTimeWord = 1u << 29,       // Monday, week, night, March: "said on Monday night"
  kNameParticle = 1u << 30,   // de, van, bin: lower case inside a name ("Pieter de Wal")
  kFamilyNoun = 1u << 31,     // speaker_description_families.txt: "firm", "paper"
};

// 0x80 in each byte of the eight in `v` that lies in [lo, hi] (1 <= lo,
// hi <= 126), 0 in the others: per-byte range tests on the whole word (no
// borrow crosses a byte since every byte is masked to 7 bits; a byte with its
// high bit set is never in range).
inline uint64_t BytesBetween(uint64_t v, uint64_t lo, uint64_t hi) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  const uint64_t low7 = v & (kOnes * 0x7F);
  return (kOnes * (127 + hi + 1) - low7) & ~v & (low7 + kOnes * (127 - (lo - 1))) &
         (kOnes * 0x80);
}

// Eight bytes in ASCII lower case: 0x20 added to each of 'A' to 'Z'.
inline uint64_t LowerAscii8(uint64_t v) { return v | (BytesBetween(v, 'A', 'Z') >> 2); }

// The first `n` (1 to 8) bytes at `p` as a little-endian load gives them,
// the rest zero. `readable_end` bounds what may be read: with eight bytes
// readable one load and a mask do it, else byte by byte; both give the same.
inline uint64_t LoadWordBytes(const char* p, std::size_t n, const char* readable_end) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (readable_end - p >= 8) {
    uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    return chunk & (~0ull >> (8 * (8 - n)));
  }
#else
  (void)readable_end;
#endif
  uint64_t chunk = 0;
  for (std::size_t k = 0; k < n; ++k) {
    chunk |= static_cast<uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
  }
  return chunk;
}

// The flags of every listed word, compared in ASCII lower case. Every word
// of every story is looked up, so the lookup is inline and a word of up to
// eight bytes (most words) is one load, one multiply and one compare: its
// lower-case bytes are its key. A longer word is keyed from two loads.
class WordTable {
 public:
  // The table of the built-in lexicons and grammar words.
  static const WordTable& Get();
  // A table of `words` (lower case, each with flags != 0).
  explicit WordTable(const std::vector<std::pair<std::string, uint32_t>>& words);

  // Flags of `word`, 0 for an unknown word. Bytes of the buffer holding
  // `word` may be read up to `readable_end` (>= the word's end).
  uint32_t Find(std::string_view word, const char* readable_end) const {
    const std::size_t n = word.size();
    if (n - 1 >= kMaxWord) return 0;  // empty, or longer than any listed word
    if (n <= 8) return FindShort(LowerAscii8(LoadWordBytes(word.data(), n, readable_end)), n);
    return FindLong(word);
  }

  // Flags of the word of `n` (1 to 8) bytes whose lower-case bytes, as a
  // little-endian load gives them, are `key` (the rest zero).
  uint32_t FindShort(uint64_t key, std::size_t n) const {
    return Probe(key, n, nullptr);
  }

  // Flags of `word`, of more than eight bytes (its own bytes only are read).
  uint32_t FindLong(std::string_view word) const {
    if (word.size() > kMaxWord) return 0;
    return Probe(LongKey(word.data(), word.size()), word.size(), word.data());
  }

  // Longest word listed; longer words are in no lexicon.
  static constexpr std::size_t kMaxWord = 32;

 private:
  // The flags of the word of `n` bytes keyed `key`; the bytes at `data` are
  // compared only for a word longer than eight bytes.
  uint32_t Probe(uint64_t key, std::size_t n, const char* data) const {
    const uint64_t hash = Hash(key, n);
    const uint8_t tag = Tag(hash);
    for (std::size_t i = Home(hash);; i = (i + 1) & mask_) {
      // The tags, a byte a slot, stay in the first-level cache: most words
      // of a story are in no lexicon and are turned away there.
      if (tags_[i] == 0) return 0;
      if (tags_[i] != tag) continue;
      const Slot& slot = slots_[i];
      if (slot.key == key && slot.size == n &&
          (n <= 8 || MatchesLong(std::string_view(data, n), slot.long_word))) {
        return slot.flags;
      }
    }
  }

  struct Slot {
    uint64_t key = 0;    // the lower-case bytes of a short word, a hash of a long one
    uint32_t flags = 0;
    uint16_t size = 0;
    uint16_t long_word = 0;  // index of a long word in long_words_
  };
  static uint64_t Hash(uint64_t key, std::size_t n) { return (key ^ n) * 0x9E3779B97F4A7C15ull; }
  // The slot a hash probes first: its top bits.
  std::size_t Home(uint64_t hash) const { return static_cast<std::size_t>(hash >> shift_); }
  // Bits 24 to 30 of the hash, below the slot's (a table holds far fewer
  // than 2^33 slots), with the top bit set: never 0, which marks an empty
  // slot. A fixed shift: nothing read from the table to compute it.
  static uint8_t Tag(uint64_t hash) { return static_cast<uint8_t>((hash >> 24) | 0x80); }
  // A hash of the lower-case bytes of a word of `n` > 8 bytes at `p`: of
  // its first eight and its last eight, two loads inside the word. Longer
  // words that share both are told apart by MatchesLong().
  static uint64_t LongKey(const char* p, std::size_t n) {
    return (LoadLower8(p) * 0xFF51AFD7ED558CCDull) ^ LoadLower8(p + n - 8);
  }
  // Whether `word` (more than eight bytes) equals long_words_[long_word]
  // (of the same size), ignoring ASCII case. Out of line: called only
  // when the key matches too.
  bool MatchesLong(std::string_view word, uint16_t long_word) const;
  static uint64_t Load8(const char* p) { return LoadWordBytes(p, 8, p + 8); }
  static uint64_t LoadLower8(const char* p) { return LowerAscii8(Load8(p)); }

  std::vector<uint8_t> tags_;  // Tag() of the word in each slot, 0 when empty
  std::vector<Slot> slots_;
  std::vector<std::string> long_words_;  // the words longer than eight bytes
  std::size_t mask_ = 0;
  int shift_ = 64;
};

// Flags of `word`, compared in ASCII lower case; 0 for an unknown word.
inline uint32_t WordFlags(std::string_view word) {
  return WordTable::Get().Find(word, word.data() + word.size());
}

// True when `first` `second` is a multi-word cue ("pointed out",
// "according to"); both compared in ASCII lower case.
bool IsCuePhrase(std::string_view first, std::string_view second);

// True when `word` equals `lower` (all lower case) in ASCII lower case.
// Inline: the attribution rules call it for every word they test.
inline bool EqualsIgnoringAsciiCase(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// True when `s` ends with `tail`. Inline: the rules test endings given as
// literals ("ing", "n't"), which are then compared without a call.
inline bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() &&
         std::memcmp(s.data() + s.size() - tail.size(), tail.data(), tail.size()) == 0;
}

// True when `w` ends like an English plural or a verb's -s form ("figures",
// "unions", "expects"), not in -ss ("press") and longer than "bus".
inline bool EndsInPluralS(std::string_view w) {
  return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's';
}

// True when `word` equals one of `list` (all lower case) in ASCII lower case.
template <std::size_t N>
bool InWordList(std::string_view word, const std::string_view (&list)[N]) {
  for (std::string_view w : list) {
    if (EqualsIgnoringAsciiCase(word, w)) return true;
  }
  return false;
}

// True when `word` (compared in ASCII lower case) is a cue form that doubles
// as a noun: "claim", "reports", "warning", "comments". Bytes of the buffer
// holding it may be read up to `readable_end` (>= the word's end).
bool IsNounLikeCue(std::string_view word, const char* readable_end);

// True when `word` (with its final full stop) is an abbreviation that does
// not end a sentence: "Mr.", "Nov.", "U.S.", an initial "J.". Bytes of the
// buffer holding it may be read up to `readable_end` (>= the word's end).
bool IsAbbreviation(std::string_view word_with_period, const char* readable_end);

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_QUOTE_LEXICON_H_
