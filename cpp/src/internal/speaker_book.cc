#include "internal/speaker_book.h"

#include <algorithm>
#include <cstring>

#include "absl/strings/string_view.h"
#include "internal/lexicon_lines.h"
#include "internal/quote_lexicon.h"

namespace copydesk::internal {
namespace {

using Kind = QuoteToken::Kind;

// Words that open a sentence with a capital without being part of a name.
constexpr uint32_t kNotNameWord = kDeterminer | kPreposition | kConjunction | kClauseWord |
                                  kSkippable | kAuxiliary | kPronoun | kCue | kNegation;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

template <typename Words>
std::string Join(const Words& words) {
  std::size_t size = words.size();
  for (std::string_view w : words) size += w.size();
  std::string out;
  out.reserve(size);
  for (std::string_view w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// EndsWith(s, Join(words)), without building the joined string.
template <typename Words>
bool EndsWithWords(std::string_view s, const Words& words) {
  for (std::size_t i = words.size(); i-- > 0;) {
    if (!EndsWith(s, words[i])) return false;
    s.remove_suffix(words[i].size());
    if (i > 0) {
      if (s.empty() || s.back() != ' ') return false;
      s.remove_suffix(1);
    }
  }
  return true;
}

// A capitalised plural that names a party or a people ("Tories",
// "Democrats", "Conservatives") rather than a person called Jones.
// "DEC", "BBC", "F-Secure" is not: an acronym names a body, never a person.
bool IsAcronym(std::string_view word) {
  if (word.size() < 2) return false;
  for (char c : word) {
    if (!((c >= 'A' && c <= 'Z') || c == '&')) return false;
  }
  return true;
}

// The word itself, from static storage, when `lower` is "spokesman",
// "spokeswoman" or "spokesperson"; else empty.
std::string_view Spokesperson(std::string_view lower) {
  for (std::string_view word : {"spokesman", "spokeswoman", "spokesperson"}) {
    if (lower == word) return word;
  }
  return {};
}

// Word -> family (its tag, as a number) in speaker_description_families.txt.
const absl::flat_hash_map<std::string, int>& DescriptionFamilies() {
  static const auto* const families = [] {
    auto* map = new absl::flat_hash_map<std::string, int>();
    std::vector<std::string_view> tags;
    for (std::string_view entry : BuiltinLexicon("speaker_description_families")) {
      const std::size_t space = entry.find(' ');
      if (space == std::string_view::npos) continue;
      const std::string_view tag = entry.substr(space + 1);
      auto known = std::find(tags.begin(), tags.end(), tag);
      if (known == tags.end()) known = tags.insert(tags.end(), tag);
      map->emplace(std::string(entry.substr(0, space)), static_cast<int>(known - tags.begin()));
    }
    return map;
  }();
  return *families;
}

// The family of `word` in any case, or -1.
int FamilyOf(std::string_view word) {
  if (!(WordFlags(word) & kFamilyNoun)) return -1;  // one probe of the word table
  const auto& families = DescriptionFamilies();
  auto it = families.find(Lower(word));
  return it == families.end() ? -1 : it->second;
}

// "the mother", "the widow": kin of someone in the story, not the one
// named last.
bool IsRelative(std::string_view lower) {
  for (std::string_view word : {"mother", "father", "wife", "husband", "son", "daughter",
                                "brother", "sister", "widow", "widower"}) {
    if (lower == word) return true;
  }
  return false;
}

bool IsProperPlural(std::string_view word) {
  return EndsWith(word, "ies") || EndsWith(word, "ats") || EndsWith(word, "ans") ||
         EndsWith(word, "ives") || EndsWith(word, "ists") || EndsWith(word, "als");
}

}  // namespace

NameIndex::NameIndex(std::size_t expected, const char* readable_end)
    : readable_end_(readable_end) {
  std::size_t size = 16;
  while (size < expected * 2) size *= 2;
  slots_.resize(size);
  mask_ = size - 1;
}

// A word of up to eight bytes is hashed from one load; a longer one from its
// first eight bytes and its last eight, two loads inside the word (words
// that share both are told apart by the comparison of their bytes).
uint64_t NameIndex::Hash(std::string_view word, const char* readable_end) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const std::size_t n = word.size();
  const char* p = word.data();
  uint64_t h = 0;
  if (n > 8) {
    h = (LoadWordBytes(p, 8, p + 8) * kMul) ^ LoadWordBytes(p + n - 8, 8, p + n);
  } else if (n > 0) {
    h = LoadWordBytes(p, n, readable_end);
  }
  h = (h ^ n) * kMul;
  return h ^ (h >> 32);
}

// `word` may be any string (a canonical name): only its own bytes are read.
int NameIndex::Find(std::string_view word) const {
  const uint64_t hash = Hash(word, word.data() + word.size());
  for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.word == nullptr) return -1;
    if (slot.hash == hash && std::string_view(slot.word, slot.size) == word) return slot.name;
  }
}

int& NameIndex::operator[](std::string_view word) {
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  const uint64_t hash = Hash(word, readable_end_);
  std::size_t i = hash & mask_;
  for (;; i = (i + 1) & mask_) {
    Slot& slot = slots_[i];
    if (slot.word == nullptr) break;
    if (slot.hash == hash && std::string_view(slot.word, slot.size) == word) return slot.name;
  }
  Slot& slot = slots_[i];
  slot.hash = hash;
  slot.word = word.data();
  slot.size = word.size();
  ++size_;
  return slot.name;
}

