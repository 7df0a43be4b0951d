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

class SpeakerBook {
 public:
  // Reads every name in `tokens` (the whole article).
  SpeakerBook(std::string_view text, const std::vector<QuoteToken>& tokens);

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
    std::string full;  // "Antony Blinken"
    std::size_t words = 0;
    bool person = false;  // seen after an honorific or a title
    bool inside_sentence = false;  // capitalised where no sentence opens
    bool has_role = false;         // introduced with a title: "Tory co-chairman Liam Fox"
  };

  std::string_view WordText(std::size_t i) const;
  bool JoinsName(std::size_t k, std::size_t begin, std::size_t end) const;
  bool ParticleInName(std::size_t k) const;
  bool StartsName(std::size_t k) const;
  bool IsPlaceBased(std::size_t k) const;
  void AddRun(std::size_t begin, std::size_t end);
  void AddCompound(std::size_t begin, std::size_t end);
  // The fullest name the story gives a bare description "the <head>" (lower
  // case): the latest before token `before`, else the only one; else empty.
  std::string CompoundName(std::string_view head, std::size_t before) const;
  // Index into names_ of the fullest name ending (or else starting) with
  // `words`, or -1.
  int Fullest(const std::vector<std::string_view>& words) const;

  std::string_view text_;
  const std::vector<QuoteToken>& tokens_;
  std::vector<Name> names_;
  std::vector<std::string_view> run_words_;  // AddRun's buffer, reused for every run
  absl::flat_hash_map<std::string_view, int> by_last_word_;
  absl::flat_hash_map<std::string_view, int> by_first_word_;
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
