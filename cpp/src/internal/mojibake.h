// Mojibake repair: UTF-8 that some program decoded with a single-byte code
// page (Windows-1252, Latin-1, MacRoman, other Windows-125x, ISO-8859-2,
// DOS code page 437), once or several times.
//
// Works on one run of non-ASCII characters at a time (mojibake of a UTF-8
// sequence never contains ASCII): each character is mapped back to the byte
// the code page gives it, the bytes are read as UTF-8, and a decoded sequence
// replaces its characters only when it passes the plausibility rules in
// mojibake.cc. Correct text in any script is left alone.
//
// Some repairs need evidence beyond their run: a NBSP byte that became a
// space ("Å veices" is "Šveices"), a sequence that lost a byte, a choice
// between two code pages that read a run differently. LineEvidence counts
// the repairs each code page makes on its own in the line around the run.

#ifndef COPYDESK_INTERNAL_MOJIBAKE_H_
#define COPYDESK_INTERNAL_MOJIBAKE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "copydesk/normalize.h"
#include "copydesk/span.h"

namespace copydesk::internal {

// The code pages RepairMojibake() tries, in order of how common they are.
inline constexpr int kCodePageCount = 9;

// One character of a non-ASCII run and the raw bytes it stands for.
struct RunChar {
  char32_t code_point;
  ByteSpan raw;
  std::optional<EditKind> edit;  // set once the character is a repair
};

// A decoded UTF-8 sequence found in a run: a repair if the rules accept it.
struct MojibakeCandidate {
  std::size_t first;  // index of its first character in the run
  int length;         // characters (= bytes) it spans
  char32_t decoded;
  bool accepted = false;
  bool lossy = false;    // stands for bytes that were lost: becomes U+FFFD
  bool refused = false;  // a rule says correct text looks like this: never accepted
  bool after_stray = false;  // right after a character of the run no sequence takes
};

// Working memory that RepairMojibake() reuses from call to call.
struct MojibakeScratch {
  std::vector<int> bytes;
  std::vector<MojibakeCandidate> candidates;
  std::vector<MojibakeCandidate> best;  // of the code page that explains most
  std::vector<RunChar> repaired;
};

// The repairs each code page makes on its own evidence in one line of a
// text (a line ends at "\n" or "\r"). Computed when a run first asks for
// it, once per line, so the cost stays linear.
class LineEvidence {
 public:
  struct PageCounts {
    uint32_t repairs = 0;  // sequences accepted
    uint32_t letters = 0;  // of which decode to letters (not punctuation)
    // Non-ASCII characters of the text (not spaces, controls or invisible
    // format characters) that no accepted sequence covers: correct text,
    // to this page ("–" in "Bremer – DrÃ¥ber").
    uint32_t unexplained = 0;
  };
  using Counts = std::array<PageCounts, kCodePageCount>;

  explicit LineEvidence(std::string_view text) : text_(text) {}

  // The counts for the line that holds byte `pos` of the text.
  const Counts& At(std::size_t pos);

 private:
  std::string_view text_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;  // [begin_, end_) is the line counted, when valid_
  bool valid_ = false;
  Counts counts_{};
  std::vector<RunChar> run_;
  MojibakeScratch scratch_;
};

// The Windows-1252 character of byte 0x80-0x9F, or 0 where Windows-1252
// leaves the byte undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
char32_t Windows1252C1(char32_t c1_control);

// Where `run` sits in the text, and how sure a repair must be there.
struct RunContext {
  char32_t before = 0;          // the character before the run (0 at the start)
  char next_ascii = '\0';       // the byte after the run ('\0' at the end)
  LineEvidence* evidence = nullptr;  // of the run's line; nullptr: none asked for
  std::size_t position = 0;     // byte offset of the run in the text
  // NormalizeOptions::confirm_mixed_line_pairs: in a line with correct
  // non-ASCII text, "Ã" or "Â" before … ’ Œ Ž ¥ needs another repair.
  bool confirm_mixed_line_pairs = false;
};

// Repairs the mojibake in `run`, in place: a repaired sequence becomes one
// RunChar with edit kMojibake covering the raw bytes of its characters.
// When the run ends with all but the last byte of a sequence and the text
// goes on with "?" (a lost byte, as lossy converters write it), that prefix
// becomes U+FFFD with edit kLossyMojibake and `lost_byte` is set: the
// caller then folds the "?" into that edit. Mojibake of mojibake is
// repaired layer by layer, up to four layers in one call.
struct MojibakeResult {
  bool lost_byte = false;        // the caller folds the "?" after the run in
  bool may_repair_more = false;  // stopped after the last round still repaired
  // A sequence was left for the characters around it (a piece of a broken
  // byte stream, a pair without another repair in a mixed line),
  // which the text's other repairs (a ligature folded, a quote
  // straightened) may change for a later pass.
  bool left_on_context = false;
};
MojibakeResult RepairMojibake(std::vector<RunChar>* run, const RunContext& context,
                              MojibakeScratch* scratch);

// True when `run` ends with the first bytes of a UTF-8 sequence, read with
// a code page that repairs mojibake elsewhere in the line, and the ASCII
// `filler` after it stood for its next byte while `next`, the character after
// the filler, goes on with the sequence: a space for a NBSP byte in the
// middle of a three- or four-byte sequence ("â €" is U+2800, "å \u008d" is
// 名); "?" for a byte a lossy converter lost, in Windows-1252 after "Ã" or
// "Â" (not after a capital) or in the middle of a sequence led by "â"
// ("ItÃ?Â¢", "â?¬"). The caller then reads on across the filler.
bool ContinuesAcross(const std::vector<RunChar>& run, char filler, char32_t next,
                     const RunContext& context);

// The character that the end of `run` and a NBSP byte (0xA0) make, when the
// space after the run was that byte: "Ã" + NBSP is "à", "Å" + NBSP is "Š",
// "à¸" + NBSP is "ภ". `chars` is how many characters at the end of the run
// it replaces. `before` is the character before the last one, `next` the
// three after the space (0 past the end). "Ã" (à) and "Â" after a small
// letter or digit (NBSP) need no more evidence, "Â" after a repair or
// punctuation needs Windows-1252 mojibake in the line; any other must stand
// alone before the space, start the next word, and have a code page that
// repairs mojibake elsewhere in the line (letters, for a letter).
struct NbspSequence {
  char32_t decoded;
  int chars;
};
std::optional<NbspSequence> FindLostNbsp(const std::vector<RunChar>& run, char32_t before,
                                         const std::array<char32_t, 3>& next,
                                         const RunContext& context);

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_MOJIBAKE_H_