// Twice the slots; at most half are ever used, so probes stay short.
void NameIndex::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  mask_ = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.word == nullptr) continue;
    std::size_t i = slot.hash & mask_;
    while (slots_[i].word != nullptr) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
}

std::string_view SpeakerBook::WithoutPossessive(std::string_view w) {
  const char last = w.back();
  if (last == 's') {
    if (w.size() >= 2 && w[w.size() - 2] == '\'') {
      w.remove_suffix(2);
    } else if (w.size() >= 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") {
      w.remove_suffix(4);
    }
  } else if (last == '\'') {
    w.remove_suffix(1);
  } else if (last == '\x99' && w.size() >= 3 && w.substr(w.size() - 3) == "\xE2\x80\x99") {
    w.remove_suffix(3);
  }
  return w;
}

SpeakerBook::SpeakerBook(std::string_view text, const QuoteTokens& tokens)
    : text_(text),
      tokens_(tokens.tokens),
      // Fewer names than capitalised words: most runs are one word ("The").
      by_last_word_(tokens.capitalized.size() / 2, text.data() + text.size()),
      by_first_word_(tokens.capitalized.size() / 4, text.data() + text.size()) {
  names_.reserve(tokens.capitalized.size());  // at most one name a run
  pool_.reserve(text_.size() / 4);  // names are a small part of a story
  // A headline capitalises words that are no names ("Ailing EuroDisney
  // vows turnaround"): skip a first paragraph without final punctuation.
  std::size_t i = 0;
  if (!tokens_.empty() && tokens_.back().paragraph > 0) {
    std::size_t first_end = 0;
    while (first_end < tokens_.size() && tokens_[first_end].paragraph == 0) ++first_end;
    if (first_end > 0 && tokens_[first_end - 1].kind == Kind::kWord) i = first_end;
  }
  // Every run of capitalised words (and particles between them) is a name.
  for (const std::size_t start : tokens.capitalized) {
    if (start < i) continue;  // inside the run before, or in the headline
    i = start;
    std::size_t end = i;
    // A run stops at a paragraph: a headline ends without punctuation.
    while (end < tokens_.size() && tokens_[end].kind == Kind::kWord &&
           (tokens_[end].capitalized ||
            ((tokens_[end].flags & kNameParticle) && ParticleInName(end))) &&
           tokens_[end].paragraph == tokens_[i].paragraph) {
      ++end;
      if (tokens_[end - 1].possessive) break;  // "France's | Pernod Ricard"
    }
    AddRun(i, end);
    // Most runs are followed by no organisation noun or title: no call.
    if (end < tokens_.size() && (tokens_[end].flags & (kOrgNoun | kTitle))) AddCompound(i, end);
    i = end;
  }
}

// "British Chambers of Commerce", "Court of Appeals for the District of
// Columbia": a connector between capitalised words is part of a name.
// "Central Commission for the Navigation of the Rhine": so is "the" after
// such a connector. Name particles join too: "Pieter de Wal".
bool SpeakerBook::JoinsName(std::size_t k, std::size_t begin, std::size_t end) const {
  if (k <= begin || k + 1 >= end) return false;
  if (ParticleInName(k)) return true;
  const bool the = TokenIs(k, "the");
  // "Labour and the Tories": two names coordinated, each with its article.
  if (the && k >= begin + 2 && tokens_[k + 1].capitalized && tokens_[k - 2].capitalized) {
    return TokenIs(k - 1, "of") || TokenIs(k - 1, "for") || TokenIs(k - 1, "and");
  }
  if (!tokens_[k - 1].capitalized) return false;
  if (!TokenIs(k, "of") && !TokenIs(k, "for") && !TokenIs(k, "and") && !the) return false;
  return tokens_[k + 1].capitalized ||
         (!the && k + 2 < end && TokenIs(k + 1, "the") &&
          tokens_[k + 2].capitalized);
}

// A lower-case particle between the parts of a personal name: "de" in
// "Pieter de Wal", both words of "van der" in "John van der Berg".
bool SpeakerBook::ParticleInName(std::size_t k) const {
  auto particle = [this](std::size_t i) {
    return tokens_[i].kind == Kind::kWord && !tokens_[i].capitalized &&
           (tokens_[i].flags & kNameParticle);
  };
  if (!particle(k) || k == 0) return false;
  std::size_t before = k - 1;
  if (particle(before) && before > 0) --before;
  std::size_t after = k + 1;
  if (after < tokens_.size() && particle(after)) ++after;
  return after < tokens_.size() && tokens_[before].kind == Kind::kWord &&
         tokens_[before].capitalized && !tokens_[before].possessive &&
         tokens_[after].kind == Kind::kWord && tokens_[after].capitalized &&
         tokens_[after].paragraph == tokens_[k].paragraph;
}

// "Supporters' Association", "Teachers' Union": a plural possessive
// followed by a capitalised word is a word of a body's name, not whose the
// name after it is ("Britain's John Smith").
bool SpeakerBook::PluralPossessiveInName(std::size_t k) const {
  const std::string_view w = Text(k);
  const bool plural = (w.size() > 2 && w.back() == '\'' && w[w.size() - 2] == 's') ||
                      (w.size() > 4 && EndsWith(w, "s\xE2\x80\x99"));
  return plural && tokens_[k].capitalized && k + 1 < tokens_.size() &&
         tokens_[k + 1].kind == Kind::kWord && tokens_[k + 1].capitalized;
}

