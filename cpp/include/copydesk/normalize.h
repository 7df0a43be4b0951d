// -----------------------------------------------------------------------------
// File: normalize.h
// -----------------------------------------------------------------------------
//
// Repairs and normalises raw news copy (mojibake, HTML entities, odd spaces,
// invisible characters, controls, line breaks, compatibility forms, NFC) and
// keeps an exact map between the clean text and the raw input.
//
//   std::string_view raw = "Itâ€™s &pound;5\r\n";
//   copydesk::NormalizedText clean = copydesk::Normalize(raw);
//   // clean.text() == "It’s £5\n"
//   // clean.ToRaw({2, 5}) == ByteSpan{2, 9}     ("’" came from "â€™")
//   // clean.edits()[0].kind == copydesk::EditKind::kMojibake
//
// Normalize() never fails: ill-formed UTF-8 becomes one U+FFFD per bad
// sequence (recorded as an edit), empty input gives empty output, and the
// cost is linear in the input on any bytes.
// Thread safety: Normalize() may be called concurrently; a NormalizedText is
// an immutable value.

#ifndef COPYDESK_NORMALIZE_H_
#define COPYDESK_NORMALIZE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/span.h"
#include "copydesk/status.h"

namespace copydesk {

// What kind of repair an edit made. When two repairs touch the same raw
// bytes ("&amp;nbsp;" is an entity that becomes a space), the edit carries the
// first one applied, in the order of this list.
enum class EditKind {
  kInvalidUtf8,      // ill-formed UTF-8 became U+FFFD
  kMojibake,         // UTF-8 that had been decoded with a single-byte code page
  kLossyMojibake,    // mojibake missing a byte; became U+FFFD
  kHtmlEntity,       // "&amp;", "&#8217;", "&eacute;" ...
  kC1Control,        // a lone U+0080-U+009F read as its Windows-1252 character
  kControl,          // a control character removed
  kLineBreak,        // CRLF, CR, U+2028, U+2029 became "\n"
  kSpace,            // an odd space became " ", or a run of spaces became one
  kInvisible,        // a zero-width or formatting character removed
  kCompatibility,    // a ligature or full-width form folded
  kQuote,            // a curly quote straightened
  kUnicodeNormalization,  // NFC or NFKC composition
};

// "invalid_utf8", "mojibake", ... (the Python names).
std::string_view EditKindName(EditKind kind);

enum class QuoteMode {
  kKeep,        // curly quotes stay
  kStraighten,  // ‘ ’ ‚ ‛ ʼ become ', “ ” „ ‟ become "
};

enum class NormalForm { kNone, kNfc, kNfkc };

// Every repair can be switched on its own. The defaults are the "news"
// profile (see docs/normalize.md); NormalizeOptions::ForProfile() gives the
// others.
struct NormalizeOptions {
  // Repair UTF-8 that was decoded as Windows-1252, Latin-1, MacRoman or
  // another Windows-125x code page, once or twice; only where the repaired
  // text is clearly more plausible. "â€?" with a lost byte becomes U+FFFD.
  bool fix_mojibake = true;
  // In a line that also holds correct non-ASCII text (a dash, an accented
  // letter), repair "Ã" or "Â" followed by a sign correct text writes after
  // capitals (… ’ Œ Ž ¥: "Ã¥" is "å", or a capital before the yen sign as in
  // "JP¥") only when the same code page repairs another sequence in the
  // line, as ftfy does. Off for "news", which repairs a lone "DrÃ¥ber".
  bool confirm_mixed_line_pairs = false;
  // Read a lone C1 control (U+0080-U+009F) as the Windows-1252 character of
  // that byte: U+0092 becomes ’.
  bool fix_c1_controls = true;
  // Decode HTML entities: named (HTML5, with ';'), decimal and hex; "&#146;"
  // as Windows-1252 per HTML5; "&amp;amp;" as "&". A bare "&" stays.
  bool decode_html_entities = true;
  // NBSP, narrow NBSP, thin, en/em and ideographic spaces become " ".
  bool map_spaces = true;
  // A run of spaces becomes one space (tabs and line breaks are not spaces).
  bool collapse_spaces = true;
  // Remove zero-width space, word joiner, BOM (anywhere), soft hyphen,
  // invisible operators, and LRM/RLM unless next to right-to-left letters.
  // ZWJ and ZWNJ stay: emoji and Persian need them.
  bool remove_invisible = true;
  // Remove the BOM (U+FEFF) even when remove_invisible is off.
  bool remove_bom = true;
  // CRLF, lone CR, U+2028 and U+2029 become "\n".
  bool fix_line_breaks = true;
  // Remove C0 controls other than "\t" and "\n" ("\r" too when
  // fix_line_breaks is off), DEL, C1 controls that fix_c1_controls leaves,
  // and the deprecated format characters U+206A-U+206F and U+FFF9-U+FFFC.
  bool remove_controls = true;
  // Keep the form feed "\f" that remove_controls would remove (ftfy does).
  bool keep_form_feed = false;
  // Keep the C1 controls that fix_c1_controls leaves (the five bytes
  // Windows-1252 does not define) instead of removing them (ftfy does).
  bool keep_c1_controls = false;
  // Fold Latin ligatures (ﬁ → fi), digraph letters (ǌ → nj, ĳ → ij) and
  // full-width/half-width forms (Ｔｏｋｙｏ → Tokyo). Nothing else NFKC
  // would change (½ ™ ² … stay).
  bool fold_compatibility = true;
  QuoteMode quotes = QuoteMode::kKeep;
  // Applied last, by ICU, only when the text may not be normalised already
  // (and not at all to a clean text of 2 GB or more).
  NormalForm normal_form = NormalForm::kNfc;

