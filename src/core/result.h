// Result<T>: a value or an ApiError, the currency at every layer boundary of the core.
// Kept tiny on purpose: <expected> is missing from Emscripten 3.1.6's libc++.
#pragma once

#include "core/api_error.h"

#include <utility>
#include <variant>

namespace rd {

template <class T> class Result {
  public:
    Result(T value) : data_(std::move(value)) {}
    Result(ApiError error) : data_(std::move(error)) {}

    bool ok() const { return data_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(data_); }
    const T& value() const { return std::get<0>(data_); }
    const ApiError& error() const { return std::get<1>(data_); }

  private:
    std::variant<T, ApiError> data_;
};

struct Done {};

} // namespace rd