// A first name inside a run starts the name ("the Lib Dems David Laws"),
// unless it follows another first name: "Jose Luis Astiazaran".
bool SpeakerBook::StartsName(std::size_t k) const {
  const QuoteToken& t = tokens_[k];
  return (t.flags & kFirstName) && t.capitalized && !t.possessive && k > 0 &&
         !(tokens_[k - 1].flags & kFirstName);
}


void SpeakerBook::AddRun(std::size_t begin, std::size_t end) {
  // The name follows the last title or honorific: "US Secretary of State
  // Antony Blinken" gives "Antony Blinken", "Mr Brown" gives "Brown".
  std::size_t start = begin;
  bool titled = false;
  Gender gender = Gender::kUnknown;
  // Bodies keep their titles: "Foreign Ministry", "Home Office".
  const bool body = (tokens_[end - 1].flags & kOrgNoun) != 0;
  for (std::size_t k = begin; k < end && !body; ++k) {
    const uint32_t f = tokens_[k].flags;
    if (f & (kTitle | kHonorific)) {
      start = k + 1;
      titled = true;
      gender = (f & kMale) ? Gender::kMale : (f & kFemale) ? Gender::kFemale : Gender::kUnknown;
    }
  }
  // The name proper: past the words that open a sentence ("The", "But"),
  // or from a first name ("the Lib Dems David Laws" names David Laws).
  // Decided first, since most runs are such a word alone and name nobody.
  const std::size_t titles_end = start;
  while (start < end && (((tokens_[start].flags & kNotNameWord) &&
                           !(tokens_[start].flags & kOrgNoun)) ||
                          IsPlaceBased(start))) {
    ++start;
  }
  for (std::size_t k = start + 1; k + 1 < end && !body; ++k) {
    if (StartsName(k)) {
      start = k;
      break;
    }
  }
  if (start >= end) return;
  // Lower-case titles just before the run: "economist Marie-Pierre Ripert";
  // the first may be capitalised, opening the sentence: "Shadow chancellor
  // Mark Ellison" has the role "shadow chancellor".
  std::string role;
  std::size_t role_begin = begin;
  for (std::size_t k = begin; k > 0;) {
    --k;
    const QuoteToken& t = tokens_[k];
    if (t.kind != Kind::kWord || !(t.flags & kTitle) || (t.capitalized && role.empty())) break;
    role = Lower(WordText(k)) + (role.empty() ? "" : " ") + role;
    role_begin = k;
    titled = true;
    if (t.capitalized) break;
  }
  // "Tory co-chairman Liam Fox" is also "the Tory co-chairman"; not "the
  // Labour spokesman" when "Lib Dem spokesman Mark Oaten" is.
  std::string party_role;
  if (!role.empty() && !tokens_[role_begin].capitalized) {
    std::size_t m = role_begin;
    while (m > 0 && m + 3 > role_begin && tokens_[m - 1].kind == Kind::kWord &&
           tokens_[m - 1].capitalized && !tokens_[m - 1].possessive &&
           !(tokens_[m - 1].flags & (kTitle | kNotNameWord))) {
      --m;
    }
    for (std::size_t k = m; k < role_begin; ++k) party_role += Lower(WordText(k)) + " ";
    if (!party_role.empty()) party_role += role;
  }
  // Titled by a word of the run or just before it ("Dr Frasca", "husband
  // Ozzy"), not by an apposition, which may be a body's: "senior vice
  // president, Microsoft home and entertainment division".
  const bool titled_here = titled;
  // "The firm's chief financial officer, Arno Antlitz,": a name in
  // apposition to a role; the role may name the person later.
  auto is_comma = [this](std::size_t k) {
    return k < tokens_.size() && tokens_[k].kind == Kind::kPunct &&
           Text(k) == ",";
  };
  if (role.empty() && begin >= 2 && is_comma(begin - 1)) {
    for (std::size_t k = begin - 1; k > 0;) {
      --k;
      const QuoteToken& t = tokens_[k];
      if (t.kind != Kind::kWord || t.capitalized || !(t.flags & kTitle)) break;
      role = Lower(WordText(k)) + (role.empty() ? "" : " ") + role;
      titled = true;
    }
  }
  // "Arno Antlitz, the firm's finance chief,": a role right after the name.
  bool role_after = false;
  if (!titled && is_comma(end)) {
    for (std::size_t k = end + 1; k < tokens_.size() && k <= end + 6; ++k) {
      const QuoteToken& t = tokens_[k];
      if (t.kind != Kind::kWord || t.past_form ||
          (t.flags & (kClauseWord | kAuxiliary | kFiniteVerb | kCue | kPreposition))) {
        break;  // ", who took best actress": a clause, not a role
      }
      if (!t.capitalized && (t.flags & kTitle)) {
        titled = true;
        role_after = true;
        // "Gordon Brown, the chancellor, said": the role names him later.
        std::size_t r = k;
        std::string after;
        while (r < tokens_.size() && tokens_[r].kind == Kind::kWord &&
               !tokens_[r].capitalized && (tokens_[r].flags & kTitle)) {
          after += (after.empty() ? "" : " ") + Lower(WordText(r));
          ++r;
        }
        if (role.empty() && k == end + 2 && EqualsIgnoringAsciiCase(WordText(end + 1), "the") &&
            (r == tokens_.size() || tokens_[r].kind != Kind::kWord)) {
          role = std::move(after);
        }
        break;
      }
    }
  }
  for (std::size_t k = begin; k < titles_end; ++k) {
    if (tokens_[k].flags & kTitle) role += (role.empty() ? "" : " ") + Lower(WordText(k));
  }
  // The words of the name are tokens [start, end): read in place, not
  // gathered (a story has dozens of names).
  const std::size_t word_count = end - start;
  const std::string_view last_word = WordText(end - 1);
  const int index = static_cast<int>(names_.size());
  Name& name = names_.emplace_back();
  name.offset = pool_.size();
  for (std::size_t k = start; k < end; ++k) {
    const std::string_view w = k + 1 == end ? last_word : WordText(k);
    if (pool_.size() > name.offset) pool_.push_back(' ');
    pool_.insert(pool_.end(), w.begin(), w.end());
  }
  name.size = pool_.size() - name.offset;
  name.words = word_count;
  name.person = titled;
  if (gender != Gender::kUnknown) honorific_gender_[std::string(last_word)] = gender;
  // Each index keeps the longest name under its word. The surname's slot
  // is found once: whether the name kept there was a person's, then the
  // longest kept.
  int& by_last = by_last_word_[last_word];
  const bool person_seen = by_last >= 0 && names_[by_last].person;
  if (by_last < 0 || names_[by_last].words < word_count) by_last = index;
  const int kept = by_last;
  if (word_count > 1) {
    int& by_first = by_first_word_[WordText(start)];
    if (by_first < 0 || names_[by_first].words < word_count) by_first = index;
  }
  // "Gonzalo Frasca ... Dr Frasca": a title anywhere makes the fullest name
  // with that surname a person's; "husband Ozzy" the name it opens.
  if (titled_here || person_seen) names_[kept].person = true;
  if (titled_here && word_count == 1) {
    const int opened = by_first_word_.Find(last_word);
    if (opened >= 0) names_[opened].person = true;
  }
  // "Finance and Economy Ministry" for "the ministry" (not "Committee"
  // alone): the name takes the capitalised words joined before the run.
  if (body) {
    std::size_t from = start;
    while (from >= 2 && from + 8 > start && tokens_[from - 1].kind == Kind::kWord &&
           !tokens_[from - 1].capitalized && tokens_[from - 2].kind == Kind::kWord &&
           tokens_[from - 2].capitalized && !tokens_[from - 2].possessive &&
           !(tokens_[from - 2].flags & kNotNameWord)) {
      const std::string_view joiner = Text(from - 1);
      if (joiner != "and" && joiner != "of" && joiner != "for") break;
      from -= 2;
      while (from > 0 && tokens_[from - 1].kind == Kind::kWord && tokens_[from - 1].capitalized &&
             !tokens_[from - 1].possessive && !(tokens_[from - 1].flags & kNotNameWord)) {
        --from;
      }
    }
    // Text order, for CompoundName()'s search.
    if (!compounds_.empty() && from < compounds_.back().begin) from = start;
    if (from < start || word_count > 1) {
      compounds_.push_back({static_cast<uint32_t>(from), static_cast<uint32_t>(end)});
    }
  }
  // "Irish publishing group Independent News & Media": what "the group"
  // may stand for; a name capitalised inside a sentence is no "Shares" or
  // "This" that opens one.
  if (begin > 0 && tokens_[begin - 1].paragraph == tokens_[begin].paragraph) {
    const QuoteToken& before = tokens_[begin - 1];
    if (before.kind == Kind::kWord && !before.capitalized && (before.flags & kFamilyNoun)) {
      const int family = FamilyOf(Text(begin - 1));
      if (family >= 0) introduced_.emplace(std::string(Full(index)), family);
    }
    if (before.kind != Kind::kQuote && !before.ends_sentence) {
      names_[index].inside_sentence = true;
    }
  }
  // "The Halifax said": a capitalised word after an opening "The" is a
  // name too, not a common word that opens a sentence.
  if (end - begin >= 2 && EqualsIgnoringAsciiCase(WordText(begin), "the")) {
    names_[index].inside_sentence = true;
  }
  // What FitsFamily() asks, on the entry by_last_word_ keeps for the name.
  if (kept != index && Full(kept) == Full(index)) {
    names_[kept].inside_sentence |= names_[index].inside_sentence;
  }
  if ((!role.empty() && titled) || role_after) {
    names_[index].has_role = true;
    if (kept != index && Full(kept) == Full(index)) names_[kept].has_role = true;
  }
  if (!role.empty() && titled) {
    by_role_.emplace(role, index);
    if (!party_role.empty()) by_role_.emplace(party_role, index);
    // "finance minister" is also "the minister"; a "shadow chancellor" or a
    // "deputy leader" is not "the chancellor" or "the leader".
    const std::size_t space = role.rfind(' ');
    const std::string_view first(role.data(), role.find(' '));
    const bool other_office = first == "shadow" || first == "deputy" || first == "vice" ||
                              first == "former" || first == "assistant" || first == "acting";
    if (space != std::string::npos && !other_office) {
      by_role_.emplace(role.substr(space + 1), index);
    }
  }
}

