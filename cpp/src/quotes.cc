#include "copydesk/quotes.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "copydesk/layout.h"
#include "copydesk/sentences.h"
#include "internal/paragraph_sentences.h"
#include "internal/quote_lexicon.h"
#include "internal/quote_marks.h"
#include "internal/quote_tokens.h"
#include "internal/speaker_book.h"

namespace copydesk {
namespace {

using internal::EndsInPluralS;
using internal::EndsWith;
using internal::EqualsIgnoringAsciiCase;
using internal::InWordList;
using internal::Gender;
using internal::QuotedStretch;
using internal::QuoteToken;
using internal::QuoteUnit;
using internal::SpeakerBook;
using internal::SpeakerInfo;
using internal::SpeakerKind;
using Kind = QuoteToken::Kind;

// Token indices [begin, end).
struct Range {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return begin >= end; }
  std::size_t size() const { return empty() ? 0 : end - begin; }
};

struct Speaker {
  std::optional<ByteSpan> mention;
  std::string name;
};

// A person, organisation or group the story has put in subject position,
// in text order: what a pronoun can point back to.
// Described only when a pronoun looks at it: most subjects never are.
struct Entity {
  std::size_t begin = 0;   // the mention's tokens, while not yet described
  std::size_t end = 0;
  bool described = false;
  SpeakerInfo info;
  bool salient = true;  // a subject or speaker; else a person merely named
  bool speaker = false;  // credited with a quote
  uint32_t paragraph = 0;
};

struct Cue {
  std::size_t begin;  // first token
  std::size_t end;    // one past the last token ("point out" has two)
  uint32_t flags;
  bool according = false;
  bool participle = false;  // ", noting that ..."
  bool reporting_noun = false;  // "X's claim that ..."
  bool subject_noun = false;    // "Reports that R have been denied"
  bool directive = false;       // "urged X to ...", "called on X to ..."
};

// How far back a pronoun looks for its antecedent, in salient mentions:
// bounds the work per pronoun.
constexpr std::size_t kPronounLookBack = 16;

// No token: a bound that excludes nothing.
constexpr std::size_t kNoToken = static_cast<std::size_t>(-1);

// Offices remembered per story ("prime minister" -> "Tony Blair"): bounds
// the work per role mention.
constexpr std::size_t kMaxRoles = 32;
// Longest noun phrase read as a speaker, in tokens.
constexpr int kMaxSpeakerTokens = 12;
// A cue-less paragraph of quotation continues the previous speaker only
// when that speaker was quoted at most this many paragraphs earlier.
constexpr uint32_t kContinuationParagraphs = 1;
// A quotation filling its sentence with nobody to credit is still reported
// when it has at least this many words: that long, it is speech, not a term.
constexpr int kMinWordsUncreditedQuote = 8;

// Noun-like cue forms that close a sentence as verbs: "..., reports claim."
constexpr std::string_view kEndingNounLikeCues[] = {"claim", "claims", "report", "reports",
                                                    "note", "notes", "forecast", "estimate",
                                                    "show", "shows"};

// Particles of phrasal verbs: "hit back, saying ...", "lashed out".
// Words that bind a phrase together and are never its head.
constexpr uint32_t kGrammarWords = internal::kPreposition | internal::kDeterminer |
                                   internal::kAuxiliary | internal::kConjunction |
                                   internal::kClauseWord | internal::kNegation;

constexpr std::string_view kParticles[] = {"back", "out", "up", "down", "off", "away", "on", "in"};

class Attributor {
 public:
  Attributor(std::string_view text, const std::vector<Sentence>& sentences,
             const QuoteOptions& options)
      : Attributor(text, FindParagraphs(text), sentences, options) {}

  // `paragraphs` are FindParagraphs(text).
  Attributor(std::string_view text, std::vector<ByteSpan> paragraphs,
             const std::vector<Sentence>& sentences, const QuoteOptions& options)
      : text_(text),
        options_(options),
        paragraphs_(std::move(paragraphs)),
        stretches_(internal::FindQuotedStretches(text, paragraphs_)),
        tk_(internal::TokenizeForQuotes(text, paragraphs_, stretches_, sentences)),
        t_(tk_.tokens) {
    // Without speakers, no name is ever looked up.
    if (options_.attribute_speakers) book_.emplace(text, tk_);
  }

  std::vector<Quote> Run() {
    // Sized once: growing them moves every speaker name they hold.
    entities_.reserve(tk_.units.size() * 2 + 8);
    quotes_.reserve(tk_.units.size() / 2 + 8);
    for (const QuoteUnit& unit : tk_.units) ProcessUnit(unit);
    std::sort(quotes_.begin(), quotes_.end(),
              [](const Quote& a, const Quote& b) { return a.span.begin < b.span.begin; });
    // Spans never overlap: a later quote inside an earlier one is dropped.
    std::size_t kept = 0;
    for (Quote& q : quotes_) {
      if (q.span.empty()) continue;
      if (kept > 0 && q.span.begin < quotes_[kept - 1].span.end) continue;
      if (&q != &quotes_[kept]) quotes_[kept] = std::move(q);
      ++kept;
    }
    quotes_.resize(kept);
    return std::move(quotes_);
  }

 private:
  // ---- Token tests -------------------------------------------------------

  // A token's text (its span lies in the text: no bounds to check).
  std::string_view Text(std::size_t i) const {
    return std::string_view(text_.data() + t_[i].span.begin, t_[i].span.size());
  }
  bool IsWord(std::size_t i) const { return t_[i].kind == Kind::kWord; }
  bool IsQuote(std::size_t i) const { return t_[i].kind == Kind::kQuote; }
  bool IsPunct(std::size_t i, std::string_view p) const {
    return t_[i].kind == Kind::kPunct && Text(i) == p;
  }
  bool IsDash(std::size_t i) const {
    if (t_[i].kind != Kind::kPunct) return false;
    const std::string_view p = Text(i);
    return p == "-" || p == "\xE2\x80\x93" || p == "\xE2\x80\x94";
  }
  bool Is(std::size_t i, std::string_view lower) const {
    return IsWord(i) && EqualsIgnoringAsciiCase(Text(i), lower);
  }
  // Only words have flags: no test of the kind.
  bool Has(std::size_t i, uint32_t flags) const { return (t_[i].flags & flags) != 0; }
  bool IsNegation(std::size_t i) const {
    return Has(i, internal::kNegation) || (IsWord(i) && EndsWith(Text(i), "n't"));
  }
  // A cue form that doubles as a noun ("the claims", "a warning", "his
  // remarks"): a verb only before a clause or at the end of the sentence.
  bool IsNounLikeCue(std::size_t i) const {
    return internal::IsNounLikeCue(Text(i), text_.data() + text_.size());
  }
  // "told the BBC", "urged ministers": what follows is always a listener.
  bool IsListenerCue(std::size_t i) const {
    static constexpr std::string_view kUrgeCues[] = {"urge", "urges", "urged"};
    return IsTellCue(i) || InWordList(Text(i), kUrgeCues);
  }
  // "told Fox News on Sunday that ...", "informed MPs the bill ...": a
  // listener, then the reported clause.
  bool IsTellCue(std::size_t i) const {
    static constexpr std::string_view kTellCues[] = {
        "tell", "tells", "told", "telling", "inform", "informs", "informed", "remind",
        "reminds", "reminded", "assure", "assures", "assured"};
    return InWordList(Text(i), kTellCues);
  }

  bool IsAccuseCue(std::size_t i) const {
    static constexpr std::string_view kAccuseCues[] = {"accuse", "accuses", "accused"};
    return InWordList(Text(i), kAccuseCues);
  }

  // "went on to say": the subject is before "went".
  bool GoesOnTo(std::size_t b, std::size_t i) const {
    return i >= b + 3 && Is(i - 1, "to") && Is(i - 2, "on") &&
           (Is(i - 3, "went") || Is(i - 3, "goes") || Is(i - 3, "go") || Is(i - 3, "gone") ||
            Is(i - 3, "going"));
  }

  // "who", "which": a relative clause, not reported speech.
  bool IsRelative(std::size_t i) const {
    return Is(i, "who") || Is(i, "whom") || Is(i, "whose") || Is(i, "which") || Is(i, "what") ||
           Is(i, "where");
  }
  bool IsNumber(std::size_t i) const {
    return IsWord(i) && Text(i)[0] >= '0' && Text(i)[0] <= '9';
  }
  bool IsLyAdverb(std::size_t i) const {
    return IsWord(i) && !t_[i].capitalized && Text(i).size() > 4 && EndsWith(Text(i), "ly");
  }
  bool IsIngWord(std::size_t i) const {
    return IsWord(i) && !t_[i].capitalized && Text(i).size() > 4 && EndsWith(Text(i), "ing");
  }
  // A word that can open a reported clause after a cue.
  bool OpensClause(std::size_t i) const {
    if (IsQuote(i) || IsPunct(i, ":") || IsPunct(i, ",")) return true;
    if (!IsWord(i)) return false;
    if (t_[i].capitalized) return true;
    const char c = Text(i)[0];
    if (c >= '0' && c <= '9') return true;
    return Is(i, "there") ||
           Has(i, internal::kDeterminer | internal::kPronoun | internal::kAuxiliary |
                      internal::kClauseWord | internal::kObjectPronoun | internal::kGroupNoun);
  }
  bool HasFiniteVerb(Range r) const {
    for (std::size_t i = r.begin; i < r.end; ++i) {
      if (!IsWord(i)) continue;
      if (t_[i].past_form || Has(i, internal::kAuxiliary | internal::kFiniteVerb)) {
        return true;
      }
      // A present-tense verb after its subject: "the industry expects".
      const std::string_view w = Text(i);
      const bool after_subject = (i >= r.begin + 2 && IsWord(i - 1) &&
                                  !Has(i - 1, internal::kDeterminer | internal::kPreposition |
                                                  internal::kConjunction)) ||
                                 (i == r.begin + 1 && Has(i - 1, internal::kPronoun));
      if (after_subject && !t_[i].capitalized && !t_[i].possessive && EndsInPluralS(w)) {
        return true;
      }
    }
    return false;
  }
  bool HasAuxiliary(Range r) const {
    for (std::size_t i = r.begin; i < r.end; ++i) {
      if (Has(i, internal::kAuxiliary)) return true;
    }
    return false;
  }
  int WordCount(Range r) const {
    int n = 0;
    for (std::size_t i = r.begin; i < r.end; ++i) n += IsWord(i);
    return n;
  }
  int QuoteCount(Range r) const {
    int n = 0;
    for (std::size_t i = r.begin; i < r.end; ++i) n += IsQuote(i);
    return n;
  }
  ByteSpan SpanOf(Range r) const { return {t_[r.begin].span.begin, t_[r.end - 1].span.end}; }

  // ---- Cues --------------------------------------------------------------

  // The cues of tokens [b, e) into `cues` (cleared first: one buffer serves
  // every unit).
  void FindCues(std::size_t b, std::size_t e, std::vector<Cue>& cues) const {
    cues.clear();
    for (std::size_t i = b; i < e; ++i) {
      // Most words can open no cue: one test of the flags (only words
      // have any) passes them.
      const uint32_t f = t_[i].flags;
      if (!(f & (internal::kPhraseStart | internal::kReportingNoun | internal::kCue))) continue;
      Cue cue{i, i + 1, f};
      if ((f & internal::kPhraseStart) && i + 1 < e && IsWord(i + 1) &&
          internal::IsCuePhrase(Text(i), Text(i + 1))) {
        cue.end = i + 2;
        cue.according = Is(i, "according");
      } else if ((f & internal::kReportingNoun) && i > b && IsWord(i - 1) &&
                 t_[i - 1].possessive && i + 1 < e && Is(i + 1, "that")) {
        cue.reporting_noun = true;  // "the minister's comments that ..."
      } else if ((f & internal::kReportingNoun) && i + 1 < e && Is(i + 1, "that") &&
                 Text(i).back() == 's' && OpensUnit(b, i)) {
        cue.reporting_noun = true;  // "Reports that R have been dismissed"
        cue.subject_noun = true;
      } else if (!(f & internal::kCue)) {
        continue;
      }
      if (!cue.according && !cue.reporting_noun && !AcceptCue(cue, b, e)) continue;
      cues.push_back(cue);
      i = cue.end - 1;
    }
  }

  // Whether the word at `i` opens the sentence, after at most an article and
  // an adjective: "Reports that ...", "The latest reports that ..."; not
  // after a name ("Yukos claims that ...").
  bool OpensUnit(std::size_t b, std::size_t i) const {
    std::size_t s = b;
    while (s < i && t_[s].kind == Kind::kPunct) ++s;
    if (s < i && Has(s, internal::kDeterminer)) {
      ++s;
      if (s + 1 == i && IsWord(s) && !t_[s].capitalized && !Has(s, internal::kCue)) ++s;
    }
    return s == i;
  }

  // Where the content of "Reports that R have been denied" ends: at the
  // sentence's own verb, an auxiliary after R has had a verb of its own.
  // Looked for within kMaxReportedSubject words: bounds the work per cue.
  std::size_t ReportedSubjectEnd(std::size_t s, std::size_t e) const {
    constexpr std::size_t kMaxReportedSubject = 40;
    for (std::size_t k = s + 2; k + 1 < e && k < s + kMaxReportedSubject; ++k) {
      if (!IsWord(k)) return s;
      if (Has(k, internal::kAuxiliary) && HasFiniteVerb({s, k}) &&
          (Is(k + 1, "been") || t_[k + 1].past_form || IsNegation(k + 1))) {
        return k;
      }
    }
    return s;
  }

  // Whether a person or body who hears starts at `i`: a name, "reporters",
  // "him", "the BBC", "her coach", "the 74-year-old Eastwood".
  bool ListenerAt(std::size_t i, std::size_t e) const {
    const auto hearer = [this](std::size_t k) {
      return IsWord(k) && !t_[k].possessive &&
             (t_[k].capitalized || Has(k, internal::kObjectPronoun | internal::kGroupNoun |
                                              internal::kOrgNoun | internal::kTitle));
    };
    if (hearer(i)) return true;
    if (!Has(i, internal::kDeterminer)) return false;
    // "the 74-year-old Eastwood", "her former coach": a modifier or two.
    for (std::size_t k = i + 1; k < e && k < i + 4; ++k) {
      if (hearer(k)) return true;
      if (!IsWord(k) || Has(k, internal::kPreposition | internal::kConjunction)) return false;
    }
    return false;
  }

