// Mojibake repair: UTF-8 that some program decoded with a single-byte code
// page (Windows-1252, Latin-1, MacRoman, other Windows-125x), once or twice.
//
// Works on one run of non-ASCII characters at a time (mojibake of a UTF-8
// sequence never contains ASCII): each character is mapped back to the byte
// the code page gives it, the bytes are read as UTF-8, and a decoded sequence
// replaces its characters only when it passes the plausibility rules in
// mojibake.cc. Correct text in any script is left alone.

#ifndef COPYDESK_INTERNAL_MOJIBAKE_H_
#define COPYDESK_INTERNAL_MOJIBAKE_H_

#include <optional>
#include <vector>

#include "copydesk/normalize.h"
#include "copydesk/span.h"

namespace copydesk::internal {

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
  bool lossy = false;  // stands for bytes that were lost: becomes U+FFFD
};

// Working memory that RepairMojibake() reuses from call to call.
struct MojibakeScratch {
  std::vector<int> bytes;
  std::vector<MojibakeCandidate> candidates;
  std::vector<MojibakeCandidate> best;  // of the code page that explains most
  std::vector<RunChar> repaired;
};

// The Windows-1252 character of byte 0x80-0x9F, or 0 where Windows-1252
// leaves the byte undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
char32_t Windows1252C1(char32_t c1_control);

// Repairs the mojibake in `run`, in place: a repaired sequence becomes one
// RunChar with edit kMojibake covering the raw bytes of its characters.
// `before` is the character just before the run (0 at the start of the text).
// When the run ends with all but the last byte of a sequence and the text
// goes on with "?" (a lost byte, as lossy converters write it), that prefix
// becomes U+FFFD with edit kLossyMojibake and `lost_byte` is set: the
// caller then folds the "?" into that edit. Mojibake of mojibake is
// repaired layer by layer, up to four layers in one call.
struct MojibakeResult {
  bool lost_byte = false;        // the caller folds the "?" after the run in
  bool may_repair_more = false;  // stopped after the last round still repaired
};
MojibakeResult RepairMojibake(std::vector<RunChar>* run, char32_t before, char next_ascii,
                              MojibakeScratch* scratch);

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_MOJIBAKE_H_