// "the US government", "a Home Office spokesman": a name before a
// lower-case organisation noun or "spokesman" gives what "the government" or
// "the spokesman" stands for. Not "UK bank Barclays" (the name follows), nor
// "a Labour government" (no government in particular).
void SpeakerBook::AddCompound(std::size_t begin, std::size_t end) {
  if (end >= tokens_.size() || begin == 0) return;
  const QuoteToken& head = tokens_[end];
  if (head.kind != Kind::kWord || head.capitalized || head.possessive ||
      !(head.flags & (kOrgNoun | kTitle)) || tokens_[end - 1].possessive ||
      head.paragraph != tokens_[begin].paragraph) {
    return;
  }
  const bool spokesperson = !Spokesperson(WordText(end)).empty();
  // "the UK firm" is a description, resolved as "the firm" is.
  if ((!(head.flags & kOrgNoun) && !spokesperson) || (head.flags & kFamilyNoun)) return;
  if (end + 1 < tokens_.size() && tokens_[end + 1].kind == Kind::kWord &&
      tokens_[end + 1].capitalized) {
    return;
  }
  // The article: before the run, or opening it ("The US government").
  std::size_t article = begin - 1;
  if (tokens_[begin].flags & kDeterminer) article = begin++;
  if (begin >= end || tokens_[article].kind != Kind::kWord) return;
  const std::string_view det = Text(article);
  if (!EqualsIgnoringAsciiCase(det, "the") &&
      !(spokesperson && (EqualsIgnoringAsciiCase(det, "a") || EqualsIgnoringAsciiCase(det, "an")))) {
    return;
  }
  if (!compounds_.empty() && begin < compounds_.back().begin) return;
  compounds_.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end + 1)});
}