  // Whether the verb at `cue` reports speech here, from its neighbours.
  bool AcceptCue(Cue& cue, std::size_t b, std::size_t e) const {
    const std::size_t i = cue.begin;
    if (t_[i].capitalized) return false;  // "Asked about ...", a name
    if (GoesOnTo(b, i)) return true;        // "went on to say that ..."
    if (i > b && !IsIngWord(i) && (Has(i - 1, internal::kDeterminer | internal::kPreposition) ||
                  (IsWord(i - 1) && t_[i - 1].possessive)) &&
        !DemonstrativeSubject(b, i)) {
      return false;  // a noun: "the claims", "to say", "Labour's claim"
    }
    if ((i > b && IsNegation(i - 1)) || (i > b + 1 && IsNegation(i - 2))) return false;
    // "the people questioned said", "voters polled by ICM said": the
    // participle describes the speakers; the verb comes after it.
    if (cue.end < e && RespondentParticiple(b, i) &&
        (Has(cue.end, internal::kCue) || Is(cue.end, "by") || Is(cue.end, "in"))) {
      return false;
    }
    if (Directive(cue, e) && !IsIngWord(i)) return true;
    if (cue.end < e && Is(cue.end, "up") && Text(i).substr(0, 3) == "add") {
      return false;  // "can add up": a sum, not a remark
    }
    // "is said to have praised ...": hearsay, a passive with no agent.
    static constexpr std::string_view kHearsay[] = {"said", "reported", "alleged", "claimed"};
    const bool hearsay = i > b && Has(i - 1, internal::kPassiveAux) && cue.end + 1 < e &&
                         Is(cue.end, "to") && Is(cue.end + 1, "have") &&
                         InWordList(Text(i), kHearsay);
    // "said to BBC Sport", "complained to her coach", "confirmed to
    // reporters": "to" names a listener. Not "agreed to the demands",
    // "added to the pressure": a thing, no one who hears.
    const bool to_listener = cue.end + 1 < e && Is(cue.end, "to") &&
                             !Is(i, "agreed") && !Is(i, "added") && ListenerAt(cue.end + 1, e);
    // "promised not to raise taxes" is as infinitival as "pledged to".
    // ("said not to publish it would ..." has a clause.)
    static constexpr std::string_view kSay[] = {"say", "says", "said"};
    const std::size_t to = cue.end + 1 < e && IsNegation(cue.end) && !InWordList(Text(i), kSay)
                               ? cue.end + 1
                               : cue.end;
    if (cue.end < e && !hearsay && !to_listener && (Is(to, "to") ||
                        ((cue.flags & internal::kObjectCue) &&
                         (Is(cue.end, "for") || Is(cue.end, "on") || Is(cue.end, "off"))))) {
      return false;  // "pledged (not) to appeal", "said to be", "called for", "called on"
    }
    if (IsIngWord(i)) {
      // ", adding that ...", "after claiming that ...": the clause's
      // subject speaks.
      // Not "Overall, asking prices have fallen": the comma must close a
      // clause or a quotation.
      // "hit back, saying: ...", "vowed to fight back, saying ...": a
      // colon or a verb's particle before the comma also closes a clause.
      const bool after_comma =
          i > b && IsPunct(i - 1, ",") &&
          (QuoteCount({b, i - 1}) > 0 || HasFiniteVerb({b, i - 1}) ||
           (cue.end < e && IsPunct(cue.end, ":")) ||
           (i > b + 2 && IsWord(i - 2) && InWordList(Text(i - 2), kParticles)));
      const bool after_adverb = i > b && (Is(i - 1, "after") || Is(i - 1, "before") ||
                                          Is(i - 1, "while") || Is(i - 1, "by") ||
                                          Is(i - 1, "when") || Is(i - 1, "as"));
      cue.participle = (after_comma && (cue.flags & internal::kParticipleCue)) || after_adverb;
      // "with the magazine describing it as ...", "with the minister
      // telling parliament: ...": the noun phrase after "with" speaks.
      std::size_t with = i;
      while (with > b && with + kMaxSpeakerTokens > i && IsWord(with - 1) && !Is(with - 1, "with")) {
        --with;
      }
      if (!cue.participle && with > b && with < i && Is(with - 1, "with")) {
        const Range np = LeftNounPhrase(b, i);
        // Not "with Mr Blair adding a sixth pledge": a thing added.
        if (!np.empty() && np.begin > b && Is(np.begin - 1, "with") &&
            Text(i).substr(0, 3) != "add") {
          return true;
        }
      }
      // "with campaigners calling for more to be done": a directive's
      // subject is before it.
      return cue.participle || (cue.directive && !(i > b && IsPunct(i - 1, ",")));
    }
    if (NamesAThing(cue, b, e)) return false;
    // "\"Q,\" he remarks.", "she notes that ...": after a subject pronoun
    // the form is a verb.
    if (IsNounLikeCue(i) && i > b && Has(i - 1, internal::kPronoun) &&
        !Has(i - 1, internal::kDeterminer)) {
      return true;
    }
    if (IsNounLikeCue(i)) {
      // "claim", "reports": a verb only before a clause or at the end.
      // Not before a comma ("ahead of the pre-Budget report, Mr Baume ...");
      // at the end only the plural reporters' forms ("..., reports claim.").
      // "figures show prices rose"; not "the independent and state sectors
      // have ...".
      const bool noun_subject = i > b && !Has(i - 1, internal::kConjunction) &&
                                SubjectThenVerb({cue.end, e});
      if (cue.end < e && ((!OpensClause(cue.end) && !noun_subject) ||
                          IsPunct(cue.end, ","))) {
        return false;
      }
      if (cue.end >= e && !InWordList(Text(i), kEndingNounLikeCues)) return false;
    }
    return true;
  }

  // "This says health checks will ...": a demonstrative opening the
  // sentence is the subject of a verb that is no noun (a document just
  // named speaks); "this claim" is a noun.
  bool DemonstrativeSubject(std::size_t b, std::size_t i) const {
    return i == b + 1 && Is(b, "this") && !IsNounLikeCue(i) && Text(i).back() == 's';
  }

  // "urged ministers to scrap the tax", "called on the council (for the
  // board) to resign": a directive reports who is to act and what, as the
  // span; the cue takes in "for", "on" or "upon". Not "called for calm",
  // "called on the way to Leeds", "urged caution".
  bool Directive(Cue& cue, std::size_t e) const {
    static constexpr std::string_view kUrge[] = {"urge", "urges", "urged", "urging"};
    static constexpr std::string_view kCall[] = {"call", "calls", "called", "calling"};
    const char first = Text(cue.begin)[0];
    if (first != 'c' && first != 'u') return false;  // most cues, at once
    std::size_t s = cue.end;
    if (InWordList(Text(cue.begin), kCall)) {
      if (s + 1 >= e || !(Is(s, "for") || Is(s, "on") || Is(s, "upon"))) return false;
      ++s;
      // What is called for is an actor, not a measure: "called for the
      // embargo to be lifted", not "called for measures to combat ageism".
      if (Is(s - 1, "for") && !(IsWord(s) && (t_[s].capitalized ||
                                              Has(s, internal::kDeterminer |
                                                         internal::kObjectPronoun)))) {
        return false;
      }
    } else if (!InWordList(Text(cue.begin), kUrge)) {
      return false;
    }
    // The one who is to act: a short noun phrase, then "to" and a verb
    // (none in the passive: "is being urged to act").
    if (s >= e || Is(s, "to")) return false;
    for (std::size_t k = s + 1; k + 1 < e && k < s + 8; ++k) {
      if (IsNegation(k) && Is(k + 1, "to")) ++k;  // "urged drivers not to panic"
      if (Is(k, "to")) {
        const std::size_t v = k + 1;
        // A verb, not a noun: "an end to speculation".
        static constexpr std::string_view kNounEndings[] = {"tion", "sion", "ment", "ness",
                                                             "ity", "ism", "ance", "ence"};
        if (v >= e || !IsWord(v) || t_[v].capitalized || IsNumber(v) ||
            Has(v, internal::kDeterminer | internal::kPronoun | internal::kPreposition)) {
          return false;
        }
        for (std::string_view ending : kNounEndings) {
          if (EndsWith(Text(v), ending)) return false;
        }
        cue.end = s;
        cue.directive = true;
        return true;
      }
      if (!InNounPhrase(k) && !Has(k, internal::kDeterminer | internal::kPreposition)) {
        return false;
      }
    }
    return false;
  }

  // Whether a noun-like cue form is a noun or a verb of no speech here: "on
  // the bribery claims when asked" (a noun phrase after a preposition), or
  // "could claim their pensions early" (a thing claimed, no clause).
  bool NamesAThing(const Cue& cue, std::size_t b, std::size_t e) const {
    const std::size_t i = cue.begin;
    if (!IsNounLikeCue(i)) return false;
    // Back over the modifiers to a determiner, and a preposition before it.
    std::size_t k = i;
    while (k > b && k + 4 > i && IsWord(k - 1) && !t_[k - 1].capitalized &&
           !Has(k - 1, internal::kDeterminer | internal::kPreposition | internal::kAuxiliary |
                           internal::kClauseWord | internal::kConjunction | internal::kPronoun) &&
           !t_[k - 1].past_form && !t_[k - 1].possessive) {
      --k;
    }
    // Not when a clause follows: "traffic to the site shows that ...".
    const bool clause_next =
        cue.end >= e || Is(cue.end, "that") || IsNumber(cue.end) || t_[cue.end].capitalized ||
        t_[cue.end].past_form ||
        Has(cue.end, internal::kDeterminer | internal::kPronoun | internal::kAuxiliary |
                         internal::kFiniteVerb);
    if (k < i && k > b + 1 && Has(k - 1, internal::kDeterminer) &&
        Has(k - 2, internal::kPreposition) && !clause_next) {
      return true;
    }
    // "could claim their pensions": after a modal or "to", a determiner and
    // a noun phrase that no verb follows; "claim his rival had lied" has one.
    if (!Is(i, "claim") || i == b || !(Has(i - 1, internal::kAuxiliary) || Is(i - 1, "to")) ||
        cue.end >= e || !Has(cue.end, internal::kDeterminer)) {
      return false;
    }
    for (std::size_t n = cue.end + 1; n < e && n < cue.end + 6; ++n) {
      if (!IsWord(n)) return true;
      if (Has(n, internal::kAuxiliary | internal::kFiniteVerb) || t_[n].past_form) return false;
    }
    return true;
  }

  // ---- Noun phrases ------------------------------------------------------

  // "Theresa May said", "May said:", "Will Young told": a capitalised "May"
  // or "Will" after or before a name, or before a verb in the past, which
  // no modal takes, is a name.
  bool ModalAsName(std::size_t i) const {
    // Both are auxiliaries: most words are ruled out by their flags.
    if (!t_[i].capitalized || !Has(i, internal::kAuxiliary) || !(Is(i, "may") || Is(i, "will"))) {
      return false;
    }
    const bool after_name = i > 0 && IsWord(i - 1) && t_[i - 1].capitalized &&
                            !t_[i - 1].possessive && !Has(i - 1, internal::kClauseWord);
    const bool before_past_or_name =
        i + 1 < t_.size() && IsWord(i + 1) &&
        (t_[i + 1].past_form ||
         (t_[i + 1].capitalized && !Is(i + 1, "i") &&
          !Has(i + 1, internal::kPronoun | internal::kDeterminer)) ||
         Is(i + 1, "said") || Is(i + 1, "told") || Is(i + 1, "wrote"));
    return after_name || before_past_or_name;
  }

  // "an unnamed official", "the red-faced manager": a word in -ed between a
  // determiner and its noun describes it. Not "the firm gained protection":
  // after a noun it is the verb.
  bool AdjectiveAfterDeterminer(std::size_t i) const {
    if (i == 0 || i + 1 >= t_.size() || !IsWord(i + 1) ||
        Has(i + 1, kGrammarWords | internal::kCue | internal::kFiniteVerb) ||
        t_[i + 1].past_form) {
      return false;
    }
    return Has(i - 1, internal::kDeterminer) && !Has(i - 1, internal::kPronoun);
  }

  // Whether the word at `i` can sit inside a subject noun phrase.
  bool InNounPhrase(std::size_t i) const {
    if (!IsWord(i)) return false;
    const uint32_t f = t_[i].flags;
    if ((f & internal::kAuxiliary) && ModalAsName(i)) return true;
    if (f & (internal::kClauseWord | internal::kAuxiliary | internal::kNegation |
             internal::kRefusal)) {
      return false;
    }
    // "Amina Said", "the Met Office": a capitalised word after a capitalised
    // word or a determiner is part of a name, even when it looks like a verb.
    if (t_[i].capitalized && i > 0 && IsWord(i - 1) &&
        ((t_[i - 1].capitalized && !t_[i - 1].possessive) || Has(i - 1, internal::kDeterminer))) {
      return true;
    }
    if (t_[i].past_form && AdjectiveAfterDeterminer(i)) return true;
    if (t_[i].past_form || (f & internal::kFiniteVerb)) return false;
    // A verb of speech ends the phrase, but "ruling", "report" or "comments"
    // may be its head: "the council's ruling said".
    if ((f & internal::kCue) && !(f & (internal::kGroupNoun | internal::kOrgNoun |
                                       internal::kTitle))) {
      const bool noun = (IsIngWord(i) || IsNounLikeCue(i)) && i > 0 &&
                        IsWord(i - 1) &&
                        (Has(i - 1, internal::kDeterminer) || t_[i - 1].possessive);
      if (!noun) return false;
    }
    return true;
  }

  // "Ernst and Young", "Latin America and the Caribbean": "and" between
  // names; "founder and director", "music and marketing manager": in a role.
  bool JoinsNames(std::size_t i, std::size_t lo, std::size_t hi) const {
    if (i <= lo || i + 1 >= hi || !IsWord(i - 1) || !IsWord(i + 1)) return false;
    if (Is(i, "and") && !t_[i - 1].past_form && !t_[i + 1].past_form &&
        !Has(i - 1, internal::kAuxiliary | internal::kFiniteVerb | internal::kDeterminer) &&
        !Has(i + 1, internal::kAuxiliary | internal::kFiniteVerb | internal::kDeterminer) &&
        (Has(i - 1, internal::kTitle) || Has(i + 1, internal::kTitle) ||
         (i + 2 < hi && Has(i + 2, internal::kTitle)))) {
      return true;
    }
    // "the unions and the employers": groups coordinated, each with its
    // article.
    if (Is(i, "and") && Is(i + 1, "the") && i + 2 < hi && Plural(i - 1) && Plural(i + 2)) {
      return true;
    }
    if (!t_[i - 1].capitalized) return false;
    if (IsWord(i + 1) && t_[i + 1].capitalized) return true;
    return Is(i + 1, "the") && i + 2 < hi && IsWord(i + 2) && t_[i + 2].capitalized;
  }

