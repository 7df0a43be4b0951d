// The speakers of one article: every name it gives (with titles and
// honorifics stripped), so that a mention ("Blinken", "Mr Brown", "the
// chancellor", "the Ministry") resolves to the fullest form the article
// gives, and what kind of speaker a mention names (for pronouns).

#ifndef COPYDESK_INTERNAL_SPEAKER_BOOK_H_
#define COPYDESK_INTERNAL_SPEAKER_BOOK_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "internal/quote_lexicon.h"
#include "internal/quote_tokens.h"

namespace copydesk::internal {

enum class SpeakerKind : uint8_t {
  kPerson,   // "he", "she"
  kThing,    // an organisation or document: "it"
  kGroup,    // "they"
  kUnknown,  // a bare name that may be a person or a company
};

enum class Gender : uint8_t { kUnknown, kMale, kFemale };

struct SpeakerInfo {
  std::string name;  // canonical
  SpeakerKind kind = SpeakerKind::kUnknown;
  Gender gender = Gender::kUnknown;
  // A description like "the company" or "the paper" that stands for an
  // organisation named before it: its family in
  // speaker_description_families.txt, for SpeakerBook::FitsFamily(); else -1.
  int8_t family = -1;
  // "the prime minister", no one introduced so: stands for the latest
  // person in view whom the story gave no other role (SpeakerBook::HasRole).
  bool stands_for_person = false;
  // "the spokesman": stands for the latest speaker whose name has this
  // (lower-case, static) head word first or last; else null.
  const char* same_head = nullptr;
};

// Names by one of their words: a table of views into the article, hashed
// in place and never copied (a story names dozens of people and bodies, and
// the book is built for every story). Every word stored is a view into the
// text that ends at `readable_end`.
class NameIndex {
 public:
  NameIndex(std::size_t expected, const char* readable_end);
  // The name stored under `word` (any string), or -1.
  int Find(std::string_view word) const;
  // The name stored under `word`, a view into the article; a new word gets
  // -1, to be set.
  int& operator[](std::string_view word);

 private:
  struct Slot {
    uint64_t hash = 0;
    const char* word = nullptr;  // null in an unused slot
    std::size_t size = 0;
    int name = -1;
  };
  // A hash of `word`, whose buffer may be read up to `readable_end`.
  static uint64_t Hash(std::string_view word, const char* readable_end);
  void Grow();

  const char* readable_end_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

class SpeakerBook {
 public:
  // Reads every name in `tokens` (the whole article).
  SpeakerBook(std::string_view text, const QuoteTokens& tokens);

  // The canonical name and kind of the mention tokens [begin, end), which
  // is not a pronoun.
  SpeakerInfo Describe(std::size_t begin, std::size_t end) const;

  // Whether `name`, a canonical name the story gave earlier (`quoted`: as
  // a speaker), can be what a description of `family` stands for: "Vestey
  // Group" for "the firm", "Absa" (quoted) for "the group", "Phytopharm"
  // after "pharmaceutical firm Phytopharm"; not "Financial Services
  // Authority".
  bool FitsFamily(const std::string& name, int family, bool quoted) const;

  // Whether the story introduced the person `name` with a title.
  bool HasRole(const std::string& name) const;

  // Records that pronouns of `gender` were resolved to `name`.
  void LearnGender(const std::string& name, Gender gender);
  Gender GenderOf(const std::string& name) const;

 private:
  struct Name {
    std::size_t offset = 0;  // of the full name ("Antony Blinken") in pool_
    std::size_t size = 0;
    std::size_t words = 0;
    bool person = false;  // seen after an honorific or a title
    bool inside_sentence = false;  // capitalised where no sentence opens
    bool has_role = false;         // introduced with a title: "Tory co-chairman Liam Fox"
  };

  // The words of a name or mention; most have a few, kept on the stack.
  using Words = absl::InlinedVector<std::string_view, 8>;

  std::string_view Full(int name) const {
    return std::string_view(pool_.data() + names_[name].offset, names_[name].size);
  }
  // Token `i`'s text (its span lies in the text: no bounds to check).
  std::string_view Text(std::size_t i) const {
    return std::string_view(text_.data() + tokens_[i].span.begin, tokens_[i].span.size());
  }
  // Token `i` without a possessive ending ("Brown's", "Joneses'").
  std::string_view WordText(std::size_t i) const {
    const std::string_view w = Text(i);
    // Most words end in neither 's' nor an apostrophe's last byte: no call.
    if (w.empty() || (w.back() != 's' && w.back() != '\'' && w.back() != '\x99')) return w;
    return WithoutPossessive(w);
  }
  // `w`, which ends in 's', an apostrophe or a byte of one, without the ending.
  static std::string_view WithoutPossessive(std::string_view w);
  // Whether token `i` is `lower` (all lower case), ignoring ASCII case.
  bool TokenIs(std::size_t i, std::string_view lower) const {
    return EqualsIgnoringAsciiCase(Text(i), lower);
  }
  bool JoinsName(std::size_t k, std::size_t begin, std::size_t end) const;
  bool ParticleInName(std::size_t k) const;
  bool StartsName(std::size_t k) const;
  bool PluralPossessiveInName(std::size_t k) const;
  // "Ireland-based", "London-based": where a body sits, not its name.
  bool IsPlaceBased(std::size_t k) const {
    const ByteSpan span = tokens_[k].span;
    // Most words are shorter or end otherwise: one byte decides, inline.
    if (span.size() < 7 || text_[span.end - 1] != 'd') return false;
    return tokens_[k].kind == QuoteToken::Kind::kWord &&
           Text(k).substr(span.size() - 6) == "-based";
  }
  void AddRun(std::size_t begin, std::size_t end);
  void AddCompound(std::size_t begin, std::size_t end);
  // The fullest name the story gives a bare description "the <head>" (lower
  // case): the latest before token `before`, else the only one; else empty.
  std::string CompoundName(std::string_view head, std::size_t before) const;
  // Index into names_ of the fullest name ending (or else starting) with
  // `words`, or -1.
  int Fullest(const Words& words) const;

  std::string_view text_;
  const std::vector<QuoteToken>& tokens_;
  std::vector<Name> names_;
  // The full names, one after another: one allocation, not one each (a
  // vector: its appends are inline, a string's are calls into the library).
  std::vector<char> pool_;
  NameIndex by_last_word_;
  NameIndex by_first_word_;
  absl::flat_hash_map<std::string, int> by_role_;  // "chancellor" -> Gordon Brown
  // "US government", "Home Office spokesman", "Finance and Economy
  // Ministry": tokens [begin, end), the head last; in text order.
  struct Compound {
    uint32_t begin;
    uint32_t end;
  };
  std::string CompoundText(const Compound& c) const;
  std::vector<Compound> compounds_;
  absl::flat_hash_map<std::string, int> introduced_;  // "Phytopharm" -> family of "firm"
  absl::flat_hash_map<std::string, Gender> gender_;            // by full name
  absl::flat_hash_map<std::string, Gender> honorific_gender_;  // by surname
};

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_SPEAKER_BOOK_H_
