#include "copydesk/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <climits>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "internal/edit_map.h"
#include "internal/html_entities.h"
#include "internal/mojibake.h"
#include "internal/utf8.h"

namespace copydesk {
namespace {

using internal::RunChar;

// True for the characters of scripts written right to left, next to which a
// left-to-right mark carries meaning and stays.
bool IsRightToLeft(char32_t cp) {
  return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
         (cp >= 0xFE70 && cp <= 0xFEFE) || (cp >= 0x10800 && cp <= 0x10FFF) ||
         (cp >= 0x1E800 && cp <= 0x1EFFF);
}

bool IsOddSpace(char32_t cp) {
  return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// Characters that render as nothing and only get in the way of matching.
bool IsInvisible(char32_t cp) {
  return cp == 0x00AD || cp == 0x200B || (cp >= 0x2060 && cp <= 0x2064) || cp == 0x180E;
}

// Letters that are two Latin letters in one code point, from legacy
// character sets: Ĳ ĳ, ŉ, the Croatian DŽ Dž dž LJ Lj lj NJ Nj nj, DZ Dz dz.
bool IsLatinDigraph(char32_t cp) {
  return cp == 0x0132 || cp == 0x0133 || cp == 0x0149 || (cp >= 0x01C4 && cp <= 0x01CC) ||
         (cp >= 0x01F1 && cp <= 0x01F3);
}

// Ligatures U+FB00-U+FB06 and what they stand for.
constexpr std::array<std::string_view, 7> kLatinLigatures = {"ff", "fi", "fl", "ffi",
                                                             "ffl", "st", "st"};

const icu::Normalizer2* IcuNormalizer(NormalForm form) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = form == NormalForm::kNfkc ? icu::Normalizer2::getNFKCInstance(status)
                                                        : icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) ? n : nullptr;
}

// One call of Normalize(): reads `raw` once, front to back, and writes the
// clean text and the edits. Plain ASCII is copied in bulk; each special
// byte, entity or run of non-ASCII characters becomes a "unit" whose code
// points pass through the per-character policy in Emit().
class Normalizer {
 public:
  Normalizer(std::string_view raw, const NormalizeOptions& options)
      : raw_(raw), options_(options) {
    // The C0 controls this call removes: all but "\t" and "\n", "\r"
    // (which fix_line_breaks turns into "\n" or leaves) and, on request, "\f".
    if (options_.remove_controls) {
      removed_controls_ = ~((1u << '\t') | (1u << '\n') | (1u << '\r'));
      if (options_.keep_form_feed) removed_controls_ &= ~(1u << '\f');
    }
    text_.reserve(raw.size());
  }

  void Run() {
    std::size_t pos = 0;
    while (pos < raw_.size()) {
      const std::size_t special = FindSpecial(pos);
      text_.append(raw_.data() + pos, special - pos);
      pos = special;
      if (pos == raw_.size()) break;
      const auto byte = static_cast<unsigned char>(raw_[pos]);
      if (byte >= 0x80) {
        pos = HandleNonAscii(pos);
      } else if (byte == ' ') {
        pos = HandleSpaces(pos);
      } else if (byte == '&') {
        pos = HandleAmpersand(pos);
      } else if (byte == '\r' && options_.fix_line_breaks) {
        const std::size_t end = pos + 1 < raw_.size() && raw_[pos + 1] == '\n' ? pos + 2 : pos + 1;
        text_.push_back('\n');
        Record(EditKind::kLineBreak, {pos, end}, {text_.size() - 1, text_.size()});
        pos = end;
      } else {
        EmitUnit({pos, pos + 1}, std::nullopt, byte, NextCodePoint(pos + 1));
        pos += 1;
      }
    }
  }