  // A lower-case plural noun or group: "unions", "employers", "analysts".
  bool Plural(std::size_t i) const {
    if (!IsWord(i) || t_[i].capitalized || t_[i].possessive) return false;
    if (Has(i, internal::kGroupNoun)) return true;
    return EndsInPluralS(Text(i)) && !t_[i].past_form &&
           !Has(i, internal::kCue | internal::kFiniteVerb | internal::kAuxiliary |
                       internal::kDeterminer | internal::kPronoun | internal::kClauseWord |
                       internal::kSkippable | internal::kPreposition);
  }

  // Where a time phrase that ends just before `j` starts ("last week",
  // "earlier this month", "in 2003", "this summer"), with a word before it;
  // else `j`.
  std::size_t TimeBefore(std::size_t b, std::size_t j) const {
    if (j < b + 3) return j;
    const std::size_t w = j - 1;
    const bool year = IsNumber(w) && Text(w).size() == 4;
    if (!Has(w, internal::kTimeWord) && !year) return j;
    if (Is(w - 1, "in") || Is(w - 1, "on") || (year && Is(w - 1, "since"))) return w - 1;
    if (!year && (Is(w - 1, "last") || Is(w - 1, "this") || Is(w - 1, "next"))) {
      return (w - 1 > b + 1 && Is(w - 2, "earlier")) ? w - 2 : w - 1;
    }
    return j;
  }

  // Cuts the source after "according to" where a clause starts with no
  // comma: at a determiner after a noun ("According to Mr Peston the prime
  // minister ...", "figures gathered by the researchers the average ..."),
  // or at a number after a name ("According to Gallup 44% of ..."). Returns
  // whether it cut.
  bool CutSource(Range& np) const {
    // Not "local newspaper the Daily Telegraph" (a name in apposition), "a
    // report earlier this week", "all those players", "Il Sole 24 Ore".
    for (std::size_t k = np.begin + 1; k < np.end; ++k) {
      const bool name_next = k + 1 < np.end && t_[k + 1].capitalized;
      const bool determiner =
          k + 1 < np.end && Has(k, internal::kDeterminer) && !t_[k].possessive &&
          !Has(k, internal::kPronoun) &&
          IsWord(k - 1) && !Is(k - 1, "all") && !Is(k - 1, "both") &&
          !Has(k - 1, internal::kDeterminer | internal::kPreposition | internal::kConjunction |
                          internal::kSkippable) &&
          !Has(k + 1, internal::kTimeWord) && (t_[k - 1].capitalized || !name_next);
      if (determiner || (IsNumber(k) && t_[k - 1].capitalized && !name_next)) {
        np.end = k;
        return true;
      }
    }
    return false;
  }

  // Where ", according to X," that ends just before `j` starts (its first
  // comma), else `j`: "and, according to Reuters, once told analysts".
  std::size_t SourceBefore(std::size_t b, std::size_t j) const {
    if (j < b + 5 || !IsPunct(j - 1, ",")) return j;
    for (std::size_t k = j - 2; k > b + 1 && k + 12 > j; --k) {
      if (Is(k, "according") && IsPunct(k - 1, ",")) return k - 1;
      if (!IsWord(k)) break;
    }
    return j;
  }

  // Whether `w` closes a quoted letter that labels a person ("detainee
  // 'A'"), whose marks are taken for apostrophes: mark, letter, mark.
  bool QuotedLetter(std::size_t w) const {
    auto apostrophe = [&](std::size_t i) {
      return IsPunct(i, "'") || IsPunct(i, "\xE2\x80\x98") || IsPunct(i, "\xE2\x80\x99");
    };
    return apostrophe(w) && apostrophe(w - 2) && IsWord(w - 1) && t_[w - 1].capitalized &&
           Text(w - 1).size() <= 2 && IsWord(w - 3);
  }

  // "those questioned", "voters polled", "analysts polled by Reuters": a
  // participle after "those", or a verb of polling after a plural, is part
  // of the subject (a reduced relative), not the verb of a clause.
  bool RespondentParticiple(std::size_t b, std::size_t w) const {
    static constexpr std::string_view kPolled[] = {
        "questioned", "polled", "surveyed", "asked", "interviewed", "quizzed", "sampled",
        "consulted", "contacted"};
    if (w == b || !t_[w].past_form || !IsWord(w - 1)) return false;
    if (Is(w - 1, "those")) return true;
    const std::string_view before = Text(w - 1);
    static constexpr std::string_view kPlurals[] = {"people", "men", "women", "children",
                                                    "staff", "adults"};
    const bool plural = (before.size() > 3 && before.back() == 's' &&
                         !Has(w - 1, internal::kAuxiliary | internal::kFiniteVerb |
                                         internal::kCue)) ||
                        InWordList(before, kPlurals);
    return (!t_[w - 1].capitalized || w - 1 == b) && plural && InWordList(Text(w), kPolled);
  }

  // A number, a fraction or a share that can head a subject: "33", "half",
  // "two-thirds", "a third".
  bool Quantity(std::size_t i) const {
    static constexpr std::string_view kShares[] = {"half", "third", "thirds", "quarter",
                                                   "quarters", "majority", "minority"};
    if (!IsWord(i)) return false;
    if (IsNumber(i)) return true;
    std::string_view w = Text(i);
    const std::size_t hyphen = w.rfind('-');
    if (hyphen != std::string_view::npos) w.remove_prefix(hyphen + 1);
    return InWordList(w, kShares);
  }

  // The noun phrase that ends just before `end`, read leftwards from it.
  Range LeftNounPhrase(std::size_t b, std::size_t end) const {
    std::size_t k = end;
    int n = 0;
    std::size_t label = end;  // a quoted label in the phrase
    while (k > b && n < kMaxSpeakerTokens) {
      const std::size_t w = k - 1;
      if (Has(w, internal::kConjunction)) {
        if (!JoinsNames(w, b, end)) break;
      } else if (label == end && w >= b + 3 && QuotedLetter(w) && !t_[w - 3].capitalized &&
                 InNounPhrase(w - 3)) {
        label = w;  // "detainee 'A' in Woodhill Prison": a letter names a person
        k -= 2;
      } else if (IsPunct(w, "%")) {
        if (w == b || !IsNumber(w - 1)) break;  // "The remaining 33% said"
      } else if (!InNounPhrase(w) && !RespondentParticiple(b, w)) {
        break;
      }
      --k;
      ++n;
    }
    // A phrase cut short inside a share: "% of the 1,000 adults ...".
    if (k < end && IsPunct(k, "%")) ++k;
    while (k < end && Has(k, internal::kPreposition | internal::kConjunction |
                                 internal::kSkippable) &&
           !Has(k, internal::kOrgNoun | internal::kGroupNoun) && !ModalAsName(k)) {
      ++k;
    }
    // "Despite this liking for search sites half of those questioned",
    // "In the UK 69% of those asked": a share after a noun starts the
    // subject, as a determiner does.
    for (std::size_t d = end; d > k + 1;) {
      --d;
      // Most words are followed by neither: one test of the next token.
      if (d + 1 >= end || !(IsPunct(d + 1, "%") || Is(d + 1, "of"))) continue;
      if (!IsWord(d - 1) || !Quantity(d)) continue;
      const bool percent = IsPunct(d + 1, "%");
      const bool after_noun =
          (t_[d - 1].capitalized && percent && d - 1 > b && IsWord(d - 2)) ||
          (!t_[d - 1].capitalized && EndsInPluralS(Text(d - 1)) &&
           !t_[d - 1].possessive);
      if (after_noun &&
          !Has(d - 1, internal::kPreposition | internal::kConjunction | internal::kDeterminer |
                          internal::kSkippable | internal::kAuxiliary)) {
        k = d;
        break;
      }
    }
    // "More than two-thirds of those questioned": a comparison opens the
    // quantity ("than" is otherwise a clause word).
    if (k >= b + 2 && k < end && Is(k - 1, "than") &&
        (Is(k - 2, "more") || Is(k - 2, "less") || Is(k - 2, "fewer")) && Quantity(k)) {
      k -= 2;
    }
    // The labelled person, not the place after it.
    if (label < end && k < label) return {k, label + 1};
    // "In a statement the US Department of Justice said": a determiner
    // after a noun, not after a preposition, starts the subject.
    for (std::size_t d = end; d > k + 1;) {
      --d;
      if (Has(d, internal::kDeterminer) && IsWord(d - 1) &&
          !Has(d - 1, internal::kPreposition | internal::kConjunction | internal::kDeterminer) &&
          !t_[d].possessive && !Has(d, internal::kPronoun)) {
        k = d;
        break;
      }
    }
    // "Last week Preston City Council said": a time opens the sentence.
    if (k + 2 < end && (Is(k, "last") || Is(k, "this") || Is(k, "next") || Is(k, "earlier")) &&
        Has(k + 1, internal::kTimeWord)) {
      k += 2;
    } else if (k + 3 < end && Is(k, "earlier") && Is(k + 1, "this") &&
               Has(k + 2, internal::kTimeWord)) {
      k += 3;
    }
    // "In a talk in California Mr Smith said": an honorific starts a name.
    for (std::size_t h = k + 1; h + 1 < end; ++h) {
      // Not after a title: "MAB spokesman Dr Azzam Tamimi" is one phrase.
      if (Has(h, internal::kHonorific) && t_[h].capitalized && !Has(h - 1, internal::kTitle) &&
          !t_[h - 1].possessive) {
        return {h, end};
      }
    }
    return {k, end};
  }

  // The noun phrase that starts at `begin`, read rightwards up to `limit`.
  Range RightNounPhrase(std::size_t begin, std::size_t limit) const {
    std::size_t k = begin;
    int n = 0;
    while (k < limit && n < kMaxSpeakerTokens) {
      if (Has(k, internal::kConjunction)) {
        if (!JoinsNames(k, begin, limit)) break;
      } else if (!InNounPhrase(k)) {
        break;
      }
      // "economist Jane Doe at IXIS": a place or employer after a name
      // is not part of it; "of" and "for" build names of bodies.
      if (k > begin && Has(k, internal::kPreposition) && t_[k - 1].capitalized &&
          !Is(k, "of") && !Is(k, "for")) {
        break;
      }
      // "Labour later took ...": an adverb after a name ends it.
      if (k > begin && Has(k, internal::kSkippable) && !t_[k].capitalized &&
          t_[k - 1].capitalized) {
        break;
      }
      ++k;
      ++n;
    }
    return {begin, k};
  }

  // The subject of the clause that starts at `b`: past a leading
  // conjunction, and past a leading adverbial ("Last week, ...").
  Range ClauseSubject(std::size_t b, std::size_t limit) const {
    std::size_t s = b;
    // "- Shares in Phytopharm fell ...": a dash or bullet opening a paragraph.
    while (s < limit && t_[s].kind == Kind::kPunct && !IsPunct(s, "(")) ++s;
    // "However, Mr Ferri, who ...": past the adverb and its comma.
    while (s < limit && (Has(s, internal::kConjunction | internal::kSkippable) ||
                         (s > b && IsPunct(s, ",") && Has(s - 1, internal::kSkippable)))) {
      ++s;
    }
    if (s < limit && IsWord(s) &&
        (Has(s, internal::kPreposition | internal::kClauseWord) || Is(s, "last") ||
         Is(s, "according") ||
         Is(s, "this") || Is(s, "next") || IsIngWord(s) ||
         (Text(s).size() > 4 && EndsWith(Text(s), "ing")))) {
      for (std::size_t k = s + 1; k < limit && k < s + 10; ++k) {
        if (IsPunct(k, ",")) {
          s = k + 1;
          break;
        }
        // "According to its estimate, ...": the source may be a cue noun.
        if (!IsWord(k) || (Has(k, internal::kCue | internal::kAuxiliary) && !Is(s, "according"))) {
          break;
        }
      }
    }
    Range np = RightNounPhrase(s, limit);
    // "Mary Hale set out her plans", "Mary Hale spoke on Sunday": after a
    // person's full name, a lower-case word is the verb, even one that no
    // list knows.
    for (std::size_t f = np.begin; f + 2 < np.end && f < np.begin + 4; ++f) {
      if (!t_[f].capitalized || !Has(f, internal::kFirstName)) continue;
      std::size_t r = f + 1;
      while (r < np.end && IsWord(r) && t_[r].capitalized && !t_[r].possessive) ++r;
      if (r > f + 1 && r < np.end && IsWord(r) && !t_[r].capitalized &&
          !Has(r, kGrammarWords | internal::kNameParticle | internal::kTitle) &&
          Text(r).find('-') == std::string_view::npos &&
          !(r + 1 < np.end && t_[r + 1].capitalized)) {  // "Franz Ferdinand frontman Alex ..."
        np.end = r;
      }
      break;
    }
    // "To help finance the expansion the company may sell": a determiner
    // after a noun, not after a preposition, starts the subject.
    for (std::size_t d = np.end; d > np.begin + 1;) {
      --d;
      if (Has(d, internal::kDeterminer) && IsWord(d - 1) && !t_[d].possessive &&
          !Has(d - 1, internal::kPreposition | internal::kConjunction | internal::kDeterminer) &&
          !Has(d, internal::kPronoun)) {
        np.begin = d;
        break;
      }
    }
    return np;
  }

  // ---- Speakers ----------------------------------------------------------

  void Remember(SpeakerInfo info, bool speaker = true) {
    if (info.name.empty()) return;
    Entity ent;
    ent.described = true;
    ent.info = std::move(info);
    ent.speaker = speaker;
    ent.paragraph = current_paragraph_;
    entities_.push_back(std::move(ent));
  }

  void RememberMention(std::size_t begin, std::size_t end, bool salient) {
    Entity ent;
    ent.begin = begin;
    ent.end = end;
    ent.salient = salient;
    ent.paragraph = current_paragraph_;
    entities_.push_back(std::move(ent));
  }

  static bool StandsForAntecedent(const SpeakerInfo& info) {
    return info.family >= 0 || info.same_head != nullptr || info.stands_for_person;
  }

  // The description of entities_[k], made the first time it is asked for.
  const SpeakerInfo& Info(std::size_t k) {
    if (!entities_[k].described) {
      SpeakerInfo info = book_->Describe(entities_[k].begin, entities_[k].end);
      if (StandsForAntecedent(info)) ResolveDescription(info, k);
      entities_[k].info = std::move(info);
      entities_[k].described = true;
    }
    return entities_[k].info;
  }

