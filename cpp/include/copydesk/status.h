// -----------------------------------------------------------------------------
// File: status.h
// -----------------------------------------------------------------------------
//
// Status and Result<T>: how the few copydesk calls that can fail (building a
// lexicon or a splitter from user input) say why. Analysing text never fails.
//
//   copydesk::Result<copydesk::Lexicon> extra = copydesk::Lexicon::Parse(lines);
//   if (!extra.ok()) {
//     std::cerr << extra.status().message() << "\n";   // "line 12: ..."
//   }
//
// The codes are those of absl::Status; no exception leaves the C++ API.

#ifndef COPYDESK_STATUS_H_
#define COPYDESK_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace copydesk {

// Same numbering as absl::StatusCode.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument = 3,
  kNotFound = 5,
  kOutOfRange = 11,
  kUnimplemented = 12,
  kInternal = 13,
};

class Status {
 public:
  // An OK status.
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status InvalidArgument(std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // Empty for an OK status; otherwise says what was wrong and where.
  std::string_view message() const { return message_; }
  // "INVALID_ARGUMENT: line 3: empty entry", or "OK".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that says why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  // `status` must not be OK; an OK status without a value becomes kInternal.
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok()) status_ = Status(StatusCode::kInternal, "Result without a value");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // Precondition for all accessors: ok().
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace copydesk

#endif  // COPYDESK_STATUS_H_