  // Runs ICU's normal form over the text when some character needs it, and
  // folds its edits into ours. ICU takes 32-bit lengths: a text of 2 GB or
  // more keeps its characters as they are.
  void ApplyNormalForm() {
    if (!needs_normal_form_ || options_.normal_form == NormalForm::kNone ||
        text_.size() > static_cast<std::size_t>(INT32_MAX)) {
      return;
    }
    const icu::Normalizer2* normalizer = IcuNormalizer(options_.normal_form);
    if (normalizer == nullptr) return;
    std::string normalized;
    normalized.reserve(text_.size());
    icu::StringByteSink<std::string> sink(&normalized);
    icu::Edits icu_edits;
    UErrorCode status = U_ZERO_ERROR;
    normalizer->normalizeUTF8(0, icu::StringPiece(text_.data(), static_cast<int32_t>(text_.size())),
                              sink, &icu_edits, status);
    if (U_FAILURE(status)) return;
    std::vector<Edit> second;
    icu::Edits::Iterator it = icu_edits.getFineChangesIterator();
    while (it.next(status)) {
      if (!it.hasChange()) continue;
      const auto src = static_cast<std::size_t>(it.sourceIndex());
      const auto dst = static_cast<std::size_t>(it.destinationIndex());
      second.push_back({EditKind::kUnicodeNormalization,
                        {src, src + static_cast<std::size_t>(it.oldLength())},
                        {dst, dst + static_cast<std::size_t>(it.newLength())}});
    }
    if (U_FAILURE(status)) return;
    may_enable_repairs_ = may_enable_repairs_ || !second.empty();
    edits_ = internal::ComposeEdits(edits_, second);
    text_ = std::move(normalized);
  }

  // True when an edit may have brought together characters that another
  // pass would repair: a removal joining two runs ("â€" + BOM + "™"), an
  // entity or a folded form next to other text, a composition.
  bool may_enable_repairs() const { return may_enable_repairs_; }

  std::string TakeText() { return std::move(text_); }
  std::vector<Edit> TakeEdits() { return std::move(edits_); }

 private:
  static constexpr uint64_t kOnes = 0x0101010101010101ULL;
  static constexpr uint64_t kHigh = 0x8080808080808080ULL;

  // The top bit of each byte of `word` that may need more than a copy: one
  // outside 0x20-0x7E (controls, DEL, non-ASCII) or '&'. Bytes above the
  // lowest flagged one may be flagged falsely (borrows and carries run
  // upwards); the lowest is always a real candidate, and nothing is missed.
  static uint64_t MaybeSpecial(uint64_t word) {
    // A byte below 0x20 borrows, one above 0x7E carries into its top bit.
    const uint64_t out_of_range = ((word - kOnes * 0x20) | (word + kOnes)) & kHigh;
    const uint64_t amp = word ^ (kOnes * '&');
    return out_of_range | ((amp - kOnes) & ~amp & kHigh);
  }

  // The top bit of each byte of `word` that may be a space.
  static uint64_t MaybeSpaces(uint64_t word) {
    const uint64_t x = word ^ (kOnes * ' ');
    return (x - kOnes) & ~x & kHigh;
  }

  // First position >= pos whose byte needs more than a copy. Sixteen bytes
  // at a time: most news is plain ASCII. The lowest flag of a block is
  // always a real candidate (borrows only run upwards), so a newline costs
  // one look, not a byte-by-byte scan of its block.
  std::size_t FindSpecial(std::size_t pos) const {
    const bool collapse = options_.collapse_spaces;
    // A space right after copied text that ends with one starts a run.
    if (collapse && raw_[pos] == ' ' && EndsWithSpace()) return pos;
    const char* data = raw_.data();
    const std::size_t size = raw_.size();
    while (pos + 16 <= size) {
      uint64_t low, high;
      std::memcpy(&low, data + pos, 8);
      std::memcpy(&high, data + pos + 8, 8);
      uint64_t low_flags = MaybeSpecial(low);
      uint64_t high_flags = MaybeSpecial(high);
      if (collapse) {
        // Two spaces in a row: within a word, across the two words, or a
        // run that began before the block (flagged at its second space).
        const uint64_t sl = MaybeSpaces(low), sh = MaybeSpaces(high);
        const uint64_t space_before = pos > 0 && data[pos - 1] == ' ' ? 0x80 : 0;
        low_flags |= (sl & (sl >> 8)) | (space_before & sl);
        high_flags |= (sh & (sh >> 8)) | ((sl >> 56) & sh);
      }
      if ((low_flags | high_flags) == 0) {
        pos += 16;
        continue;
      }
      pos += low_flags != 0 ? static_cast<std::size_t>(__builtin_ctzll(low_flags) >> 3)
                            : 8 + static_cast<std::size_t>(__builtin_ctzll(high_flags) >> 3);
      if (IsSpecialAt(pos) || SecondSpace(pos)) return pos;
      ++pos;  // a newline or tab, or a near miss of the approximate tests
    }
    while (pos < size && !IsSpecialAt(pos) && !SecondSpace(pos)) ++pos;
    return pos;
  }