  // entities_[k] as described, else as it reads on its own: what
  // ResolveDescription() compares, never resolving in turn (a chain of
  // descriptions costs no recursion).
  // Described entities are not copied: `scratch` holds a new description.
  const SpeakerInfo& Peek(std::size_t k, SpeakerInfo& scratch) const {
    if (entities_[k].described) return entities_[k].info;
    scratch = book_->Describe(entities_[k].begin, entities_[k].end);
    return scratch;
  }

  // "the company said" after "Time Warner said": a description stands for
  // the latest organisation among entities_[0, upto) that fits it, quoted
  // first, else in subject position.
  // "the spokesman" stands for the latest speaker so named; "the prime
  // minister" for the latest person in view the story gave no other role.
  void ResolveDescription(SpeakerInfo& info, std::size_t upto) {
    const std::size_t stop = upto > kPronounLookBack ? upto - kPronounLookBack : 0;
    SpeakerInfo scratch;
    if (info.stands_for_person) {
      info.stands_for_person = false;
      const bool age = EndsWith(info.name, "-year-old");
      // One office, one person: "the prime minister" stays who it first
      // was, and "the chancellor" is someone else.
      for (const auto& [role, person] : roles_) {
        if (role == info.name) {
          info.name = person;
          info.gender = book_->GenderOf(person);
          return;
        }
      }
      for (std::size_t k = upto; k > stop;) {
        if (!entities_[--k].salient) continue;
        const SpeakerInfo& found = Peek(k, scratch);
        // A full name ("Tony Blair"), not "Firstly" that opened a sentence.
        const std::size_t last = found.name.rfind(' ');
        if (found.kind != SpeakerKind::kPerson || last == std::string::npos ||
            !(found.name[0] >= 'A' && found.name[0] <= 'Z') ||
            !(found.name[last + 1] >= 'A' && found.name[last + 1] <= 'Z') ||
            book_->HasRole(found.name)) {
          continue;
        }
        bool taken = false;
        bool same = false;
        for (const auto& [role, person] : roles_) {
          taken |= person == found.name && role != info.name;
          same |= person == found.name && role == info.name;
        }
        if (taken) continue;
        if (!same && roles_.size() < kMaxRoles) roles_.emplace_back(info.name, found.name);
        info.name = found.name;
        info.gender = found.gender != Gender::kUnknown ? found.gender : book_->GenderOf(found.name);
        return;
      }
      // "the 31-year-old" with no one to stand for: no person a later "he"
      // should find in place of the name the story used.
      if (age) info.kind = SpeakerKind::kUnknown;
      return;
    }
    if (info.same_head != nullptr) {
      const std::string_view head = info.same_head;
      for (std::size_t k = upto; k > stop;) {
        if (!entities_[--k].speaker) continue;
        const std::string& name = Peek(k, scratch).name;
        const std::size_t first = name.find(' ');
        if (first != std::string::npos &&
            (std::string_view(name).substr(0, first) == head ||
             std::string_view(name).substr(name.rfind(' ') + 1) == head)) {
          info.name = name;
          break;
        }
      }
      info.same_head = nullptr;
      return;
    }
    for (const bool quoted : {true, false}) {
      for (std::size_t k = upto; k > stop;) {
        --k;
        if (!entities_[k].salient || (quoted && !entities_[k].speaker)) continue;
        const SpeakerInfo& found = Peek(k, scratch);
        if (found.kind != SpeakerKind::kThing && found.kind != SpeakerKind::kUnknown) continue;
        if (!book_->FitsFamily(found.name, info.family, quoted)) continue;
        info.name = found.name;
        info.kind = SpeakerKind::kThing;
        info.family = -1;
        return;
      }
    }
  }

  bool IsPronoun(Range r) const { return r.size() == 1 && Has(r.begin, internal::kPronoun); }

  // A report, study or statement that speaks for its author.
  bool IsDocument(std::size_t i) const {
    static constexpr std::string_view kDocuments[] = {
        "report", "study", "survey", "poll", "research", "review", "statement", "estimate",
        "estimates", "figures", "forecast", "forecasts", "data", "analysis", "findings",
        "book", "website", "letter"};
    return IsWord(i) && InWordList(Text(i), kDocuments);
  }

  // The speaker a pronoun at token `i` points back to: the nearest salient
  // mention of a compatible kind and gender.
  // "Sales fell 5%, it said.": a pronoun after the report it attributes
  // never points into that report.
  SpeakerInfo ResolvePronoun(std::size_t i) {
    const bool after_report =
        i > unit_begin_ + 2 && (IsPunct(i - 1, ",") || IsQuote(i - 1));
    return ResolvePronounFlags(t_[i].flags, /*recent_only=*/false,
                               after_report ? unit_begin_ : kNoToken);
  }

  // The same for a pronoun of `f` (kMale, kFemale, kThingPronoun, ...),
  // passing over the mentions made from token `not_from` on.
  SpeakerInfo ResolvePronounFlags(uint32_t f, bool recent_only = false,
                                  std::size_t not_from = kNoToken) {
    const auto skipped = [&](const Entity& ent) {
      return !ent.described && ent.end > ent.begin && ent.begin >= not_from;
    };
    const std::size_t stop =
        entities_.size() > kPronounLookBack ? entities_.size() - kPronounLookBack : 0;
    if (f & (internal::kMale | internal::kFemale)) {
      // A known person first; a bare name that may be a company only if no
      // person fits.
      const Gender want = (f & internal::kMale) ? Gender::kMale : Gender::kFemale;
      // Subjects and speakers of this paragraph or the one before (people,
      // then bare names), then people merely named there, then older ones.
      struct Tier {
        SpeakerKind kind;
        bool salient;
        bool recent_only;
      };
      constexpr Tier kTiers[] = {{SpeakerKind::kPerson, true, true},
                                 {SpeakerKind::kUnknown, true, true},
                                 {SpeakerKind::kPerson, false, true},
                                 {SpeakerKind::kPerson, true, false},
                                 {SpeakerKind::kUnknown, true, false}};
      for (const Tier& tier : kTiers) {
        for (std::size_t k = entities_.size(); k > stop;) {
          Entity& ent = entities_[--k];
          if (ent.salient != tier.salient || skipped(ent)) continue;
          if (tier.recent_only && ent.paragraph + 1 < current_paragraph_) continue;
          const SpeakerInfo& info = Info(k);
          if (info.kind != tier.kind || info.name.empty()) continue;
          // A bare word that may be a person is more often a place or a
          // body ("Amsterdam", "Leeds"): "he" wants a full name, or a
          // surname that spoke ("Federer said").
          if (info.kind == SpeakerKind::kUnknown && !ent.speaker &&
              info.name.find(' ') == std::string::npos) {
            continue;
          }
          const Gender have =
              info.gender != Gender::kUnknown ? info.gender : book_->GenderOf(info.name);
          if (have != Gender::kUnknown && have != want) continue;
          book_->LearnGender(info.name, want);
          SpeakerInfo person;
          person.name = info.name;
          person.kind = SpeakerKind::kPerson;
          person.gender = want;
          return person;
        }
      }
      return {};
    }
    for (std::size_t k = entities_.size(); k > stop;) {
      if (!entities_[--k].salient || skipped(entities_[k])) continue;
      if (recent_only && entities_[k].paragraph + 1 < current_paragraph_) break;
      const SpeakerInfo& info = Info(k);
      if (info.name.empty()) continue;
      const SpeakerKind kind = info.kind;
      const bool fits = (f & internal::kThingPronoun)
                            ? (kind == SpeakerKind::kThing || kind == SpeakerKind::kUnknown)
                            : (kind == SpeakerKind::kGroup || kind == SpeakerKind::kThing);
      if (fits) return info;
    }
    return {};
  }

  SpeakerInfo DescribeMention(Range r) {
    if (IsPronoun(r)) return ResolvePronoun(r.begin);
    // "This says ...": the document or body just in view, as "it" finds
    // it, in this paragraph or the one before.
    if (r.size() == 1 && Is(r.begin, "this")) {
      return ResolvePronounFlags(internal::kThingPronoun, /*recent_only=*/true);
    }
    // "According to its estimate", "his report said": a document speaks for
    // its author.
    if (r.size() == 2 && Has(r.begin, internal::kDeterminer) && IsDocument(r.begin + 1)) {
      uint32_t pronoun = 0;
      if (Is(r.begin, "its")) pronoun = internal::kThingPronoun;
      if (Is(r.begin, "their")) pronoun = internal::kPluralPronoun;
      if (Is(r.begin, "his")) pronoun = internal::kMale;
      if (Is(r.begin, "her")) pronoun = internal::kFemale;
      if (pronoun != 0) {
        SpeakerInfo author = ResolvePronounFlags(pronoun);
        if (!author.name.empty()) return author;
      }
    }
    // "detainee 'A'": the description and its letter, without the marks.
    if (r.size() >= 4 && QuotedLetter(r.end - 1)) {
      SpeakerInfo info = book_->Describe(r.begin, r.end - 3);
      info.name += ' ';
      info.name += Text(r.end - 2);
      return info;
    }
    SpeakerInfo info = book_->Describe(r.begin, r.end);
    if (StandsForAntecedent(info)) ResolveDescription(info, entities_.size());
    return info;
  }

  Speaker SpeakerFrom(Range r) {
    Speaker s;
    if (r.empty() || !options_.attribute_speakers) return s;
    s.mention = SpanOf(r);
    SpeakerInfo info = DescribeMention(r);
    s.name = info.name;
    Remember(std::move(info));
    return s;
  }

  // Puts the subject of the sentence (the unit, up to `e`) among the
  // salient mentions, so that a later "he" can find it even when it was
  // quoted nowhere.
  void RememberSubject(const QuoteUnit& unit, std::size_t e) {
    if (!options_.attribute_speakers) return;
    const std::size_t b = unit.begin;
    // A headline (a first paragraph without final punctuation) has no subject.
    if (t_[b].paragraph == 0 && IsWord(tk_.units.front().end - 1)) return;
    if (unit.word_flags & (internal::kTitle | internal::kHonorific)) RememberNamedPeople(b, e);
    Range np = ClauseSubject(b, e);
    if (np.empty()) return;
    // "The Secretary of State for Culture, Tessa Jowell, has ...": the name.
    if (np.end + 2 < e && IsPunct(np.end, ",")) {
      std::size_t k = np.end + 1;
      while (k < e && k < np.end + 5 && IsWord(k) && t_[k].capitalized) ++k;
      if (k > np.end + 1 && k < e && IsPunct(k, ",")) np = {np.end + 1, k};
    }
    // "This is the right step": a demonstrative names no one.
    if (np.size() == 1 && Has(np.begin, internal::kDeterminer)) return;
    if (IsPronoun(np)) {
      Remember(ResolvePronoun(np.begin), /*speaker=*/false);
      NoteSubject(np);
      return;
    }
    // "Shares in Phytopharm fell", "Profits at Tesco rose": the company is
    // the one in view (not "Residents of Kibera", people who may speak).
    if (np.begin + 2 < e && !t_[np.begin].possessive && EndsInPluralS(Text(np.begin)) &&
        !Has(np.begin, internal::kGroupNoun | internal::kTitle) &&
        (Is(np.begin + 1, "in") || Is(np.begin + 1, "at") || Is(np.begin + 1, "of"))) {
      const Range owner = RightNounPhrase(np.begin + 2, e);
      if (!owner.empty() && t_[owner.end - 1].capitalized) np = owner;
    }
    // "Mr Brown's trip": the possessor is the one in view.
    for (std::size_t k = np.begin; k < np.end; ++k) {
      if (t_[k].possessive && t_[k].capitalized) {
        RememberMention(np.begin, k + 1, /*salient=*/true);
        return;
      }
    }
    const QuoteToken& head = t_[np.end - 1];
    if (head.capitalized ||
        (head.flags & (internal::kTitle | internal::kOrgNoun | internal::kGroupNoun))) {
      RememberMention(np.begin, np.end, /*salient=*/true);
      NoteSubject(np);
    }
  }

  // The subject of the current unit, for a quotation that follows it with
  // no cue: "Robert Tapsfield criticised the system. \"There is no logic
  // ...\"" is Tapsfield speaking.
  void NoteSubject(Range np) {
    subject_unit_ = unit_index_;
    subject_ = np;
  }

  // People named with a title or honorific anywhere in the sentence
  // ("met President Marek Novak"): what "he" falls back on when no subject
  // or speaker fits.
  void RememberNamedPeople(std::size_t b, std::size_t e) {
    for (std::size_t k = b; k + 1 < e; ++k) {
      if (!Has(k, internal::kTitle | internal::kHonorific) || !t_[k].capitalized ||
          !IsWord(k + 1) || !t_[k + 1].capitalized || Has(k + 1, internal::kTitle)) {
        continue;
      }
      std::size_t end = k + 1;
      while (end < e && IsWord(end) && t_[end].capitalized && !Has(end, internal::kOrgNoun) &&
             end < k + 4) {
        ++end;
        if (t_[end - 1].possessive) break;
      }
      // "State Environmental Protection Agency" names a body, not a person.
      if (end < e && IsWord(end) && t_[end].capitalized && Has(end, internal::kOrgNoun)) {
        k = end;
        continue;
      }
      RememberMention(k, end, /*salient=*/false);
      k = end - 1;
    }
  }

  // ---- Quotes ------------------------------------------------------------

  void Add(ByteSpan span, QuoteKind kind, const std::optional<ByteSpan>& cue,
           const Speaker& speaker, float confidence) {
    Quote q;
    q.span = span;
    q.kind = kind;
    q.cue = cue;
    q.speaker = speaker.mention;
    q.speaker_name = speaker.name;
    q.confidence = confidence;
    if (speaker.mention) {
      last_speaker_ = speaker;
      last_paragraph_ = current_paragraph_;
      has_last_speaker_ = true;
    }
    last_quote_unit_ = unit_index_;
    quotes_.push_back(std::move(q));
  }

  bool EndsWithTerminal(ByteSpan content) const {
    std::size_t end = content.end;
    while (end > content.begin && (text_[end - 1] == ' ' || text_[end - 1] == '\n')) --end;
    if (end == content.begin) return false;
    const char c = text_[end - 1];
    return c == '.' || c == '!' || c == '?';
  }

  ByteSpan StretchContent(std::size_t i) const { return stretches_[t_[i].stretch].content; }
  float StretchConfidence(std::size_t i, float base) const {
    return stretches_[t_[i].stretch].closed ? base : base * 0.7f;
  }