  // "news" (the defaults), "ftfy" (ftfy.fix_text's default output: quotes
  // straightened, spaces, zero-width characters and soft hyphens kept, no
  // collapsing) or "minimal" (invalid UTF-8, line breaks, controls and NFC
  // only). Any other name is kInvalidArgument.
  static Result<NormalizeOptions> ForProfile(std::string_view profile);
};

// One repair: the raw bytes it replaced and the clean bytes it produced.
// Edits are in order and never overlap; text outside them is copied
// byte for byte. A removal has an empty `clean` span.
struct Edit {
  EditKind kind = EditKind::kInvalidUtf8;
  ByteSpan raw;
  ByteSpan clean;

  friend bool operator==(const Edit& a, const Edit& b) {
    return a.kind == b.kind && a.raw == b.raw && a.clean == b.clean;
  }
};

// The clean text, the edits that made it, and the map between clean and raw
// offsets. Does not keep the raw input: whoever holds it (an Article, a
// caller) slices it with the spans ToRaw() returns.
class NormalizedText {
 public:
  NormalizedText() = default;

  // The clean UTF-8 text (always well-formed).
  const std::string& text() const { return text_; }
  // The repairs, in order of both raw and clean offsets.
  const std::vector<Edit>& edits() const { return edits_; }
  // Size in bytes of the raw input.
  std::size_t raw_size() const { return raw_size_; }

  // The raw bytes that `clean` (a span of text()) came from. A span that
  // starts or ends inside an edit grows to cover the whole edit; characters
  // that were removed at its edges are left out. Clamped to the text.
  ByteSpan ToRaw(ByteSpan clean) const;
  // The clean text that the raw bytes `raw` became, by the same rules.
  ByteSpan ToClean(ByteSpan raw) const;

 private:
  friend NormalizedText Normalize(std::string_view raw, const NormalizeOptions& options);

  std::string text_;
  std::vector<Edit> edits_;
  std::size_t raw_size_ = 0;
};

// Repairs and normalises `raw` (UTF-8, possibly ill-formed) as `options` say.
NormalizedText Normalize(std::string_view raw, const NormalizeOptions& options = {});

}  // namespace copydesk

#endif  // COPYDESK_NORMALIZE_H_