  // The second space of a run that began before `pos`.
  bool SecondSpace(std::size_t pos) const {
    return options_.collapse_spaces && pos > 0 && raw_[pos] == ' ' && raw_[pos - 1] == ' ';
  }

  bool IsSpecialAt(std::size_t pos) const {
    const auto byte = static_cast<unsigned char>(raw_[pos]);
    if (byte >= 0x80 || IsRemovedControl(byte) || (byte == '&' && options_.decode_html_entities) ||
        (byte == '\r' && options_.fix_line_breaks)) {
      return true;
    }
    return byte == ' ' && options_.collapse_spaces && pos + 1 < raw_.size() && raw_[pos + 1] == ' ';
  }

  bool IsRemovedControl(char32_t c) const {
    return c < 0x20 ? ((removed_controls_ >> c) & 1) != 0 : c == 0x7F && options_.remove_controls;
  }

  bool EndsWithSpace() const { return !text_.empty() && text_.back() == ' '; }

  // A run of ASCII spaces: the first is kept unless the text already ends
  // with a space, the rest are removed.
  std::size_t HandleSpaces(std::size_t pos) {
    std::size_t end = pos;
    while (end < raw_.size() && raw_[end] == ' ') ++end;
    std::size_t removed_from = pos;
    if (!EndsWithSpace()) {
      text_.push_back(' ');
      removed_from = pos + 1;
    }
    if (removed_from < end) Record(EditKind::kSpace, {removed_from, end}, {text_.size(), text_.size()});
    return end;
  }

  std::size_t HandleAmpersand(std::size_t pos) {
    internal::DecodedEntity entity = internal::DecodeEntity(raw_, pos);
    if (entity.length == 0) {
      text_.push_back('&');
      return pos + 1;
    }
    std::size_t end = pos + entity.length;
    // "&amp;amp;", "&amp;quot;": escaped twice. An entity that gives "&"
    // followed by an entity body is one reference.
    while (entity.count == 1 && entity.code_points[0] == '&') {
      std::string again = "&";
      const std::size_t body_end = std::min(raw_.size(), end + 40);
      again.append(raw_.data() + end, body_end - end);
      const internal::DecodedEntity inner = internal::DecodeEntity(again, 0);
      if (inner.length == 0) break;
      end += inner.length - 1;
      entity = inner;
    }
    EmitUnit({pos, end}, EditKind::kHtmlEntity, entity.code_points[0], NextCodePoint(end),
             entity.count == 2 ? entity.code_points[1] : 0);
    return end;
  }

