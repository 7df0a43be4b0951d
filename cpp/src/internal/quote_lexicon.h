// The words quote attribution reads: cue verbs, titles, speaker nouns and
// pronouns from the built-in lexicons under cpp/data/, and the grammar words
// the patterns step over, as one table of flags per lower-case word.

#ifndef COPYDESK_INTERNAL_QUOTE_LEXICON_H_
#define COPYDESK_INTERNAL_QUOTE_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

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

// Flags of `word`, compared in ASCII lower case; 0 for an unknown word.
uint32_t WordFlags(std::string_view word);
// The same, for a word inside a longer buffer whose bytes up to
// `readable_end` may be read (the word's tail is then loaded at once).
uint32_t WordFlags(std::string_view word, const char* readable_end);

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

// True when `word` (with its final full stop) is an abbreviation that does
// not end a sentence: "Mr.", "Nov.", "U.S.", an initial "J.".
bool IsAbbreviation(std::string_view word_with_period);

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_QUOTE_LEXICON_H_