std::string SpeakerBook::CompoundText(const Compound& c) const {
  std::vector<std::string_view> words;
  for (std::size_t k = c.begin; k < c.end; ++k) words.push_back(WordText(k));
  return Join(words);
}

std::string SpeakerBook::CompoundName(std::string_view head, std::size_t before) const {
  // Compounds are few and descriptions rarer: a bounded walk from `before`.
  constexpr std::ptrdiff_t kReach = 64;
  auto at = std::lower_bound(compounds_.begin(), compounds_.end(), before,
                             [](const Compound& c, std::size_t pos) { return c.begin < pos; });
  auto head_is = [&](const Compound& c) {
    return EqualsIgnoringAsciiCase(WordText(c.end - 1), head);
  };
  for (auto k = at; k != compounds_.begin() && at - k < kReach;) {
    --k;
    if (head_is(*k)) return CompoundText(*k);
  }
  std::string only;
  for (auto k = at; k != compounds_.end() && k - at < kReach; ++k) {
    if (!head_is(*k)) continue;
    std::string name = CompoundText(*k);
    if (only.empty()) {
      only = std::move(name);
    } else if (name != only) {
      return {};
    }
  }
  return only;
}

bool SpeakerBook::HasRole(const std::string& name) const {
  const int kept = by_last_word_.Find(std::string_view(name).substr(name.rfind(' ') + 1));
  return kept >= 0 && Full(kept) == name && names_[kept].has_role;
}

bool SpeakerBook::FitsFamily(const std::string& name, int family, bool quoted) const {
  if (name.empty() || !(name[0] >= 'A' && name[0] <= 'Z')) return false;
  const std::size_t space = name.rfind(' ');
  const std::string last = Lower(std::string_view(name).substr(space + 1));
  const int own = FamilyOf(last);
  if (own >= 0) return own == family;
  // "Financial Services Authority", "Capital Economics statement".
  if ((WordFlags(last) & kOrgNoun) || !(name[space + 1] >= 'A' && name[space + 1] <= 'Z')) {
    return false;
  }
  auto introduced = introduced_.find(name);
  if (introduced != introduced_.end()) return introduced->second == family;
  // Else only a name quoted before, which may be a company but not a paper
  // ("the paper" is no "IMF"), and a name, not a capitalised common word
  // that opens a sentence ("Shares", "Revenues").
  if (!quoted || family != FamilyOf("company")) return false;
  if (space != std::string::npos || IsAcronym(name)) return true;
  const int kept = by_last_word_.Find(name);
  return kept >= 0 && Full(kept) == name && names_[kept].inside_sentence;
}

int SpeakerBook::Fullest(const Words& words) const {
  if (words.empty()) return -1;
  int found = -1;
  const int last = by_last_word_.Find(words.back());
  if (last >= 0 && names_[last].words >= words.size() &&
      EndsWithWords(Full(last), words)) {  // a name ending with all of `words`
    found = last;
    if (names_[found].words > words.size()) return found;
  }
  if (words.size() == 1) {  // "Park" for "Park Jin", "Pernod" for "Pernod Ricard"
    const int first = by_first_word_.Find(words.front());
    // Not "Nintendo" for "Nintendo DS": a model or acronym is no surname.
    if (first >= 0 && names_[first].words == 2 &&
        !IsAcronym(Full(first).substr(words.front().size() + 1))) {
      return first;
    }
  }
  return found;
}