  // Reads the run of non-ASCII characters at `pos` (ill-formed bytes as
  // U+FFFD), repairs mojibake in it, and emits it.
  std::size_t HandleNonAscii(std::size_t pos) {
    run_.clear();
    std::size_t end = ReadRun(pos);
    internal::RunContext context;
    context.evidence = &line_evidence_;
    context.position = pos;
    context.confirm_mixed_line_pairs = options_.confirm_mixed_line_pairs;
    // A sequence cut in two by an ASCII character that stood for one of its
    // bytes (a NBSP byte turned into a space: "â €"; a byte a lossy
    // converter wrote as "?": "â?¬") is read as one run, the space as the
    // NBSP it was, the "?" as a lost byte; unrepaired, they stay as they were.
    while (options_.fix_mojibake && end + 1 < raw_.size() &&
           (raw_[end] == ' ' || raw_[end] == '?') &&
           static_cast<unsigned char>(raw_[end + 1]) >= 0x80 &&
           internal::ContinuesAcross(run_, raw_[end],
                                     internal::DecodeUtf8(raw_, end + 1).code_point, context)) {
      const char32_t stands_for = raw_[end] == ' ' ? char32_t{0xA0} : internal::kReplacementCharacter;
      run_.push_back({stands_for, {end, end + 1}, std::nullopt});
      end = ReadRun(end + 1);
    }
    if (options_.fix_mojibake) {
      context.before = text_.empty() ? 0 : LastCodePoint();
      context.next_ascii = end < raw_.size() ? raw_[end] : '\0';
      if (run_.size() >= 2) {
        const internal::MojibakeResult result =
            internal::RepairMojibake(&run_, context, &mojibake_scratch_);
        // The "?" that stands for the lost byte belongs to the U+FFFD.
        if (result.lost_byte) run_.back().raw.end = ++end;
        may_enable_repairs_ =
            may_enable_repairs_ || result.may_repair_more || result.left_on_context;
      }
      end = RepairLostNbsp(end, context);
      // A repair to a Latin-1 letter (a lead byte itself) before a space or
      // "?" may be read again: "Ãƒ " is "Ã ", and "Ã " is "à".
      const RunChar& last = run_.back();
      if (last.edit && last.code_point >= 0xC0 && last.code_point <= 0xFF && end < raw_.size() &&
          (raw_[end] == ' ' || raw_[end] == '?')) {
        may_enable_repairs_ = true;
      }
      // "Ã" before a character that becomes a space (U+3000) or is removed
      // (BOM, LRM) may be "Ã " for the next pass.
      for (std::size_t i = 0; i + 1 < run_.size(); ++i) {
        const char32_t next = run_[i + 1].code_point;
        if (run_[i].code_point == 0xC3 && !run_[i].edit &&
            (IsOddSpace(next) || u_charType(static_cast<UChar32>(next)) == U_FORMAT_CHAR)) {
          may_enable_repairs_ = true;
        }
      }
    }
    for (RunChar& c : run_) {
      if (!c.edit && c.raw.size() == 1 && static_cast<unsigned char>(raw_[c.raw.begin]) < 0x80) {
        c.code_point = static_cast<unsigned char>(raw_[c.raw.begin]);  // a space or "?" joined in
      }
    }
    for (std::size_t i = 0; i < run_.size(); ++i) {
      const RunChar& c = run_[i];
      const char32_t next = i + 1 < run_.size() ? run_[i + 1].code_point : NextCodePoint(end);
      const bool changed = EmitUnit(c.raw, c.edit, c.code_point, next);
      // The run the mojibake repair read is not the run written when the
      // policy changes a character beside one it did not repair (a NBSP
      // becomes a space, "ﬁ" becomes "fi", a ZWSP goes: "ƒÅﬁ" is now "ƒÅ"
      // and "fi"), or turns a repaired C1 control into its Windows-1252
      // character ("Â€" is U+0080, then "€"): the next pass reads it again.
      const bool unrepaired_beside =
          (i > 0 && !run_[i - 1].edit) || (i + 1 < run_.size() && !run_[i + 1].edit);
      if (changed && options_.fix_mojibake && run_.size() >= 2 &&
          (unrepaired_beside || (c.code_point >= 0x80 && c.code_point < 0xA0))) {
        may_enable_repairs_ = true;
      }
    }
    return end;
  }

  // Appends the non-ASCII characters from `pos` on to run_ (ill-formed bytes
  // as U+FFFD); returns where they end.
  std::size_t ReadRun(std::size_t pos) {
    std::size_t end = pos;
    while (end < raw_.size() && static_cast<unsigned char>(raw_[end]) >= 0x80) {
      internal::DecodedChar c = internal::DecodeUtf8(raw_, end);
      std::optional<EditKind> edit;
      if (!c.valid) {
        edit = EditKind::kInvalidUtf8;
        // A surrogate encoded as UTF-8 (ED A0-BF xx, what Python's
        // "surrogatepass" writes for a lone surrogate) is one bad character.
        if (static_cast<unsigned char>(raw_[end]) == 0xED && end + 2 < raw_.size() &&
            (static_cast<unsigned char>(raw_[end + 1]) & 0xE0) == 0xA0 &&
            (static_cast<unsigned char>(raw_[end + 2]) & 0xC0) == 0x80) {
          c.length = 3;
        }
      }
      run_.push_back({c.code_point, {end, end + c.length}, edit});
      end += c.length;
    }
    return end;
  }

