#include "internal/quote_lexicon.h"

#include <cstddef>
#include <cstring>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "internal/lexicon_lines.h"

namespace copydesk::internal {
namespace {

constexpr std::size_t kMaxWord = WordTable::kMaxWord;

// Grammar words: closed classes of English, part of the rules rather than
// of any lexicon a user would extend.
constexpr std::string_view kDeterminers[] = {
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our",
    "some", "many", "several", "most", "other", "another", "each", "every", "such", "no"};
constexpr std::string_view kPrepositions[] = {
    "of", "in", "on", "at", "by", "for", "from", "with", "to", "into", "over", "after", "before",
    "about", "against", "between", "under", "during", "through", "without", "within",
    "among", "amid", "despite", "following", "towards", "toward", "across", "near", "per",
    "including", "like", "via", "beside", "besides", "alongside"};
constexpr std::string_view kAuxiliaries[] = {
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "should",
    "must", "shall", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did"};
constexpr std::string_view kPassiveAuxiliaries[] = {"is", "are", "was", "were", "be",
                                                    "been", "being"};
constexpr std::string_view kSkippableWords[] = {
    "also", "later", "then", "again", "previously", "earlier", "recently", "yesterday",
    "today", "tonight", "now", "still", "already", "once", "further", "subsequently",
    "publicly", "privately", "repeatedly", "initially", "reportedly", "simply", "only",
    "afterwards", "afterward", "immediately", "quickly", "swiftly",
    "just", "separately", "often", "always", "however", "meanwhile", "first", "finally",
    "had", "has", "have", "will", "would",
    "could", "may", "might", "should", "must", "can", "did", "does", "do"};
constexpr std::string_view kClauseWords[] = {
    "that", "which", "who", "whom", "whose", "when", "while", "as", "because", "if",
    "although", "though", "since", "so", "where", "whether", "than", "unless", "until",
    "what", "how", "why", "whereas", "once", "after", "before"};
constexpr std::string_view kConjunctions[] = {"and", "but", "or", "nor", "yet"};
constexpr std::string_view kNegations[] = {"not", "never", "n't", "cannot"};
constexpr std::string_view kRefusals[] = {"refused", "declined", "failed", "refuses",
                                          "declines", "refuse", "decline"};
constexpr std::string_view kTellVerbs[] = {
    "tell", "tells", "told", "telling", "warn", "warns", "warned", "warning",
    "assure", "assures", "assured", "inform", "informs", "informed", "remind",
    "reminds", "reminded", "ask", "asks", "asked", "urge", "urges", "urged", "accuse",
    "accuses", "accused", "accusing"};
constexpr std::string_view kObjectPronouns[] = {
    "him", "her", "them", "us", "me", "you", "reporters", "journalists", "investors",
    "mps", "parliament", "listeners", "viewers", "delegates"};
// Past forms that do not end in -ed and present forms common as the verb of
// a reported clause: evidence that a stretch of words is a clause.
constexpr std::string_view kFiniteVerbs[] = {
    "took", "held", "made", "came", "went", "gave", "got", "saw", "left", "kept", "lost",
    "met", "paid", "ran", "rose", "fell", "sold", "sent", "spent", "stood",
    "won", "began", "grew", "knew", "led", "brought", "bought", "became",
    "wants", "needs", "remains", "faces", "plans", "seems", "means", "shows", "says",
    "thinks", "lies", "stands", "owes", "goes", "gets", "makes", "takes", "continues"};

// Cue forms that double as nouns ("the claims", "a warning", "his remarks"):
// the rules take them for cues only before a clause or at the end of the
// sentence. Looked up only for cue words, in a table of their own.
constexpr std::string_view kNounLikeCues[] = {
    "claim", "claims", "report", "reports", "comment", "comments", "call", "calls",
    "warning", "promise", "promises", "pledge", "pledges", "estimate", "estimates",
    "forecast", "forecasts", "question", "questions", "state", "states", "note", "notes",
    "rule", "rules", "show", "shows", "tweet", "tweets", "vow", "vows", "stress", "remark",
    "remarks", "reply", "replies", "protest", "protests", "counter", "counters", "demand",
    "demands", "hint", "hints", "post", "posts", "joke", "jokes", "quip", "quips", "label",
    "labels", "term", "terms", "hail", "hails", "shout", "shouts", "caution", "cautions",
    "lament", "laments", "boast", "boasts", "find", "finds", "ruling", "finding", "continue",
    "continues", "reflect", "reflects", "brand", "brands"};

// Words of a time phrase between a cue and its clause: "said Thursday",
// "told reporters on Monday night", "said last week".
constexpr std::string_view kTimeWords[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "yesterday", "today", "tonight", "earlier", "later", "week", "weekend", "month", "year",
    "morning", "afternoon", "evening", "night", "summer", "autumn", "winter", "january", "february", "march", "april",
    "june", "july", "august", "september", "october", "november", "december"};
// Lower-case words inside personal names: "Pieter de Wal", "Osama bin Laden",
// "John van der Berg".
constexpr std::string_view kNameParticles[] = {
    "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "el",
    "ibn", "mac", "del", "dos", "das", "ter", "ten"};

constexpr std::string_view kAbbreviations[] = {
    "st.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.", "sgt.", "capt.", "cmdr.",
    "adm.", "maj.", "supt.", "insp.", "det.", "jan.", "feb.", "mar.", "apr.", "jun.",
    "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "no.", "nos.", "mt.", "ft.",
    "jr.", "sr.", "vs.", "v.", "fig.", "approx.", "dept.", "univ.", "assn.", "bros."};

std::string Lower(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct Tables {
  absl::flat_hash_map<std::string, uint32_t> flags;
  absl::flat_hash_set<std::string> phrases;  // "point out", "according to"
  absl::flat_hash_set<std::string> abbreviations;
};

template <std::size_t N>
void AddWords(Tables* t, const std::string_view (&words)[N], uint32_t flag) {
  for (std::string_view w : words) t->flags[std::string(w)] |= flag;
}

Tables BuildTables() {
  Tables t;
  // Each lexicon file sets its flag on its words. Tagged entries ("Mr m")
  // add the tag's flag; other multi-word entries are cue phrases.
  auto add = [&t](std::string_view name, uint32_t flag) {
    for (std::string_view entry : BuiltinLexicon(name)) {
      const std::size_t space = entry.find(' ');
      const std::string word = Lower(entry.substr(0, space));
      if (space == std::string_view::npos) {
        t.flags[word] |= flag;
        continue;
      }
      const std::string_view tag = entry.substr(space + 1);
      if (flag == kFamilyNoun) {
        t.flags[word] |= flag;  // the tag is SpeakerBook's
      } else if (flag == kHonorific || flag == kPronoun || flag == kFirstName) {
        uint32_t extra = 0;
        if (tag == "m") extra = kMale;
        if (tag == "f") extra = kFemale;
        if (tag == "n") extra = kThingPronoun;
        if (tag == "p") extra = kPluralPronoun;
        t.flags[word] |= flag | extra;
      } else {
        t.phrases.insert(Lower(entry));
        t.flags[word] |= kPhraseStart;
      }
    }
  };
  add("quote_cue_verbs", kCue);
  add("quote_object_cue_verbs", kObjectCue);
  add("quote_document_cue_verbs", kDocumentCue);
  add("quote_participle_cues", kParticipleCue);
  add("quote_reporting_nouns", kReportingNoun);
  add("speaker_titles", kTitle);
  add("speaker_group_nouns", kGroupNoun);
  add("speaker_org_nouns", kOrgNoun);
  add("speaker_honorifics", kHonorific);
  add("speaker_pronouns", kPronoun);
  add("quote_weak_cue_verbs", kWeakCue);
  add("speaker_first_names", kFirstName);
  add("speaker_description_families", kFamilyNoun);
  AddWords(&t, kDeterminers, kDeterminer);
  AddWords(&t, kPrepositions, kPreposition);
  AddWords(&t, kAuxiliaries, kAuxiliary);
  AddWords(&t, kPassiveAuxiliaries, kPassiveAux);
  AddWords(&t, kSkippableWords, kSkippable);
  AddWords(&t, kClauseWords, kClauseWord);
  AddWords(&t, kConjunctions, kConjunction);
  AddWords(&t, kNegations, kNegation);
  AddWords(&t, kRefusals, kRefusal);
  AddWords(&t, kTellVerbs, kTellVerb);
  AddWords(&t, kObjectPronouns, kObjectPronoun);
  AddWords(&t, kFiniteVerbs, kFiniteVerb);
  AddWords(&t, kTimeWords, kTimeWord);
  AddWords(&t, kNameParticles, kNameParticle);
  for (std::string_view a : kAbbreviations) t.abbreviations.insert(std::string(a));
  for (std::string_view h : BuiltinLexicon("speaker_honorifics")) {
    const std::string word = Lower(h.substr(0, h.find(' ')));
    if (!word.empty() && word.back() == '.') t.abbreviations.insert(word);
  }
  return t;
}

const Tables& GetTables() {
  static const Tables* const tables = new Tables(BuildTables());
  return *tables;
}

}  // namespace

WordTable::WordTable(const std::vector<std::pair<std::string, uint32_t>>& words) {
  std::size_t size = 16;
  shift_ = 60;
  while (size < words.size() * 4) {  // at most a quarter full: probes stay short
    size *= 2;
    --shift_;
  }
  mask_ = size - 1;
  tags_.resize(size);
  slots_.resize(size);
  for (const auto& [word, flags] : words) {
    const std::size_t n = word.size();
    if (n == 0 || n > kMaxWord) continue;  // never looked up
    Slot slot;
    slot.flags = flags;
    slot.size = static_cast<uint16_t>(n);
    const char* end = word.data() + n;
    if (n <= 8) {
      slot.key = LowerAscii8(LoadWordBytes(word.data(), n, end));
    } else {
      if (long_words_.size() > UINT16_MAX) continue;  // the built-in lexicons have a few hundred
      slot.key = LongKey(word.data(), n);
      slot.long_word = static_cast<uint16_t>(long_words_.size());
      long_words_.push_back(word);
    }
    const uint64_t hash = Hash(slot.key, n);
    std::size_t i = Home(hash);
    while (tags_[i] != 0) i = (i + 1) & mask_;
    tags_[i] = Tag(hash);
    slots_[i] = slot;
  }
}

// Eight bytes at a time, the last eight overlapping the ones before.
bool WordTable::MatchesLong(std::string_view word, uint16_t long_word) const {
  const char* listed = long_words_[long_word].data();
  const std::size_t n = word.size();
  for (std::size_t i = 0; i < n - 8; i += 8) {
    if (LoadLower8(word.data() + i) != Load8(listed + i)) return false;
  }
  return LoadLower8(word.data() + n - 8) == Load8(listed + n - 8);
}

const WordTable& WordTable::Get() {
  static const WordTable* const table = [] {
    const Tables& tables = GetTables();
    return new WordTable(std::vector<std::pair<std::string, uint32_t>>(tables.flags.begin(),
                                                                       tables.flags.end()));
  }();
  return *table;
}

bool IsCuePhrase(std::string_view first, std::string_view second) {
  if (first.size() + second.size() + 1 > kMaxWord) return false;
  std::string phrase = Lower(first);
  phrase += ' ';
  phrase += Lower(second);
  return GetTables().phrases.contains(phrase);
}

bool IsNounLikeCue(std::string_view word, const char* readable_end) {
  static const WordTable* const table = [] {
    std::vector<std::pair<std::string, uint32_t>> words;
    for (std::string_view w : kNounLikeCues) words.emplace_back(std::string(w), 1);
    return new WordTable(words);
  }();
  return table->Find(word, readable_end) != 0;
}

bool IsAbbreviation(std::string_view word_with_period, const char* readable_end) {
  if (word_with_period.size() == 2 && word_with_period[0] >= 'A' && word_with_period[0] <= 'Z') {
    return true;  // an initial: "J. Smith"
  }
  // "U.S.", "a.m.", "e.g.": letters one or two at a time between full stops
  // (not "4.3bn.", which ends a sentence). Most words hold no full stop
  // before the last: one memchr() tells.
  if (std::memchr(word_with_period.data(), '.', word_with_period.size() - 1) != nullptr) {
    std::size_t run = 0;
    for (char c : word_with_period) {
      if (c == '.') {
        if (run == 0 || run > 2) return false;
        run = 0;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        ++run;
      } else {
        return false;
      }
    }
    return true;
  }
  static const WordTable* const abbreviations = [] {
    std::vector<std::pair<std::string, uint32_t>> words;
    for (const std::string& a : GetTables().abbreviations) words.emplace_back(a, 1);
    return new WordTable(words);
  }();
  return abbreviations->Find(word_with_period, readable_end);
}

}  // namespace copydesk::internal