SpeakerInfo SpeakerBook::Describe(std::size_t begin, std::size_t end) const {
  SpeakerInfo info;
  // "Both Labour and the Tories": the coordination names them.
  if (begin + 2 < end && TokenIs(begin, "both")) ++begin;
  // "the", "a", "an" are not part of a speaker's name.
  std::string_view article;  // in lower case
  while (begin < end && (tokens_[begin].flags & kDeterminer) && !tokens_[begin].possessive) {
    const std::string_view word = WordText(begin);
    if (EqualsIgnoringAsciiCase(word, "the")) {
      article = "the";
    } else if (EqualsIgnoringAsciiCase(word, "a")) {
      article = "a";
    } else if (EqualsIgnoringAsciiCase(word, "an")) {
      article = "an";
    } else {
      break;
    }
    ++begin;
  }
  if (begin >= end) return info;
  // "Barge operators on the Rhine", "Analysts at Bernstein": the group
  // speaks, not the place or the employer named after it.
  for (std::size_t k = begin; k + 2 < end && k <= begin + 2; ++k) {
    const QuoteToken& t = tokens_[k];
    const std::string_view word = Text(k);
    const bool plural = (t.flags & kGroupNoun) || EndsInPluralS(word);
    // Capitalised only when it opens the sentence: "Analysts at Bernstein".
    const bool opens = k == begin && (k == 0 || tokens_[k - 1].kind != Kind::kWord ||
                                      tokens_[k - 1].paragraph != t.paragraph);
    if (t.kind != Kind::kWord || (t.capitalized && !opens) ||
        t.possessive || (t.flags & kTitle) || !plural) {
      continue;
    }
    // "figures from the ONS", "reports of ...": a document keeps its source.
    static constexpr std::string_view kDocuments[] = {"figures", "reports", "statistics", "data",
                                                      "studies", "surveys", "polls"};
    if (InWordList(word, kDocuments)) continue;
    // "Residents of Kibera", but "critics of the government" is one description.
    std::size_t object = k + 2;
    if (object + 1 < end && TokenIs(object, "the")) ++object;
    const bool named_object = tokens_[object].capitalized;
    static constexpr std::string_view kPlaces[] = {"on", "at", "in", "across", "along"};
    const std::string_view next = Text(k + 1);
    if (InWordList(next, kPlaces) || (EqualsIgnoringAsciiCase(next, "of") && named_object)) {
      end = k + 1;
      break;
    }
  }
  // "analysts polled by Reuters", "those questioned by the BBC": the
  // respondents speak, not who polled them; "voters polled" are voters.
  for (std::size_t k = begin + 1; k + 1 < end; ++k) {
    if (!tokens_[k].past_form || !TokenIs(k + 1, "by")) continue;
    const std::string_view before = Text(k - 1);
    const bool those = TokenIs(k - 1, "those");
    end = (those || before.size() < 4 || before.back() != 's') ? k + 1 : k;
    break;
  }
  const QuoteToken& head = tokens_[end - 1];
  Words all;
  for (std::size_t k = begin; k < end; ++k) {
    if (IsPlaceBased(k) && k + 1 < end) continue;  // "London-based Harcourt Capital"
    // "33%": the sign joins its number, as written.
    if (tokens_[k].kind == Kind::kPunct && Text(k) == "%" && !all.empty() &&
        all.back().data() + all.back().size() == Text(k).data()) {
      all.back() = std::string_view(all.back().data(), all.back().size() + 1);
      continue;
    }
    all.push_back(k + 1 == end ? WordText(k) : Text(k));
  }
  if (!head.capitalized) {
    // A description: "a spokesman", "the chancellor", "analysts".
    const std::string lower_head = Lower(WordText(end - 1));
    info.name = Join(all);
    // "Dr Mike Watts head of exploration": a name before a role is the speaker.
    bool role_tail = false;
    std::size_t name_begin = end, name_end = end;
    for (std::size_t k = begin; k < end; ++k) {
      if (tokens_[k].capitalized && !tokens_[k].possessive && !(tokens_[k].flags & kHonorific)) {
        if (name_begin == end) name_begin = k;
        name_end = k + 1;
      } else if (name_begin != end) {
        role_tail = (tokens_[k].flags & kTitle) != 0 && !tokens_[k].capitalized;
        break;
      }
    }
    // Only a person's name: "A Labour Party spokesman" is a description.
    bool personal = name_begin > begin && (tokens_[name_begin - 1].flags & kHonorific);
    for (std::size_t k = name_begin; k < name_end; ++k) {
      if (tokens_[k].flags & kOrgNoun) personal = false;
      if (k == name_begin && (tokens_[k].flags & kFirstName)) personal = true;
    }
    if (role_tail && personal && name_end - name_begin >= 2) {
      Words words;
      for (std::size_t k = name_begin; k < name_end; ++k) words.push_back(WordText(k));
      const int fullest = Fullest(words);
      info.name = fullest >= 0 ? std::string(Full(fullest)) : Join(words);
      info.kind = SpeakerKind::kPerson;
      info.gender = GenderOf(info.name);
      return info;
    }
    // "a spokesman", and "feminist writer and broadcaster": a person.
    // So is "a spokesman for the league": a role and whom it speaks for.
    // "The 67-year-old also said": an age stands for the person in view.
    const bool age_epithet = EndsWith(lower_head, "-year-old");
    bool role = (head.flags & kTitle) != 0 || age_epithet;
    std::string role_word = lower_head;
    for (std::size_t k = begin + 1; k + 1 < end && !role; ++k) {
      if ((tokens_[k - 1].flags & kTitle) && !tokens_[k - 1].capitalized &&
          (TokenIs(k, "and") || TokenIs(k, "for") || TokenIs(k, "of") || TokenIs(k, "at"))) {
        role = true;
        role_word = Lower(WordText(k - 1));
      }
    }
    if (role) {
      info.kind = SpeakerKind::kPerson;
      if (role_word == "spokesman") info.gender = Gender::kMale;
      if (role_word == "spokeswoman") info.gender = Gender::kFemale;
      std::string description;  // the role as introduced: "finance minister"
      for (std::size_t k = begin; k < end; ++k) {
        if (tokens_[k].flags & kDeterminer) continue;
        description += (description.empty() ? "" : " ") + Lower(WordText(k));
      }
      auto introduced = by_role_.find(description);
      // "Michael Jackson's mother", "the mother-of-nine": the role alone,
      // when the story gave it to one person ("His mother Katherine Jackson").
      const bool qualified = end - begin > 1 && tokens_[end - 2].possessive;
      const std::size_t hyphen = lower_head.find('-');
      // "the Easyjet founder" after "Founder Stelios Haji-Ioannou": the
      // office alone, when a body's name qualifies it.
      const bool named_body = end - begin > 1 && tokens_[begin].capitalized &&
                              Spokesperson(lower_head).empty();
      if (introduced == by_role_.end() &&
          (qualified || named_body || hyphen != std::string::npos)) {
        introduced = by_role_.find(lower_head.substr(0, hyphen));
      }
      // Lower-case words only, and no institution ("the central bank
      // governor" is an officer of the bank, not who was named before).
      // A name of the body the person leads may stand first: "the Easyjet
      // founder" is who the story just named ("the BBC spokeswoman" is not:
      // spokespeople are found by their compounds).
      const bool led_body = Spokesperson(lower_head).empty();
      bool plain = true;
      bool leading_name = led_body;  // "the Black Sabbath singer": a leading name
      for (std::size_t k = begin; k + 1 < end; ++k) {
        leading_name &= tokens_[k].capitalized;
        plain &= (!tokens_[k].capitalized || leading_name) &&
                 !tokens_[k].possessive &&
                 !(tokens_[k].flags & kOrgNoun);
      }
      if (introduced != by_role_.end()) {
        info.name = Full(introduced->second);
        info.gender = GenderOf(info.name);
      } else if (!article.empty() && end - begin == 1 && !Spokesperson(lower_head).empty()) {
        // "the spokesman" after "a spokesman for the league said", else after
        // "a Home Office spokesman"; "a spokesman" when the story has one.
        std::string full = CompoundName(lower_head, begin);
        if (article == "the") {
          info.same_head = Spokesperson(lower_head).data();
          if (!full.empty()) info.name = std::move(full);
        } else if (!full.empty() && full == CompoundName(lower_head, 0)) {
          // Only one named before it: "A spokesman said" is not the
          // "Labour Party spokesman" a later paragraph quotes.
          auto at = std::lower_bound(
              compounds_.begin(), compounds_.end(), begin,
              [](const Compound& c, std::size_t pos) { return c.begin < pos; });
          if (at != compounds_.begin() && CompoundText(*(at - 1)) == full) {
            info.name = std::move(full);
          }
        }
      } else if (article == "the" && plain && !qualified &&
                 (hyphen == std::string::npos || age_epithet) && !IsRelative(lower_head)) {
        // "Tony Blair has said ... The prime minister said": a person the
        // story gave no other role.
        info.stands_for_person = true;
      }
    } else if (head.flags & kOrgNoun) {
      info.kind = SpeakerKind::kThing;
      // "the government" after "the US government".
      if (article == "the" && end - begin == 1) {
        std::string full = CompoundName(lower_head, begin);
        if (!full.empty()) info.name = std::move(full);
      }
    } else if ((head.flags & kGroupNoun) || EndsWith(lower_head, "s")) {
      info.kind = SpeakerKind::kGroup;
    } else {
      info.kind = SpeakerKind::kThing;
    }
    // "the firm", "the Leuven-based brewery": an organisation named before.
    // "the UK's biggest mortgage lender": an epithet, from its superlative.
    std::size_t from = begin;
    for (std::size_t k = begin; k + 1 < end; ++k) {
      const std::string_view w = WordText(k);
      if (!tokens_[k].capitalized && w.size() > 5 && EndsWith(w, "est")) from = k + 1;
    }
    if (article == "the" && end - from <= 3 && !role) {
      bool plain = true;
      // Not "the Mirror newspaper", which names itself.
      for (std::size_t k = from; k < end && plain; ++k) {
        plain = tokens_[k].kind == Kind::kWord && !tokens_[k].possessive &&
                !(tokens_[k].flags & (kPreposition | kDeterminer)) &&
                (!tokens_[k].capitalized || IsPlaceBased(k));
      }
      if (plain) info.family = static_cast<int8_t>(FamilyOf(lower_head));
    }
    return info;
  }
  // A name, maybe after titles: the name starts after the last title,
  // honorific, possessive or lower-case word.
  std::size_t start = begin;
  bool titled = false;
  Gender gender = Gender::kUnknown;
  for (std::size_t k = begin; k + 1 < end; ++k) {
    const QuoteToken& t = tokens_[k];
    if (t.flags & (kTitle | kHonorific)) {
      start = k + 1;
      titled = true;
      if (t.flags & kMale) gender = Gender::kMale;
      if (t.flags & kFemale) gender = Gender::kFemale;
    } else if ((t.possessive && !PluralPossessiveInName(k)) ||
               (!t.capitalized && !JoinsName(k, begin, end)) || IsPlaceBased(k)) {
      start = k + 1;  // "Ireland-based Elan" is Elan
    }
  }
  // "The MP for Ealing North", "Secretary of State for Culture": a role and
  // its brief describe a person; the place is no name.
  auto connector = [this](std::size_t k) {
    return !tokens_[k].capitalized && (TokenIs(k, "for") || TokenIs(k, "of"));
  };
  const std::size_t brief = (start < end && connector(start)) ? start : start - 1;
  if (start > begin && brief > begin && brief < end && connector(brief) &&
      (tokens_[brief - 1].flags & kTitle)) {
    info.name = Join(all);
    info.kind = SpeakerKind::kPerson;
    info.gender = gender;
    return info;
  }
  // "Dr Jeremy Philpott of the UK Patent Office", "Ashok Vishwanathan of
  // Operation Black Vote": a person's name ends before the body.
  for (std::size_t k = start + 1; k + 1 < end; ++k) {
    if (tokens_[k].capitalized || ParticleInName(k) || !JoinsName(k, begin, end)) continue;
    // Or a name of two words or more before a body: "Shigeo Morioka of the
    // International Longevity Centre".
    bool body_after = false;
    for (std::size_t n = k + 1; n < end; ++n) body_after |= (tokens_[n].flags & kOrgNoun) != 0;
    body_after = body_after && TokenIs(k, "of");
    bool body_before = false;
    for (std::size_t n = start; n < k; ++n) body_before |= (tokens_[n].flags & kOrgNoun) != 0;
    const bool personal = (start > begin && (tokens_[start - 1].flags & kHonorific)) ||
                          (tokens_[start].flags & kFirstName) ||
                          (k >= start + 2 && body_after && !body_before);
    if (personal) {
      end = k;
      break;
    }
  }
  // "the Lib Dems David Laws": a first name starts the name.
  for (std::size_t k = start + 1; k + 1 < end; ++k) {
    if (StartsName(k)) {
      start = k;
      break;
    }
  }
  Words words;
  bool org = false;
  bool coordinated = false;  // "Labour and the Tories": speakers, plural
  for (std::size_t k = start; k < end; ++k) {
    words.push_back(WordText(k));
    if (tokens_[k].flags & kOrgNoun) org = true;
    coordinated |= k + 1 < end && TokenIs(k, "and") && TokenIs(k + 1, "the");
  }
  // The whole mention, not a document's source ("reports in the Wall
  // Street Journal and the Financial Times" keeps its source).
  if (coordinated && start == begin) {
    info.name = Join(words);
    info.kind = org ? SpeakerKind::kThing : SpeakerKind::kGroup;
    return info;
  }
  const int fullest = Fullest(words);
  info.name = fullest >= 0 ? std::string(Full(fullest)) : Join(words);
  if (org) {
    info.kind = SpeakerKind::kThing;
    // Keep the mention when it says more than the name found.
    if (fullest < 0 || all.size() > names_[fullest].words) info.name = Join(all);
    return info;
  }
  if (words.size() == 1 && !titled && (head.flags & kGroupNoun || IsProperPlural(words[0]))) {
    info.kind = SpeakerKind::kGroup;
    return info;
  }
  if (words.size() == 1 && IsAcronym(words[0])) {
    info.kind = SpeakerKind::kThing;
    return info;
  }
  // A person when a title or honorific, here or elsewhere in the story, or
  // a known first name says so; "Northwind Airways" may be a company.
  const std::string_view full = fullest >= 0 ? Full(fullest) : std::string_view(info.name);
  const bool first_name = full.find(' ') != std::string_view::npos &&
                          (WordFlags(full.substr(0, full.find(' '))) & kFirstName);
  const bool person = titled || (fullest >= 0 && names_[fullest].person) || first_name;
  info.kind = person ? SpeakerKind::kPerson : SpeakerKind::kUnknown;
  info.gender = gender != Gender::kUnknown ? gender : GenderOf(info.name);
  return info;
}

void SpeakerBook::LearnGender(const std::string& name, Gender gender) {
  if (gender != Gender::kUnknown) gender_.emplace(name, gender);
}

// What a pronoun already resolved to the name says, else the first name
// ("Katherine Jackson"), else an honorific seen with the surname ("Mr
// Brown" for "Gordon Brown"): a first name outranks a relative's "Mr".
Gender SpeakerBook::GenderOf(const std::string& name) const {
  // Most stories resolve few pronouns and give few honorifics: no hashing
  // of a name in an empty map.
  if (!gender_.empty()) {
    if (auto it = gender_.find(name); it != gender_.end()) return it->second;
  }
  const std::size_t space = name.find(' ');
  if (space != std::string::npos) {
    const uint32_t f = WordFlags(std::string_view(name).substr(0, space));
    if (f & kFirstName) return (f & kMale) ? Gender::kMale : Gender::kFemale;
  }
  if (honorific_gender_.empty()) return Gender::kUnknown;
  const std::size_t surname = name.rfind(' ') + 1;
  auto it = honorific_gender_.find(
      absl::string_view(name.data() + surname, name.size() - surname));
  return it == honorific_gender_.end() ? Gender::kUnknown : it->second;
}

}  // namespace copydesk::internal