  // The end of the run and the space after it, when that space was the NBSP
  // byte (0xA0) of a UTF-8 sequence: "Å veices" is "Šveices", "namedÂ " is
  // "named" and a NBSP (internal::FindLostNbsp decides). "Ã" or Windows-1251
  // "Г" is "à", which is a word of its own: its NBSP became a space, and the
  // space after "à" may be kept or lost, so the space stays unless a second
  // one follows ("voilÃ  tout") or the next word continues a Portuguese
  // contraction of "à" ("Ã s" is "às", "Ã quele" is "àquele"). Returns
  // where the run now ends.
  std::size_t RepairLostNbsp(std::size_t end, const internal::RunContext& context) {
    if (run_.back().edit || end >= raw_.size()) return end;
    // A byte another repair may turn into a space or a letter (U+3000,
    // "&nbsp;", ﬁ, a removed control): the next pass sees the result.
    const auto may_change = [&](std::size_t i) {
      const auto b = static_cast<unsigned char>(raw_[i]);
      return b >= 0x80 || b == '&' || b == 0x7F || (b < 0x20 && b != '\n' && b != '\t');
    };
    if (raw_[end] != ' ' || end + 1 >= raw_.size()) {
      const char32_t last = run_.back().code_point;
      may_enable_repairs_ = may_enable_repairs_ ||
                            ((last == 0xC3 || last == 0xC2) && raw_[end] != ' ' && may_change(end));
      return end;
    }
    const char32_t previous = run_.size() >= 2 ? run_[run_.size() - 2].code_point : context.before;
    const std::optional<internal::NbspSequence> nbsp =
        internal::FindLostNbsp(run_, previous, NextCodePoints(end + 1), context);
    if (!nbsp) return end;
    const std::size_t first = run_.size() - static_cast<std::size_t>(nbsp->chars);
    const std::size_t raw_begin = run_[first].raw.begin;
    if (nbsp->decoded != 0xE0) {
      run_.resize(first);
      run_.push_back({nbsp->decoded, {raw_begin, end + 1}, EditKind::kMojibake});
      may_enable_repairs_ = true;
      return end + 1;
    }
    RunChar& c = run_.back();
    const char after = raw_[end + 1];
    const std::string_view word = raw_.substr(end + 1, 5);
    const bool lone_s = after == 's' && (word.size() < 2 || std::string_view(" .,;:!?)").find(
                                                                word[1]) != std::string_view::npos);
    const bool contraction = word.substr(0, 4) == "quel" || word.substr(0, 4) == "quil" || lone_s;
    // The new "à" may complete mojibake with the rest of the run.
    may_enable_repairs_ = may_enable_repairs_ ||
                          (run_.size() >= 2 && (after == ' ' || (after >= 'a' && after <= 'z')));
    if (after == ' ' || contraction) {
      c = {0xE0, {c.raw.begin, end + 1}, EditKind::kMojibake};
      return end + 1;
    }
    if (after >= 'a' && after <= 'z') c = {0xE0, c.raw, EditKind::kMojibake};
    may_enable_repairs_ = may_enable_repairs_ || may_change(end + 1);
    return end;
  }

  // The three characters from `pos` on (0 past the end).
  std::array<char32_t, 3> NextCodePoints(std::size_t pos) const {
    std::array<char32_t, 3> next{};
    for (char32_t& c : next) {
      if (pos >= raw_.size()) break;
      const internal::DecodedChar d = internal::DecodeUtf8(raw_, pos);
      c = d.code_point;
      pos += d.length;
    }
    return next;
  }

  char32_t NextCodePoint(std::size_t pos) const {
    return pos < raw_.size() ? internal::DecodeUtf8(raw_, pos).code_point : 0;
  }

  char32_t LastCodePoint() const {
    return internal::DecodeUtf8(text_, internal::PreviousCharStart(text_, text_.size())).code_point;
  }