  // Reports the content tokens `r` credited to `speaker` through `cue`.
  // Returns false when `r` is no quote (an indirect stretch that is no
  // clause, or a bare object of a cue like "described").
  bool Emit(Range r, const Cue& cue, const Speaker& speaker, bool after_that) {
    // Trim punctuation at both ends.
    while (!r.empty() && t_[r.begin].kind == Kind::kPunct) ++r.begin;
    // "risen by 15%": a per cent sign belongs to its number.
    while (!r.empty() && t_[r.end - 1].kind == Kind::kPunct && !IsPunct(r.end - 1, "%")) --r.end;
    if (r.empty()) return false;
    const std::optional<ByteSpan> cue_span =
        ByteSpan{t_[cue.begin].span.begin, t_[cue.end - 1].span.end};
    const int quotes = QuoteCount(r);
    if (IsObjectOnlyCue(cue)) {
      // "called it \"a farce\"" names what was said; "links called
      // \"trackers\"" only names a thing.
      if (quotes == 0 || IsQuote(r.begin)) return false;
      for (std::size_t k = r.begin; k < r.end; ++k) {
        if (IsQuote(k)) {
          Add(StretchContent(k), QuoteKind::kPartial, cue_span, speaker,
              StretchConfidence(k, 0.7f));
        }
      }
      return true;
    }
    if (WordCount(r) == 0) {  // quotations only: "\"A,\" \"B,\" she added."
      for (std::size_t k = r.begin; k < r.end; ++k) {
        if (IsQuote(k)) {
          Add(StretchContent(k), QuoteKind::kDirect, k == r.begin ? cue_span : std::nullopt,
              speaker, StretchConfidence(k, k == r.begin ? 0.95f : 0.8f));
        }
      }
      return true;
    }
    if (quotes > 0) {
      Add(SpanOf(r), QuoteKind::kMixed, cue_span, speaker, 0.8f);
      return true;
    }
    if (!after_that && (Is(r.begin, "on") || Is(r.begin, "in") || Is(r.begin, "at") ||
                        Is(r.begin, "during") || Is(r.begin, "after"))) {
      // "said on Thursday there were no plans": a short time or place
      // phrase before the clause.
      std::size_t k = r.begin + 1;
      if (k < r.end && Has(k, internal::kDeterminer)) ++k;
      if (k < r.end && IsWord(k)) ++k;
      const Range rest{k, r.end};
      if (WordCount(rest) >= 3 && HasFiniteVerb(rest) && IsWord(k) && OpensClause(k)) r = rest;
    }
    if (!after_that) {
      // "said on Monday", "said McIlroy, who ...", "maintains his form".
      if (Has(r.begin, internal::kPreposition | internal::kConjunction) || IsRelative(r.begin) ||
          WordCount(r) < 3 ||
          !HasFiniteVerb(r) || ((cue.flags & internal::kWeakCue) && !SubjectThenVerb(r))) {
        return false;
      }
    }
    const bool passive = !speaker.mention;
    Add(SpanOf(r), QuoteKind::kIndirect, cue_span, speaker,
        (after_that ? 0.8f : 0.7f) - (passive ? 0.1f : 0.0f));
    return true;
  }

  // "maintains the case has no place ...", "the data showed prices rose":
  // a weak cue's clause with no "that" opens with a short subject and its
  // verb; "maintains his form", "revealed the full scale of ..." do not.
  bool SubjectThenVerb(Range r) const {
    // A bare plural noun may be the subject too: "figures show prices rose".
    const bool bare_noun = !r.empty() && IsWord(r.begin) && !OpensClause(r.begin) &&
                           !t_[r.begin].capitalized && !t_[r.begin].past_form &&
                           EndsWith(Text(r.begin), "s") && !EndsWith(Text(r.begin), "ss") &&
                           !Has(r.begin, internal::kPreposition | internal::kConjunction |
                                             internal::kCue | internal::kNegation |
                                             internal::kFiniteVerb);
    // "government figures show": a noun before the plural, then a verb of
    // report.
    const bool compound = !bare_noun && r.begin + 2 < r.end && IsWord(r.begin) &&
                          !t_[r.begin].capitalized && !OpensClause(r.begin) &&
                          !Has(r.begin, internal::kPreposition | internal::kConjunction |
                                            internal::kCue | internal::kNegation |
                                            internal::kFiniteVerb) &&
                          !t_[r.begin].past_form &&
                          IsWord(r.begin + 1) && !t_[r.begin + 1].capitalized &&
                          EndsWith(Text(r.begin + 1), "s") && Has(r.begin + 1, internal::kGroupNoun) &&
                          Has(r.begin + 2, internal::kCue) && !IsIngWord(r.begin + 2);
    if (compound) return true;
    if (r.empty() || !IsWord(r.begin) || !(OpensClause(r.begin) || bare_noun) ||
        Has(r.begin, internal::kClauseWord | internal::kObjectPronoun | internal::kAuxiliary)) {
      return false;
    }
    // After a bare noun the verb comes at once: not "proves the former ...".
    for (std::size_t k = r.begin + 1; k < r.end && k < r.begin + (bare_noun ? 3 : 6); ++k) {
      if (!IsWord(k) || (bare_noun && Has(k, internal::kDeterminer))) return false;
      if (Has(k, internal::kAuxiliary | internal::kFiniteVerb) ||
          (t_[k].past_form && k + 1 < r.end && !Has(k + 1, internal::kPreposition))) {
        return true;
      }
      if (Has(k, internal::kPreposition | internal::kClauseWord | internal::kConjunction |
                     internal::kPronoun)) {
        return false;
      }
    }
    return false;
  }

  // "described the plan as a fantasy": a described thing, then "as" and
  // what it was described as.
  bool DescribedAs(const Cue& cue, std::size_t s, std::size_t end) const {
    if (Text(cue.begin).substr(0, 7) != "describ" || !IsWord(s) ||
        !(t_[s].capitalized || Has(s, internal::kDeterminer | internal::kPronoun |
                                          internal::kObjectPronoun))) {
      return false;
    }
    for (std::size_t k = s + 1; k + 1 < end && k < s + 8; ++k) {
      if (Is(k, "as")) return IsWord(k + 1);
      if (!IsWord(k) || Has(k, internal::kAuxiliary | internal::kClauseWord)) return false;
    }
    return false;
  }

  // Cues like "described" and "called" that take a quoted noun phrase, not
  // a clause (quote_object_cue_verbs.txt).
  bool IsObjectOnlyCue(const Cue& cue) const { return (cue.flags & internal::kObjectCue) != 0; }

  // Where the reported clause after `begin` starts: past a listener ("told
  // investors"), an adverbial ("said on Tuesday") and "that".
  std::size_t ClauseStart(const Cue& cue, std::size_t begin, std::size_t e,
                          bool* after_that) const {
    *after_that = false;
    std::size_t s = SkipSettings(begin, e);
    if (s >= e) return begin;
    const bool tell = (cue.flags & internal::kTellVerb) != 0;
    const bool adverbial_first = Has(s, internal::kPreposition | internal::kSkippable |
                                            internal::kObjectPronoun | internal::kGroupNoun) ||
                                 (tell && IsWord(s) && !Has(s, internal::kPronoun) &&
                                  (t_[s].capitalized || InNounPhrase(s)));
    if (Is(s, "that")) {
      *after_that = true;
      return s + 1;
    }
    // "is said to have praised ...", "has been accused of misleading ...":
    // a passive with no agent reports what follows.
    // Not in a relative clause ("X, who is accused of fraud, never ..."):
    // the sentence's own report comes later.
    std::size_t a = cue.begin;
    while (a > 0 && Has(a - 1, internal::kAuxiliary)) --a;
    const bool passive = a < cue.begin && Has(cue.begin - 1, internal::kPassiveAux) &&
                         !(a > 0 && IsRelative(a - 1));
    if (passive && s + 2 < e && Is(s, "to") && Is(s + 1, "have")) {
      *after_that = true;
      return s + 2;
    }
    if (passive && s + 1 < e && Is(s, "of") && IsAccuseCue(cue.begin)) {
      *after_that = true;
      return s + 1;
    }
    if (adverbial_first) {
      // A listener and a time may both come first: "told US TV network Fox
      // News on Sunday that ...".
      // After "told", a participle may describe the setting: "told the
      // Financial Times in an interview published on Sunday that ...".
      const bool tell_cue = IsTellCue(cue.begin);
      const std::size_t reach = tell_cue ? 14 : 7;
      for (std::size_t k = s; k < e && k < s + reach; ++k) {
        if (Is(k, "that")) {
          *after_that = true;
          return k + 1;
        }
        const bool setting_participle = tell_cue && t_[k].past_form && k > s && k + 1 < e &&
                                        Has(k + 1, internal::kPreposition);
        if (!IsWord(k) || Has(k, internal::kAuxiliary) ||
            (t_[k].past_form && !setting_participle)) {
          break;
        }
      }
    }
    // A listener with no "that": "told investors the company will ...",
    // "told a parliamentary committee the bank expected ...".
    // Not after "warned" or "asked", whose object may be the clause's
    // subject: "the company warned the move would cut profits".
    const bool plural = IsWord(s) && !t_[s].capitalized && Text(s).size() > 3 &&
                        Text(s).back() == 's' && InNounPhrase(s);  // "assured allies"
    if (IsTellCue(cue.begin) && IsWord(s) &&
        (t_[s].capitalized || plural ||
         Has(s, internal::kDeterminer | internal::kObjectPronoun | internal::kGroupNoun)) &&
        !Has(s, internal::kPronoun)) {
      const std::size_t k = SkipSettings(ListenerEnd(s, e), e);
      const bool subject_next = k < e && IsWord(k) &&
                                (t_[k].capitalized || Has(k, internal::kDeterminer |
                                                                 internal::kPronoun |
                                                                 internal::kGroupNoun));
      if (k > s && subject_next) return k;
    }
    return s;
  }

  // One past the listener that starts at `s` after a verb like "told": an
  // object pronoun, or a noun phrase that ends where a determiner or
  // pronoun opens the clause ("a parliamentary committee | the bank ...").
  std::size_t ListenerEnd(std::size_t s, std::size_t e) const {
    if (Has(s, internal::kObjectPronoun)) return s + 1;
    std::size_t k = s;
    if (Has(k, internal::kDeterminer)) ++k;
    while (k < e && k < s + kMaxSpeakerTokens && (ConnectsName(k, e) || InListener(s, k))) ++k;
    return k;
  }

  // Whether the word at `k` continues a listener that starts at `s`. A
  // capitalised time word inside a name does: "BBC Radio 4's Today".
  bool InListener(std::size_t s, std::size_t k) const {
    if (!InNounPhrase(k) || Has(k, internal::kDeterminer | internal::kPronoun |
                                       internal::kPreposition | internal::kConjunction)) {
      return false;
    }
    return !Has(k, internal::kTimeWord) ||
           (t_[k].capitalized && k > s && (t_[k - 1].capitalized || t_[k - 1].possessive));
  }

  // "of", "for" or "the" inside a name: "CNN's State of the Union",
  // "Court of Appeals for the District of Columbia".
  bool ConnectsName(std::size_t k, std::size_t e) const {
    auto capital = [&](std::size_t i) { return i < e && IsWord(i) && t_[i].capitalized; };
    if (k == 0 || k + 1 >= e) return false;
    if (Is(k, "of") || Is(k, "for")) {
      return capital(k - 1) && (capital(k + 1) || (Is(k + 1, "the") && capital(k + 2)));
    }
    return Is(k, "the") && (Is(k - 1, "of") || Is(k - 1, "for")) && capital(k + 1);
  }

  // One past the time and setting phrases that start at `s`, between a cue
  // and its clause: "Thursday", "on Monday night", "last week", "earlier
  // this month", "at the weekend", "in a statement", "at a news conference
  // on Friday".
  std::size_t SkipSettings(std::size_t s, std::size_t e) const {
    static constexpr std::string_view kSettingNouns[] = {
        "statement", "interview", "report", "letter", "speech", "briefing", "conference",
        "post", "filing", "email", "broadcast", "message", "video", "release", "note",
        "meeting", "hearing", "debate", "summit", "rally"};
    const std::size_t start = s;
    for (;;) {
      std::size_t k = s;
      if (k < e && (Is(k, "on") || Is(k, "last") || Is(k, "this") || Is(k, "next") ||
                    Is(k, "late") || Is(k, "early"))) {
        ++k;
      }
      if (k + 1 < e && Is(k, "at") && Is(k + 1, "the")) k += 2;  // "at the weekend"
      if (k < e && Is(k, "this")) ++k;  // "earlier this week"
      std::size_t t = k;
      while (t < e && t < k + 3 && !t_[t].possessive &&
             (Has(t, internal::kTimeWord) ||
              (IsWord(t) && Text(t)[0] >= '0' && Text(t)[0] <= '9' && t > s))) {
        ++t;
      }
      if (t > k && (k == s || Has(t - 1, internal::kTimeWord) || t > k + 1)) {
        s = t;
        continue;
      }
      // "on 30 July, 2002": a year after a comma closes the date.
      if (s > start && s + 1 < e && IsPunct(s, ",") && Has(s - 1, internal::kTimeWord) &&
          IsNumber(s + 1) && Text(s + 1).size() == 4) {
        s += 2;
        continue;
      }
      // "in a statement", "at a news conference".
      if (s + 2 < e && (Is(s, "in") || Is(s, "at")) && Has(s + 1, internal::kDeterminer)) {
        std::size_t n = s + 2;
        while (n < e && n < s + 5 && IsWord(n) && !InWordList(Text(n), kSettingNouns)) ++n;
        if (n < e && InWordList(Text(n), kSettingNouns)) {
          s = n + 1;
          continue;
        }
      }
      // "said January was the warmest": the time word was the subject.
      if (s > start && s < e && (t_[s].past_form || Has(s, internal::kAuxiliary |
                                                               internal::kFiniteVerb))) {
        return start;
      }
      return s;
    }
  }

