// -----------------------------------------------------------------------------
// File: lexicon.h
// -----------------------------------------------------------------------------
//
// A Lexicon is a set of entries (abbreviations, speech verbs, agency names)
// that a user adds to copydesk's built-in ones. The built-in lexicons live as
// plain text under cpp/data/ and are compiled into the library; a Lexicon is
// how a caller supplies more at run time, in the same format:
//
//   # comment lines start with '#'; blank lines are skipped
//   Supt.
//   Cmdr.
//
//   copydesk::Result<copydesk::Lexicon> extra =
//       copydesk::Lexicon::Parse("Supt.\nCmdr.\n");
//   if (!extra.ok()) std::cerr << extra.status().message();
//
// Thread safety: a Lexicon is immutable once built; share it freely.

#ifndef COPYDESK_LEXICON_H_
#define COPYDESK_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

#include "copydesk/status.h"

namespace copydesk {

class Lexicon {
 public:
  // An empty lexicon.
  Lexicon() = default;

  // Parses one entry per line; surrounding white space is trimmed, lines that
  // are blank or start with '#' are skipped. Fails with kInvalidArgument
  // ("line 3: ...") on invalid UTF-8, control characters or an entry longer
  // than 256 bytes.
  static Result<Lexicon> Parse(std::string_view lines);

  // Builds a lexicon from entries, checked as Parse() checks each line.
  static Result<Lexicon> FromEntries(const std::vector<std::string>& entries);

  // Exact, case-sensitive membership.
  bool Contains(std::string_view entry) const;

  // The entries, sorted and without duplicates.
  const std::vector<std::string>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<std::string> entries_;
};

}  // namespace copydesk

#endif  // COPYDESK_LEXICON_H_