  // Writes the code points of one unit (one or two; `second` is 0 when
  // there is one) and records an edit when the unit was a repair or the
  // policy changed a character. `next` is the character after the unit.
  // Returns true when the policy changed a character.
  bool EmitUnit(ByteSpan raw, std::optional<EditKind> kind, char32_t first, char32_t next,
                char32_t second = 0) {
    const std::size_t clean_begin = text_.size();
    std::optional<EditKind> policy = Emit(first, second != 0 ? second : next);
    if (second != 0) {
      std::optional<EditKind> more = Emit(second, next);
      if (!policy) policy = more;
    }
    if (!kind) kind = policy;
    if (kind) Record(*kind, raw, {clean_begin, text_.size()});
    return policy.has_value();
  }

  // Appends what `cp` becomes; returns the kind of change, or nullopt when
  // it is written unchanged.
  std::optional<EditKind> Emit(char32_t cp, char32_t next) {
    if (cp < 0x80) return EmitAscii(cp);
    if (cp < 0xA0) {
      const char32_t windows = internal::Windows1252C1(cp);
      if (options_.fix_c1_controls && windows != 0) {
        Emit(windows, next);
        return EditKind::kC1Control;
      }
      if (options_.remove_controls && !options_.keep_c1_controls) return EditKind::kControl;
    } else if (IsOddSpace(cp)) {
      if (cp == 0x3000 && options_.fold_compatibility && !options_.map_spaces) {
        EmitAscii(' ');
        return EditKind::kCompatibility;
      }
      if (options_.map_spaces) {
        EmitAscii(' ');
        return EditKind::kSpace;
      }
    } else if (IsInvisible(cp)) {
      if (options_.remove_invisible) return EditKind::kInvisible;
    } else if (cp == 0xFEFF) {
      if (options_.remove_invisible || options_.remove_bom) return EditKind::kInvisible;
    } else if (cp == 0x200E || cp == 0x200F) {
      const bool near_rtl = IsRightToLeft(next) || (!text_.empty() && IsRightToLeft(LastCodePoint()));
      if (options_.remove_invisible && !near_rtl) return EditKind::kInvisible;
    } else if (cp == 0x2028 || cp == 0x2029) {
      if (options_.fix_line_breaks) {
        text_.push_back('\n');
        return EditKind::kLineBreak;
      }
    } else if ((cp >= 0x206A && cp <= 0x206F) || (cp >= 0xFFF9 && cp <= 0xFFFC)) {
      if (options_.remove_controls) return EditKind::kControl;
    } else if (cp >= 0xFB00 && cp <= 0xFB06) {
      if (options_.fold_compatibility) {
        text_.append(kLatinLigatures[cp - 0xFB00]);
        return EditKind::kCompatibility;
      }
    } else if ((cp >= 0xFF01 && cp <= 0xFFEF) || IsLatinDigraph(cp)) {
      if (options_.fold_compatibility && FoldCompatibility(cp)) return EditKind::kCompatibility;
    } else if ((cp >= 0x2018 && cp <= 0x201F) || cp == 0x02BC) {
      if (options_.quotes == QuoteMode::kStraighten) {
        text_.push_back(cp >= 0x201C ? '"' : '\'');
        return EditKind::kQuote;
      }
    }
    NoteNormalForm(cp);
    internal::AppendUtf8(cp, &text_);
    return std::nullopt;
  }

  std::optional<EditKind> EmitAscii(char32_t cp) {
    if (cp == ' ' && options_.collapse_spaces && EndsWithSpace()) return EditKind::kSpace;
    if (cp == '\r' && options_.fix_line_breaks) {
      text_.push_back('\n');
      return EditKind::kLineBreak;
    }
    if (IsRemovedControl(cp)) return EditKind::kControl;
    text_.push_back(static_cast<char>(cp));
    return std::nullopt;
  }