  // Where the reported clause that starts at `s` ends: at a semicolon, at a
  // second report by the same speaker (", adding ...", "but said ..."),
  // at the dash closing a parenthesis the cue stands in, at the comma
  // closing a fronted subordinate clause the cue stands in ("While ...,",
  // "With polls showing ...,"), or at `e`.
  std::size_t ClauseEnd(std::size_t b, const Cue& cue, std::size_t s, std::size_t e) const {
    bool in_dashes = false;
    for (std::size_t k = b; k < cue.begin; ++k) in_dashes ^= IsDash(k);
    // "Mr Mubanga, who insists he is not bitter, said: ...": a relative
    // clause ends where its antecedent's own cue follows a comma.
    std::size_t r = cue.begin;
    while (r > b && (Has(r - 1, internal::kSkippable) || IsLyAdverb(r - 1))) --r;
    const bool relative = r > b && (Is(r - 1, "who") || Is(r - 1, "which"));
    // "While it predicts a fall in prices, it said ...": a cue inside a
    // fronted subordinate clause reports up to the comma that closes it.
    static constexpr std::string_view kSubordinators[] = {
        "while", "whilst", "although", "though", "whereas", "if", "because", "since",
        "unless", "once", "when", "with"};
    // Decided at the first comma: most clauses have none.
    auto fronted = [&]() {
      std::size_t first = b;
      while (first < cue.begin && t_[first].kind == Kind::kPunct) ++first;
      if (first >= cue.begin || !IsWord(first) || !InWordList(Text(first), kSubordinators)) {
        return false;
      }
      for (std::size_t k = first; k < cue.begin; ++k) {
        if (IsPunct(k, ",")) return false;
      }
      return true;
    };
    int fronted_clause = -1;  // unknown
    int parentheses = 0;
    for (std::size_t k = s; k < e; ++k) {
      if (IsPunct(k, "(")) ++parentheses;
      if (IsPunct(k, ")") && parentheses > 0) --parentheses;
      if (parentheses > 0) continue;  // "(£175m; $328m)"
      if (IsPunct(k, ";")) {
        // "was £192,713 in England; £139,544 in Wales": a list of items
        // with no verb of their own stays in the clause.
        std::size_t n = k + 1;
        while (n < e && !IsPunct(n, ";")) ++n;
        if (n == k + 1 || HasFiniteVerb({k + 1, n}) || QuoteCount({k + 1, n}) > 0) return k;
        k = n - 1;
        continue;
      }
      if (in_dashes && IsDash(k)) return k;
      if (IsPunct(k, ",")) {
        if (fronted_clause < 0) fronted_clause = fronted() ? 1 : 0;
        if (fronted_clause == 1) return k;
      }
      if (relative && IsPunct(k, ",") && k + 1 < e && Has(k + 1, internal::kCue) &&
          !t_[k + 1].capitalized && !IsIngWord(k + 1)) {
        return k;
      }
      if (IsPunct(k, ",") && k + 1 < e && IsIngWord(k + 1) &&
          Has(k + 1, internal::kCue | internal::kParticipleCue)) {
        return k;  // ", vowing to ...", ", adding that ..."
      }
      // ", prompting unions to threaten action", ", fearing a backlash":
      // what the report set off, or what the speaker felt, is narration.
      static constexpr std::string_view kNarration[] = {
          "prompting", "sparking", "triggering", "fuelling", "fueling", "provoking", "fearing"};
      if (IsPunct(k, ",") && k + 1 < e && IsIngWord(k + 1) && k > s &&
          InWordList(Text(k + 1), kNarration)) {
        return k;
      }
      if (Has(k, internal::kConjunction) && (Is(k, "but") || Is(k, "and"))) {
        std::size_t n = k + 1;
        while (n < e && Has(n, internal::kSkippable)) ++n;
        if (n < e && IsWord(n) && !t_[n].capitalized &&
            Has(n, internal::kCue | internal::kRefusal) && !Has(n, internal::kGroupNoun)) {
          return k;
        }
        // "..., and Bates said: ...", "... but analysts told Reuters ...": a
        // second speaker's report.
        std::size_t v = n;
        while (v < e && v < n + 4 && InNounPhrase(v) && !Has(v, internal::kCue)) ++v;
        if (v > n && v < e && IsWord(v) && Has(v, internal::kCue) && !t_[v].capitalized &&
            !IsIngWord(v) && !IsNounLikeCue(v) && v + 1 < e && OpensClause(v + 1)) {
          return k > s && IsPunct(k - 1, ",") ? k - 1 : k;
        }
      }
    }
    return e;
  }

  // The subject of `cue` and how it was found.
  struct Subject {
    Range np;
    bool inverted = false;   // "said Mr Barber"
    bool passive = false;    // "were warned", "it was announced"
    bool conjoined = false;  // "... but said": the clause's subject
    bool bare_final = false;  // "R Speaker Michael Martin has ruled.": no comma
    bool passive_final = false;  // "R, a court has been told.": no agent
    std::size_t before = 0;  // first token of the attribution (subject or cue)
    std::size_t after = 0;   // first token after cue and inverted subject
  };

  Subject FindSubject(std::size_t b, std::size_t e, const Cue& cue) const {
    Subject s;
    s.before = cue.begin;
    s.after = cue.end;
    std::size_t j = GoesOnTo(b, cue.begin) ? cue.begin - 3 : cue.begin;
    // "has also", "however", "defiantly": adverbs between subject and cue;
    // "last week", "in 2003": a time ("Mr Straw last week said"); "all",
    // "both" after the subject ("The CML and the BBA both said").
    for (;;) {
      if (j > b && (Has(j - 1, internal::kSkippable) || IsLyAdverb(j - 1)) &&
          !IsNegation(j - 1) && !ModalAsName(j - 1)) {
        --j;
      } else if (j > b + 1 && (Is(j - 1, "all") || Is(j - 1, "both"))) {
        --j;
      } else if (j > b + 2 && Is(j - 1, "long") && Has(j - 2, internal::kAuxiliary)) {
        --j;  // "The firm has long denied": an adverb, not the subject
      } else if (j > b + 1 && IsIngWord(cue.begin) && Has(j - 1, internal::kAuxiliary)) {
        --j;  // "is calling on", "has been urging"
      } else if (const std::size_t time = TimeBefore(b, j); time < j) {
        j = time;
      } else if (const std::size_t source = SourceBefore(b, j); source < j) {
        j = source;
      } else {
        break;
      }
    }
    // "Mr Schroeder - a supporter of the pact - said": step over the dashes.
    if (j > b + 2 && IsDash(j - 1)) {
      std::size_t k = j - 1;
      while (k > b && k + 30 > j && !IsDash(k - 1) && !IsQuote(k - 1)) --k;
      if (k > b + 1 && IsDash(k - 1) && IsWord(k - 2)) {
        s.np = LeftNounPhrase(b, k - 1);
        s.before = s.np.empty() ? j : s.np.begin;
        if (!s.np.empty()) return s;
      }
    }
    // "The British Chambers of Commerce (BCC) said": step over the brackets.
    if (j > b + 1 && IsPunct(j - 1, ")")) {
      std::size_t k = j - 1;
      while (k > b && k + 8 > j && !IsPunct(k - 1, "(")) --k;
      if (k > b + 1 && IsPunct(k - 1, "(") && IsWord(k - 2)) {
        s.np = LeftNounPhrase(b, k - 1);
        s.before = s.np.empty() ? j : s.np.begin;
        if (!s.np.empty()) return s;
      }
    }
    // Not "is calling on": a progressive.
    if (j > b && Has(j - 1, internal::kPassiveAux) && !IsIngWord(cue.begin)) {
      s.passive = true;
      // "it was announced": "it" stands for nothing.
      s.before = j - 1;
      if (s.before > b && Is(s.before - 1, "it")) --s.before;
      // "R, a Houston court has been told.": the listener closes the
      // sentence, and what comes before the comma is the report.
      if (cue.end == e) {
        std::size_t a = j - 1;
        while (a > b && Has(a - 1, internal::kAuxiliary)) --a;
        const Range listener = LeftNounPhrase(b, a);
        if (!listener.empty() && listener.begin > b + 1 && IsPunct(listener.begin - 1, ",")) {
          s.before = listener.begin;
          s.passive_final = true;
          return s;
        }
      }
      // "described as \"idle speculation\" by Downing Street": the agent.
      for (std::size_t k = cue.end; k + 1 < e && k < cue.end + 12; ++k) {
        if (Is(k, "that") || Has(k, internal::kAuxiliary)) break;
        if (Is(k, "by")) {
          // Not "by feeding the speculation": a means, not an agent.
          if (!IsIngWord(k + 1)) s.np = RightNounPhrase(k + 1, e);
          break;
        }
      }
      return s;
    }
    // "actor George C Scott, who said ...": the relative's antecedent.
    if (j > b + 1 && (Is(j - 1, "who") || Is(j - 1, "which"))) {
      std::size_t before = IsPunct(j - 2, ",") ? j - 2 : j - 1;
      // "says King, 30, who describes ...": an age is no antecedent.
      if (before >= b + 3 && IsNumber(before - 1) && IsPunct(before - 2, ",")) before -= 2;
      s.np = LeftNounPhrase(b, before);
      s.before = cue.begin;  // nothing before a relative clause is its content
      s.conjoined = true;
      return s;
    }
    if (j > b && (IsWord(j - 1) || (j >= b + 4 && QuotedLetter(j - 1)) || ShareSubject(b, j))) {
      if (Has(j - 1, internal::kConjunction)) {
        s.np = ClauseSubject(b, j - 1);
        s.conjoined = true;
        return s;
      }
      s.np = LeftNounPhrase(b, j);
      // "At his press conference on Tuesday he said": the pronoun alone.
      if (s.np.size() > 1 && Has(j - 1, internal::kPronoun)) s.np = {j - 1, j};
      // "Jane Doe, spokeswoman for the committee said": the name before a
      // role in apposition is the speaker.
      // So is "Mark Reed, from the Transport union said": the comma closing
      // the appositive is missing.
      const std::size_t from = !s.np.empty() && s.np.begin > b + 2 &&
                                       Has(s.np.begin - 1, internal::kPreposition) &&
                                       IsPunct(s.np.begin - 2, ",")
                                   ? s.np.begin - 1
                                   : s.np.begin;
      if (!s.np.empty() && from > b + 1 && IsPunct(from - 1, ",") &&
          (from < s.np.begin ||
           (!t_[s.np.begin].capitalized && Has(s.np.begin, internal::kTitle)))) {
        const Range name = LeftNounPhrase(b, from - 1);
        if (!name.empty() && t_[name.end - 1].capitalized && !Is(name.begin, "according") &&
            (name.begin == b || IsQuote(name.begin - 1))) {
          s.np = name;
        }
      }
      // "MPs will be thrown out if they use Blackberries in the chamber
      // Speaker Michael Martin has ruled.": a person's name closing the
      // sentence after a long clause, with no comma, attributes it.
      if (cue.end == e && s.np.size() >= 3) {
        std::size_t r = j;
        bool person = false;
        while (r > s.np.begin && t_[r - 1].capitalized && !t_[r - 1].possessive) {
          --r;
          person |= Has(r, internal::kFirstName | internal::kTitle | internal::kHonorific);
        }
        // Not "as former member Robert Kilroy-Silk once declared".
        bool clause_word = false;
        for (std::size_t k = r > b + 4 ? r - 4 : b; k < r; ++k) {
          clause_word |= Has(k, internal::kClauseWord);
        }
        if (person && !clause_word && j - r >= 2 && r >= b + 6 && IsWord(r - 1) &&
            !t_[r - 1].capitalized &&
            !Has(r - 1, internal::kDeterminer | internal::kPreposition | internal::kConjunction |
                            internal::kTitle)) {
          s.np = {r, j};
          s.bare_final = true;
        }
      }
      s.before = s.np.empty() ? j : s.np.begin;
      return s;
    }
    // Nothing or punctuation before the cue: "said X" after a quotation, or
    // "X, of Y, said ...". An appositive right after a quotation or at the
    // start of the sentence wins: "\"Q,\" Jane Doe, an analyst, told Reuters."
    bool anchored = false;
    bool after_quote = false;
    const Range apposed = (j > b && IsPunct(j - 1, ","))
                              ? AppositiveSubject(b, j - 1, &anchored, &after_quote)
                              : Range{};
    const Range right = RightNounPhrase(cue.end, e);
    // "said economist Jane Doe at IXIS": a short place or employer may follow.
    const bool trailing_place = right.end < e && Has(right.end, internal::kPreposition) &&
                                e - right.end <= 5;
    // "said Nadal afterwards", "said X earlier this month".
    const bool adverb_tail = right.end < e && Has(right.end, internal::kSkippable) &&
                             ShortTail(right.end, e);
    // "told the BBC": a listener, never a speaker; "accused of ...": no
    // noun phrase at all.
    const bool inverted = !right.empty() && !Is(right.begin, "that") &&
                          !IsListenerCue(cue.begin) && CanInvert(cue, right) &&
                          !Has(right.begin, internal::kObjectPronoun | internal::kPreposition |
                                                internal::kClauseWord) &&
                          (right.end == e || trailing_place || IsPunct(right.end, ",") ||
                           IsPunct(right.end, ":") || IsQuote(right.end) || adverb_tail ||
                           OpensRelative(right.end));
    // "R, said analysts." closes its sentence: inverted. "\"Q,\" Jane Doe,
    // an analyst, told Reuters." has the appositive first.
    const bool closes = inverted && (right.end == e || trailing_place || ShortTail(right.end, e));
    if (!apposed.empty() && anchored && (after_quote || !closes)) {
      s.np = apposed;
      s.before = apposed.begin;
      return s;
    }
    if (inverted) {
      s.np = right;
      s.inverted = true;
      s.after = right.end;
      return s;
    }
    if (!apposed.empty()) {
      s.np = apposed;
      s.before = apposed.begin;
    }
    return s;
  }

  // "The remaining 33% said": a share that opens its clause is the subject
  // before the cue at `j`; "... rose 40% said the firm" is no subject.
  bool ShareSubject(std::size_t b, std::size_t j) const {
    if (j < b + 2 || !IsPunct(j - 1, "%") || !IsNumber(j - 2)) return false;
    const Range np = LeftNounPhrase(b, j);
    if (np.empty()) return false;
    std::size_t s = np.begin;
    while (s > b && IsWord(s - 1) && Has(s - 1, internal::kSkippable | internal::kPreposition)) {
      --s;  // "Only 18% ...", "About 40% ..."
    }
    return s == b || IsPunct(s - 1, ",") || Has(s - 1, internal::kConjunction);
  }