  // Full-width ASCII to ASCII; half-width forms and Latin digraphs to their
  // NFKC form. False when the character has no other form.
  bool FoldCompatibility(char32_t cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      text_.push_back(static_cast<char>(cp - 0xFEE0));
      return true;
    }
    const icu::Normalizer2* nfkc = IcuNormalizer(NormalForm::kNfkc);
    icu::UnicodeString folded;
    if (nfkc == nullptr || !nfkc->getDecomposition(static_cast<UChar32>(cp), folded)) return false;
    // The folded characters go through the policy too (ŉ is ʼn, whose ʼ a
    // straightening profile turns into ').
    for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
      Emit(static_cast<char32_t>(folded.char32At(i)), 0);
    }
    return true;
  }

  // Marks the text for the ICU pass when `cp` may not be in normal form
  // (ICU's quick check is not "yes") or may need reordering (a mark).
  void NoteNormalForm(char32_t cp) {
    // Below these, every character is in NFC (U+0300) or NFKC (U+00A0).
    const bool nfkc = options_.normal_form == NormalForm::kNfkc;
    if (needs_normal_form_ || cp < (nfkc ? 0xA0u : 0x300u) ||
        options_.normal_form == NormalForm::kNone) {
      return;
    }
    const UProperty check = nfkc ? UCHAR_NFKC_QUICK_CHECK : UCHAR_NFC_QUICK_CHECK;
    needs_normal_form_ = u_getIntPropertyValue(static_cast<UChar32>(cp), check) != UNORM_YES ||
                         u_getCombiningClass(static_cast<UChar32>(cp)) != 0;
  }

  // True when the edit just written may have made text that another pass
  // would repair: a removal or a replacement that puts two non-ASCII
  // characters side by side ("â€" + BOM + "™", "Ã" + "&copy;"), or that may
  // complete an entity ("&" + ZWSP + "amp;"). Repairs inside a run of
  // non-ASCII characters (mojibake, C1, bad bytes) saw the whole run already.
  bool MayJoin(EditKind kind, ByteSpan raw, ByteSpan clean) const {
    if (kind == EditKind::kMojibake || kind == EditKind::kLossyMojibake ||
        kind == EditKind::kC1Control || kind == EditKind::kInvalidUtf8) {
      return false;
    }
    const auto byte_at = [](std::string_view s, std::size_t i) {
      return static_cast<unsigned char>(s[i]);
    };
    const bool next_non_ascii = raw.end < raw_.size() && byte_at(raw_, raw.end) >= 0x80;
    const bool previous_non_ascii = clean.begin > 0 && byte_at(text_, clean.begin - 1) >= 0x80;
    if (clean.empty()) {
      // A removal next to a non-ASCII character changes its run: "?" may
      // finish a sequence that lost a byte ("â€" + LRM + "?"), a space may
      // follow an "Ã" that lost its NBSP, a run may now read whole.
      if (previous_non_ascii || next_non_ascii) return true;
    } else if ((previous_non_ascii && byte_at(text_, clean.begin) >= 0x80) ||
               (byte_at(text_, clean.end - 1) >= 0x80 && next_non_ascii)) {
      return true;
    }
    return EntityMayForm(raw.end);
  }

  // True when the text ends with an unfinished "&name" or "&#..." and the
  // raw text at `next` might finish it.
  bool EntityMayForm(std::size_t next) const {
    if (!options_.decode_html_entities || next >= raw_.size()) return false;
    const char c = raw_[next];
    const bool may_continue = static_cast<unsigned char>(c) >= 0x80 || c == ';' || c == '#' ||
                              (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (!may_continue) return false;
    for (std::size_t i = text_.size(), steps = 0; i > 0 && steps < 40; --i, ++steps) {
      const char t = text_[i - 1];
      if (t == '&') return true;
      const bool name_char = t == '#' || (t >= '0' && t <= '9') || ((t | 0x20) >= 'a' && (t | 0x20) <= 'z');
      if (!name_char) return false;
    }
    return false;
  }

  // Adds an edit, joined to the previous one when both are removals of the
  // same kind that touch (a run of removed spaces is one edit).
  void Record(EditKind kind, ByteSpan raw, ByteSpan clean) {
    may_enable_repairs_ = may_enable_repairs_ || MayJoin(kind, raw, clean);
    if (!edits_.empty()) {
      Edit& last = edits_.back();
      if (last.kind == kind && last.raw.end == raw.begin && last.clean.empty() && clean.empty() &&
          last.clean.end == clean.begin) {
        last.raw.end = raw.end;
        last.clean.end = clean.end;
        return;
      }
    }
    edits_.push_back({kind, raw, clean});
  }

  std::string_view raw_;
  const NormalizeOptions& options_;
  uint32_t removed_controls_ = 0;  // bit b: control b is removed
  std::string text_;
  std::vector<Edit> edits_;
  std::vector<RunChar> run_;
  internal::MojibakeScratch mojibake_scratch_;
  internal::LineEvidence line_evidence_{raw_};
  bool needs_normal_form_ = false;
  bool may_enable_repairs_ = false;
};