  // Whether `np` after `cue` can be its inverted subject: after "said" or
  // "added" any noun phrase ("said one trader"); after other verbs, which
  // take objects, only a name, a role, a body or a group: "\"Q,\" admitted
  // Mr Smith", not "acknowledged the point".
  bool CanInvert(const Cue& cue, Range np) const {
    static constexpr std::string_view kSayCues[] = {"said", "says", "say", "added", "adds",
                                                    "add", "wrote", "writes"};
    if (InWordList(Text(cue.begin), kSayCues)) return true;
    // "suggests a report into search habits": a body or document before a
    // preposition.
    for (std::size_t k = np.begin + 1; k < np.end; ++k) {
      if (Has(k, internal::kPreposition)) {
        if (Has(k - 1, internal::kOrgNoun | internal::kGroupNoun | internal::kTitle) &&
            !t_[k - 1].capitalized) {
          return true;
        }
        break;
      }
    }
    const std::size_t head = np.end - 1;
    if (t_[head].capitalized || Has(head, internal::kTitle | internal::kOrgNoun |
                                              internal::kGroupNoun | internal::kPronoun)) {
      return true;
    }
    const std::string_view w = Text(head);
    return EndsWith(w, "er") || EndsWith(w, "or") || EndsWith(w, "ist") || EndsWith(w, "ian") ||
           EndsWith(w, "ers") || EndsWith(w, "ors") || EndsWith(w, "ists") || EndsWith(w, "al") ||
           EndsWith(w, "als");
  }

  // The subject before an appositive that ends with the comma at `comma`:
  // "Anne Smith, of the Rail Campaign, said", "A study, which ..., found".
  // "The judge, Dame Ruth Aldous, told": a name in apposition to a
  // description names the speaker best.
  // `anchored`: the subject opens the sentence or follows a quotation.
  Range AppositiveSubject(std::size_t b, std::size_t comma, bool* anchored,
                          bool* after_quote_anchor = nullptr) const {
    *anchored = false;
    // "..., shadow chief secretary to the Treasury, George Osborne, said".
    std::size_t name_begin = comma;
    while (name_begin > b && name_begin + 5 > comma && IsWord(name_begin - 1) &&
           t_[name_begin - 1].capitalized &&
           !Has(name_begin - 1, internal::kDeterminer | internal::kPronoun)) {
      --name_begin;
    }
    // One word will do after a description: "the largest delivery company,
    // UPS, said".
    const bool after_description = name_begin > b + 1 && IsWord(name_begin - 2) &&
                                   !t_[name_begin - 2].capitalized;
    if (name_begin > b && name_begin < comma && IsPunct(name_begin - 1, ",") &&
        (comma - name_begin >= 2 || after_description)) {
      *anchored = true;
      return {name_begin, comma};
    }
    for (std::size_t k = comma; k > b && k + 30 > comma;) {
      --k;
      if (IsQuote(k)) break;
      if (!IsPunct(k, ",") || k + 1 >= comma) continue;
      const Range np = LeftNounPhrase(b, k);
      // "Mr Mubanga, 32, from Wembley, said": an age is part of the
      // appositive, not its subject.
      if (np.size() == 1 && IsNumber(np.begin)) continue;
      // "Jo Reed, from Acme Labs, one of the pioneers, told": an earlier
      // appositive, whose place or employer is not the subject.
      if (!np.empty() && np.begin > b + 1 && Has(np.begin - 1, internal::kPreposition) &&
          IsPunct(np.begin - 2, ",")) {
        continue;
      }
      const bool opens = Has(k + 1, internal::kClauseWord | internal::kPreposition |
                                        internal::kDeterminer) ||
                         Is(k + 1, "one") || Is(k + 1, "formerly") || Is(k + 1, "now");
      // "Two-thirds of those questioned, 68%, said": a share restated as a
      // figure names the same speakers.
      if (!np.empty() && Quantity(np.begin) && IsNumber(k + 1) &&
          (comma == k + 2 || (comma == k + 3 && IsPunct(k + 2, "%")))) {
        *anchored = true;
        return np;
      }
      std::size_t start = b;
      while (start < k && Has(start, internal::kConjunction | internal::kSkippable)) ++start;
      // Anchored: nothing but words before it ("After the ruling Carla
      // Ferstman, legal director of Redress, said"), or a quotation.
      bool words_only = Has(start, internal::kPreposition | internal::kClauseWord) &&
                        !np.empty() && t_[np.end - 1].capitalized;
      for (std::size_t w = start; w < np.begin && words_only; ++w) words_only = IsWord(w);
      const bool after_quote = !np.empty() && ((np.begin > 0 && IsQuote(np.begin - 1)) ||
                                               (np.begin >= b + 2 && IsPunct(np.begin - 1, ",") &&
                                                IsQuote(np.begin - 2)));
      *anchored = !np.empty() && (np.begin <= start || words_only || after_quote);
      if (after_quote_anchor != nullptr) *after_quote_anchor = after_quote;
      if (!opens && !*anchored) continue;
      if (np.empty()) return np;
      bool name = !t_[np.end - 1].capitalized && comma - (k + 1) <= 4;
      for (std::size_t n = k + 1; n < comma && name; ++n) name = IsWord(n) && t_[n].capitalized;
      return name ? Range{k + 1, comma} : np;
    }
    return {};
  }

  bool OpensRelative(std::size_t i) const { return Is(i, "who") || Is(i, "whose"); }

  // Whether what follows a cue (and its inverted subject) leaves the
  // sentence to the quotation before it: nothing, ", noting ...", or a
  // listener or time ("told the conference in Chicago", "said on Monday").
  bool ShortTail(std::size_t t0, std::size_t e) const {
    if (t0 >= e) return true;
    // "said Rob Reed who runs the pilot": the clause describes the speaker.
    if (OpensRelative(t0)) return true;
    // "said Ann Cole, 45, who ...", "said Ann Cole, 45.": an age.
    if (IsPunct(t0, ",") && t0 + 1 < e && IsNumber(t0 + 1) &&
        (t0 + 2 == e || IsPunct(t0 + 2, ","))) {
      return ShortTail(t0 + 2, e);
    }
    // ", noting ...", and what describes the speaker: ", who retired ...",
    // ", a special projects manager at ...".
    if (IsPunct(t0, ",") && t0 + 1 < e &&
        (IsIngWord(t0 + 1) || OpensRelative(t0 + 1) || Is(t0 + 1, "which") ||
         Is(t0 + 1, "a") || Is(t0 + 1, "an") || Is(t0 + 1, "the"))) {
      return true;
    }
    // ", head of market development at Nokia": a role with no verb.
    if (IsPunct(t0, ",") && e - t0 <= 13) {
      bool role = true;
      for (std::size_t k = t0 + 1; k < e && role; ++k) {
        role = IsWord(k) && !t_[k].past_form &&
               !Has(k, internal::kAuxiliary | internal::kFiniteVerb | internal::kCue |
                           internal::kClauseWord | internal::kPronoun);
      }
      if (role && e > t0 + 1) return true;
    }
    if (e - t0 > 6) return false;
    if (Is(t0, "that")) return false;
    for (std::size_t k = t0; k < e; ++k) {
      if (!IsWord(k) || Has(k, internal::kAuxiliary) || t_[k].past_form) return false;
    }
    return true;
  }

  // Where the report resumes after a cue set between commas ("X, he said,
  // ..."), `e` when it does not: "and" and a clause after a clause (`clause`),
  // the verb of a subject before the cue ("The campaign, she said, would
  // ..."), or a clause after an adverbial ("In the long run, he said, prices
  // would ..."). The cue may have a listener or a time: "he told the BBC,".
  std::size_t MidSentenceTail(bool clause, std::size_t after, std::size_t e) const {
    std::size_t k = after;
    while (k < e && k < after + 6 && IsWord(k) && !t_[k].past_form &&
           !Has(k, internal::kAuxiliary | internal::kFiniteVerb | internal::kConjunction |
                       internal::kClauseWord)) {
      ++k;
    }
    const std::size_t n = k + 1;
    if (n + 1 >= e || !IsPunct(k, ",") || !IsWord(n)) return e;
    // A clause: a word that can be its subject, and a verb within a bounded
    // reach (so that many cues in one sentence cost linear time).
    constexpr std::size_t kVerbReach = 40;
    auto clause_at = [&](std::size_t i) {
      return IsWord(i) &&
             !Has(i, internal::kClauseWord | internal::kPreposition | internal::kSkippable |
                         internal::kConjunction | internal::kCue) &&
             HasFiniteVerb({i, std::min(e, i + kVerbReach)});
    };
    if (Is(n, "and") || Is(n, "but")) return clause && clause_at(n + 1) ? n : e;
    if (clause || Is(n, "that")) return e;
    if (t_[n].past_form || Has(n, internal::kAuxiliary | internal::kFiniteVerb)) return n;
    return clause_at(n) ? n : e;
  }


  void ProcessUnit(const QuoteUnit& unit) {
    const std::size_t b = unit.begin;
    std::size_t e = unit.end;
    while (e > b && t_[e - 1].kind == Kind::kPunct && t_[e - 1].ends_sentence) --e;
    ++unit_index_;
    unit_begin_ = b;
    current_paragraph_ = t_[b].paragraph;
    RememberSubject(unit, e);

    std::vector<Cue>& cues = cues_;
    // Most sentences hold no word that can be a cue: nothing to look for.
    if (unit.word_flags & (internal::kCue | internal::kPhraseStart | internal::kReportingNoun)) {
      FindCues(b, e, cues);
    } else {
      cues.clear();
    }
    const std::size_t final_cut = FinalAttributionComma(b, e, cues);
    // What the unit's quotes have taken so far. Every claimed range starts
    // at or before the cue that claims it, and cues come in text order, so
    // the furthest end tells whether a later cue was taken: constant work
    // per cue however many quotes one long sentence holds.
    std::size_t claimed_end = b;
    bool claimed_any = false;
    auto claim = [&](Range r) {
      claimed_end = std::max(claimed_end, r.end);
      claimed_any = true;
    };
    auto is_claimed = [&](std::size_t i) { return i < claimed_end; };
    Speaker unit_speaker;
    bool unit_has_speaker = false;
    bool colon_pending = false;

    for (std::size_t c = 0; c < cues.size(); ++c) {
      const Cue& cue = cues[c];
      if (is_claimed(cue.begin)) continue;
      const std::optional<ByteSpan> cue_span =
          ByteSpan{t_[cue.begin].span.begin, t_[cue.end - 1].span.end};

      if (cue.according) {
        Range np = RightNounPhrase(cue.end, e);
        bool split = CutSource(np);
        // "according to figures published by the Office for National
        // Statistics", "research carried out by X": the document's author
        // speaks (not "analysts polled by Reuters").
        static constexpr std::string_view kAuthoredBy[] = {
            "published", "released", "compiled", "issued", "produced", "prepared",
            "conducted", "commissioned", "carried", "gathered", "collected", "obtained"};
        Range author_np = np;
        std::size_t by = np.end + 1;
        if (by < e && Is(np.end, "carried") && Is(by, "out")) ++by;
        if (!np.empty() && by + 1 < e && InWordList(Text(np.end), kAuthoredBy) && Is(by, "by")) {
          Range author = RightNounPhrase(by + 1, e);
          split = CutSource(author);
          if (!author.empty()) {
            author_np = author;
            np.end = author.end;
          }
        }
        const Speaker sp = SpeakerFrom(author_np);
        Range content;
        std::size_t s = b;
        while (s < cue.begin && Has(s, internal::kConjunction)) ++s;
        // ", according to X" (the comma may sit inside a quotation's marks),
        // or "R according to X" in a long sentence.
        // Without the comma only a source: "shop online according to
        // figures", not "operate according to a strict code".
        const bool source = !np.empty() && (t_[np.end - 1].capitalized ||
                                            Has(np.end - 1, internal::kGroupNoun |
                                                                internal::kOrgNoun));
        // "... and, according to Reuters, once told analysts ...": after a
        // conjunction the source is the next clause's.
        const bool after_conjunction = cue.begin > b + 1 && IsPunct(cue.begin - 1, ",") &&
                                       Has(cue.begin - 2, internal::kConjunction);
        const bool after_comma = cue.begin > b && !after_conjunction &&
                                 (IsPunct(cue.begin - 1, ",") ||
                                                   IsQuote(cue.begin - 1) ||
                                                   (source && WordCount({s, cue.begin}) >= 5));
        const bool comma_after = np.end < e && IsPunct(np.end, ",");
        // "\"Q,\" according to Jo Binks, director of ...": a quotation
        // before the cue is the content, however short.
        const bool quotation_before =
            cue.begin > b && (IsQuote(cue.begin - 1) ||
                              (cue.begin >= b + 2 && IsPunct(cue.begin - 1, ",") &&
                               IsQuote(cue.begin - 2)));
        // "By 2008, according to Gartner, sales will ...": the clause is
        // the longer side.
        if (after_comma &&
            !(comma_after && !quotation_before && WordCount({s, cue.begin - 1}) < 4)) {
          content = {s, IsPunct(cue.begin - 1, ",") ? cue.begin - 1 : cue.begin};
        } else if (split && s == cue.begin && !comma_after) {
          // "According to Gallup 44% of voters back it": no comma.
          content = {np.end, ClauseEnd(b, cue, np.end, e)};
          // "According to Mr Peston the prime minister said ...": the inner
          // cue reports.
          if (WordCount(content) < 3 || (c + 1 < cues.size() && cues[c + 1].begin < content.end)) {
            content = {};
          }
        } else if (comma_after) {
          content = {np.end + 1, ClauseEnd(b, cue, np.end + 1, e)};
          // "According to the BBC, the minister said that ...", "..., and,
          // according to Reuters, once told analysts ...": the cue inside
          // reports, for its own subject.
          if (c + 1 < cues.size() && cues[c + 1].begin < content.end) {
            const std::size_t next = cues[c + 1].end;
            if (after_conjunction ||
                (next < e && (Is(next, "that") || IsPunct(next, ":") || IsQuote(next)))) {
              continue;
            }
          }
        }
        if (!content.empty() && Emit(content, cue, sp, /*after_that=*/true)) {
          claim({b, e});
        }
        continue;
      }

      if (cue.subject_noun) {
        // The reports' source is not named in their sentence.
        const std::size_t s = cue.end + 1;
        const std::size_t end = ReportedSubjectEnd(s, e);
        if (end > s && Emit({s, end}, cue, Speaker{}, /*after_that=*/true)) {
          claim({b, end});
        }
        continue;
      }

      Subject subject;
      Speaker sp;
      std::size_t agent_by = 0;
      if (cue.participle) {
        if (unit_has_speaker) {
          sp = unit_speaker;
        } else {
          // "The union hit back, saying", "hit back by saying": the subject
          // is before the verb.
          const bool particle = cue.begin > b + 3 &&
                                (IsPunct(cue.begin - 1, ",") || Is(cue.begin - 1, "by")) &&
                                InWordList(Text(cue.begin - 2), kParticles);
          const Range clause_subject = ClauseSubject(b, cue.begin - (particle ? 3 : 0));
          if (clause_subject.empty()) continue;
          sp = SpeakerFrom(clause_subject);
        }
        subject.after = cue.end;
        subject.before = cue.begin;
      } else {
        subject = FindSubject(b, e, cue);
        if (subject.np.empty() && !subject.passive) continue;
        // A passive's agent is the speaker; the clause stops before "by".
        if (subject.passive && !subject.np.empty()) agent_by = subject.np.begin - 1;
        if ((cue.flags & internal::kDocumentCue) && !DocumentSubject(subject, cue, e)) {
          continue;
        }
        sp = SpeakerFrom(subject.np);
      }

      // "R, X said." / "\"Q,\" said X." / "\"Q1,\" X said, \"Q2\"": the
      // content comes before the attribution.
      bool done = false;
      std::size_t both_sides = e;  // first token of a report around a cue set between commas
      bool pre_clause = false;
      if ((!subject.passive || subject.passive_final) && !subject.conjoined && !cue.participle &&
          subject.before > b) {
        const std::size_t pre_begin = std::min(claimed_end, subject.before);
        Range pre{pre_begin, subject.before};
        while (!pre.empty() && Has(pre.begin, internal::kConjunction)) ++pre.begin;
        const bool comma = !pre.empty() && IsPunct(pre.end - 1, ",");
        if (comma) --pre.end;
        const bool ends_in_quote = !pre.empty() && IsQuote(pre.end - 1);
        // "Describing him as \"a good person\", the mother said ...": a
        // participle opening the sentence is narration, not content.
        const bool participle_first = !pre.empty() && IsWord(pre.begin) &&
                                      t_[pre.begin].capitalized &&
                                      EndsWith(Text(pre.begin), "ing") && !HasFiniteVerb(pre);
        // "In 2000, Borders Council said" has no content before the
        // subject; "By 2025, 40% of homes will be offline, says a study" has.
        // "Between 1998 and 2002, seizures rose 800%, it said": after the
        // opening phrase's comma, a subject and its verb.
        std::size_t opening_comma = pre.begin;
        while (opening_comma < pre.end && !IsPunct(opening_comma, ",")) ++opening_comma;
        const bool clause_like =
            !pre.empty() && !participle_first && (QuoteCount(pre) > 0 ||
                             (WordCount(pre) >= 3 && HasFiniteVerb(pre) &&
                              (!Has(pre.begin, internal::kPreposition) ||
                               (WordCount(pre) >= 6 &&
                                (HasAuxiliary(pre) ||
                                 (opening_comma + 1 < pre.end &&
                                  OpensClause(opening_comma + 1) &&
                                  HasFiniteVerb({opening_comma + 1, pre.end})))))));
        if (comma && !ends_in_quote && WordCount(pre) >= 2 && !ShortTail(subject.after, e)) {
          both_sides = pre.begin;
          pre_clause = clause_like && !Has(pre.begin, internal::kPreposition);
        }
        if ((comma || ends_in_quote || subject.bare_final) && clause_like &&
            (ends_in_quote || ShortTail(subject.after, e))) {
          if (Emit(pre, cue, sp, /*after_that=*/true)) {
            claim({b, subject.after});
            done = ShortTail(subject.after, e);
          }
        }
      }
      // "Only the Greens opposed the war, he said, and they ...", "The
      // campaign, both papers said, would be centred on ...": a cue set
      // between commas inside its sentence reports both sides, as one quote.
      if (!done && both_sides < e) {
        const std::size_t s = MidSentenceTail(pre_clause, subject.after, e);
        if (s < e && c + 1 < cues.size()) {
          // "Profits rose, said Ms Ross, but the bank warned ...": the
          // clause before the cue is its report, the rest another's.
          if (pre_clause && Emit({both_sides, subject.before - 1}, cue, sp, true)) {
            claim({both_sides, subject.after});
            done = true;
          }
        } else if (s < e) {
          const std::size_t end = ClauseEnd(b, cue, s, e);
          if (Emit({both_sides, end}, cue, sp, /*after_that=*/true)) {
            claim({both_sides, end});
            done = true;
          }
        }
      }
      if (!done && cue.directive) {
        // "urged ministers to scrap the tax": "ministers to scrap the tax".
        Cue directive = cue;
        directive.flags &= ~internal::kObjectCue;
        const std::size_t end = ClauseEnd(b, cue, cue.end, e);
        if (Emit({cue.end, end}, directive, sp, /*after_that=*/true)) {
          claim({cue.begin, end});
        }
        done = true;
      }
      if (!done) {
        bool after_that = false;
        std::size_t s = ClauseStart(cue, subject.after, e, &after_that);
        // "dismissed a suggestion the move was ...", "denied claims that
        // ...": the report answered is named, then its content.
        Cue answered = cue;
        if (!after_that) {
          std::size_t n = s;
          if (n < e && Has(n, internal::kDeterminer)) ++n;
          // Without "that" only after a rejection: "said the remarks had
          // been ..." has the noun as the clause's subject.
          const bool rejects = IsObjectOnlyCue(cue) || Text(cue.begin).substr(0, 3) == "den";
          if (n + 1 < e && Has(n, internal::kReportingNoun) && !t_[n].capitalized &&
              (Is(n + 1, "that") || (rejects && SubjectThenVerb({n + 1, e})))) {
            s = Is(n + 1, "that") ? n + 2 : n + 1;
            after_that = true;
            answered.flags &= ~internal::kObjectCue;
          }
        }
        std::size_t end = std::min(ClauseEnd(b, cue, s, e), final_cut > s ? final_cut : e);
        if (agent_by > s) end = std::min(end, agent_by);
        // "described the code as an outdated clock", "has been dubbed a
        // fortress by campaigners": what it was called, with no marks.
        // Only verbs of naming: not "is called X by" (a thing's name),
        // "called into question", "dismissed as gossip by".
        static constexpr std::string_view kNamingCues[] = {
            "dubbed", "labelled", "labeled", "branded", "termed", "described"};
        if (IsObjectOnlyCue(answered) && s < end && QuoteCount({s, end}) == 0 &&
            ((agent_by > s && InWordList(Text(cue.begin), kNamingCues)) ||
             (!subject.passive && DescribedAs(cue, s, end)))) {
          answered.flags &= ~internal::kObjectCue;
          after_that = true;
          // It ends at a dash or a second verb: "... as a maze and welcomed ...".
          for (std::size_t k = s; k < end; ++k) {
            if (IsDash(k) || (Has(k, internal::kConjunction) && k + 1 < end &&
                              (t_[k + 1].past_form || Has(k + 1, internal::kFiniteVerb)))) {
              end = k;
            }
          }
        }
        // "X said: \"Q,\" he said.": the quotation alone; what follows is
        // another attribution.
        std::size_t q = s;
        // "told Mr Farage: \"...\"", "said at a ceremony on Tuesday: \"...\"":
        // a listener or an adverbial may come first.
        while (q < end && q < s + 10 && IsWord(q) && !t_[q].past_form &&
               !Has(q, internal::kAuxiliary | internal::kFiniteVerb) && end - q > 2) {
          ++q;
        }
        if (q == s || !IsPunct(q, ":")) q = s;
        while (q < end && (IsPunct(q, ":") || IsPunct(q, ","))) ++q;
        // Not "said that \"about a third\" of ...": a clause quoting a fragment.
        if (q < end && IsQuote(q) && !after_that) {
          s = q;
          end = q + 1;
        }
        if (Emit({s, end}, answered, sp, after_that)) {
          claim({cue.begin, end});
        } else if (IsPunct(e - 1, ":")) {
          colon_pending = true;  // "X told the court:" and the quotation below
        }
      }
      if (sp.mention || subject.passive) {
        unit_speaker = sp;
        unit_has_speaker = true;
      }
      if (colon_pending && sp.mention) {
        colon_speaker_ = sp;
        colon_cue_ = cue_span;
      }
    }

    if (!claimed_any && unit.has_quote) ProcessUncued(b, e);
    if (!colon_pending) colon_cue_.reset();
  }

  // The comma before "..., X said." closing the sentence: a reported clause
  // that an earlier cue opens ends there. `e` when there is none.
  std::size_t FinalAttributionComma(std::size_t b, std::size_t e,
                                    const std::vector<Cue>& cues) const {
    if (cues.size() < 2) return e;
    const Cue& last = cues.back();
    if (last.according || last.participle || last.reporting_noun) return e;
    const Subject subject = FindSubject(b, e, last);
    if (subject.np.empty() || subject.inverted || subject.passive || subject.conjoined) return e;
    const std::size_t comma = subject.np.begin - 1;
    if (subject.np.begin <= b || !IsPunct(comma, ",") || !ShortTail(subject.after, e)) return e;
    return comma;
  }

  // A court, a report or figures "find" and "show"; a person only finds
  // something said when "that" follows.
  bool DocumentSubject(const Subject& subject, const Cue& cue, std::size_t e) const {
    if (cue.end < e && Is(cue.end, "that")) return true;
    if (subject.np.empty()) return false;
    if (subject.bare_final) return true;  // "R Speaker Michael Martin has ruled."
    std::size_t head = subject.np.end - 1;
    for (std::size_t k = subject.np.begin; k < subject.np.end; ++k) {
      if (Is(k, "of") || Is(k, "in") || Is(k, "for") || Is(k, "from")) {
        head = k > subject.np.begin ? k - 1 : k;
        break;
      }
    }
    if (Has(head, internal::kOrgNoun | internal::kGroupNoun)) return true;
    return IsPronoun(subject.np) &&
           (Has(head, internal::kThingPronoun | internal::kPluralPronoun));
  }

  // A sentence with no cue: a quotation that fills it continues the last
  // speaker (or the one named on the line before with "said:").
  void ProcessUncued(std::size_t b, std::size_t e) {
    std::size_t s = b;
    while (s < e && t_[s].kind == Kind::kPunct) ++s;
    // A quotation fills its sentence when nothing follows it, or when it
    // ends with its own full stop and the narration after it is a new
    // sentence the splitter did not cut off ("... world. " England's ...).
    const bool fills = s < e && IsQuote(s) && (s + 1 == e || EndsWithTerminal(StretchContent(s)));
    // "Osbourne was at a loss to explain it: \"I suppose ...\"": a whole
    // sentence quoted after a colon that closes a clause about a person
    // is that person's, with no verb of speech.
    if (!fills && e > s + 3 && IsQuote(e - 1) && IsPunct(e - 2, ":") &&
        EndsWithTerminal(StretchContent(e - 1)) && HasFiniteVerb({s, e - 2})) {
      const Range subject = ClauseSubject(b, e - 2);
      if (!subject.empty() && subject.end < e - 2 &&
          (Has(subject.begin, internal::kMale | internal::kFemale) ||
           Has(subject.end - 1, internal::kTitle) ||
           (t_[subject.end - 1].capitalized &&
            !Has(subject.end - 1, internal::kOrgNoun | internal::kPronoun |
                                      internal::kDeterminer)))) {
        Add(StretchContent(e - 1), QuoteKind::kDirect, std::nullopt, SpeakerFrom(subject),
            StretchConfidence(e - 1, 0.6f));
        return;
      }
    }
    if (!fills) {
      if (!options_.report_uncued_fragments) return;
      for (std::size_t k = b; k < e; ++k) {
        if (IsQuote(k)) Add(StretchContent(k), QuoteKind::kPartial, std::nullopt, {}, 0.2f);
      }
      return;
    }
    if (colon_cue_) {
      Add(StretchContent(s), QuoteKind::kDirect, colon_cue_, colon_speaker_,
          StretchConfidence(s, 0.85f));
      colon_cue_.reset();
      return;
    }
    // The subject of the sentence just before, in this paragraph, when that
    // sentence quoted nobody.
    if (subject_unit_ + 1 == unit_index_ && last_quote_unit_ != subject_unit_ &&
        !subject_.empty() && t_[subject_.begin].paragraph == current_paragraph_ &&
        DescribeMention(subject_).kind == SpeakerKind::kPerson) {
      Add(StretchContent(s), QuoteKind::kDirect, std::nullopt, SpeakerFrom(subject_),
          StretchConfidence(s, 0.7f));
      return;
    }
    if (has_last_speaker_ && current_paragraph_ <= last_paragraph_ + kContinuationParagraphs) {
      const Speaker previous = last_speaker_;
      Add(StretchContent(s), QuoteKind::kDirect, std::nullopt, previous,
          StretchConfidence(s, 0.8f));
      return;
    }
    const ByteSpan content = StretchContent(s);
    int words = 0;
    bool in_word = false;
    for (std::size_t k = content.begin; k < content.end; ++k) {
      const bool space = text_[k] == ' ' || text_[k] == '\n' || text_[k] == '\t';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    if (words >= kMinWordsUncreditedQuote) {
      Add(content, QuoteKind::kDirect, std::nullopt, {}, StretchConfidence(s, 0.3f));
    }
  }

  std::string_view text_;
  QuoteOptions options_;
  std::vector<ByteSpan> paragraphs_;
  std::vector<QuotedStretch> stretches_;
  internal::QuoteTokens tk_;
  const std::vector<QuoteToken>& t_;
  std::optional<SpeakerBook> book_;  // when speakers are attributed
  std::vector<Entity> entities_;
  std::vector<Quote> quotes_;
  uint32_t current_paragraph_ = 0;
  Speaker last_speaker_;
  uint32_t last_paragraph_ = 0;
  bool has_last_speaker_ = false;
  std::optional<ByteSpan> colon_cue_;
  Speaker colon_speaker_;
  // Offices resolved by ResolveDescription(): "prime minister" -> "Tony Blair".
  std::vector<std::pair<std::string, std::string>> roles_;
  std::vector<Cue> cues_;            // buffers reused by every unit
  std::size_t unit_index_ = 0;       // 1-based index of the unit being read
  std::size_t unit_begin_ = 0;       // its first token
  std::size_t last_quote_unit_ = 0;  // the unit of the last quote
  std::size_t subject_unit_ = 0;     // the unit of subject_
  Range subject_;
};

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, const QuoteOptions& options) {
  std::vector<ByteSpan> paragraphs = FindParagraphs(text);
  const std::vector<Sentence> sentences =
      internal::SplitParagraphsIntoSentences(text, paragraphs);
  return Attributor(text, std::move(paragraphs), sentences, options).Run();
}

std::vector<Quote> FindQuotes(std::string_view text, const std::vector<Sentence>& sentences,
                              const QuoteOptions& options) {
  return Attributor(text, sentences, options).Run();
}

std::string_view QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect: return "direct";
    case QuoteKind::kPartial: return "partial";
    case QuoteKind::kMixed: return "mixed";
    case QuoteKind::kIndirect: return "indirect";
  }
  return "direct";
}

}  // namespace copydesk