// Passes after the first run only when the previous one may have enabled
// new repairs; a few make the result a fixed point on all inputs seen.
constexpr int kMaxPasses = 4;

}  // namespace

std::string_view EditKindName(EditKind kind) {
  switch (kind) {
    case EditKind::kInvalidUtf8: return "invalid_utf8";
    case EditKind::kMojibake: return "mojibake";
    case EditKind::kLossyMojibake: return "lossy_mojibake";
    case EditKind::kHtmlEntity: return "html_entity";
    case EditKind::kC1Control: return "c1_control";
    case EditKind::kControl: return "control";
    case EditKind::kLineBreak: return "line_break";
    case EditKind::kSpace: return "space";
    case EditKind::kInvisible: return "invisible";
    case EditKind::kCompatibility: return "compatibility";
    case EditKind::kQuote: return "quote";
    case EditKind::kUnicodeNormalization: return "unicode_normalization";
  }
  return "unknown";
}

Result<NormalizeOptions> NormalizeOptions::ForProfile(std::string_view profile) {
  NormalizeOptions options;
  if (profile == "news") return options;
  if (profile == "ftfy") {
    options.map_spaces = false;
    options.collapse_spaces = false;
    options.remove_invisible = false;
    options.keep_form_feed = true;
    options.keep_c1_controls = true;
    options.confirm_mixed_line_pairs = true;
    options.quotes = QuoteMode::kStraighten;
    return options;
  }
  if (profile == "minimal") {
    options.fix_mojibake = false;
    options.fix_c1_controls = false;
    options.decode_html_entities = false;
    options.map_spaces = false;
    options.collapse_spaces = false;
    options.remove_invisible = false;
    options.remove_bom = false;
    options.fold_compatibility = false;
    return options;
  }
  return Status::InvalidArgument("unknown normalize profile \"" + std::string(profile) +
                                 "\" (expected \"news\", \"ftfy\" or \"minimal\")");
}

ByteSpan NormalizedText::ToRaw(ByteSpan clean) const {
  clean.end = std::min(clean.end, text_.size());
  clean.begin = std::min(clean.begin, clean.end);
  return internal::MapSpan(edits_, clean, internal::MapSide::kClean);
}

ByteSpan NormalizedText::ToClean(ByteSpan raw) const {
  raw.end = std::min(raw.end, raw_size_);
  raw.begin = std::min(raw.begin, raw.end);
  return internal::MapSpan(edits_, raw, internal::MapSide::kRaw);
}

NormalizedText Normalize(std::string_view raw, const NormalizeOptions& options) {
  NormalizedText result;
  result.raw_size_ = raw.size();
  bool again = true;
  // Normalize(Normalize(x)) == Normalize(x): repeat while a pass may have
  // made something repairable, composing the edits of each pass.
  for (int pass = 0; pass < kMaxPasses && again; ++pass) {
    Normalizer normalizer(pass == 0 ? raw : std::string_view(result.text_), options);
    normalizer.Run();
    normalizer.ApplyNormalForm();
    std::vector<Edit> edits = normalizer.TakeEdits();
    // A pass that changed nothing would only be repeated by the next one.
    if (edits.empty() && pass > 0) break;
    again = normalizer.may_enable_repairs() && !edits.empty();
    result.text_ = normalizer.TakeText();
    result.edits_ = pass == 0 ? std::move(edits) : internal::ComposeEdits(result.edits_, edits);
  }
  return result;
}

}  // namespace copydesk
