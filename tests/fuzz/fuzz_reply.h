// The fuzzer's bytes as the HTTP reply the core's decoders receive.
#pragma once

#include "core/transport.h"
#include "tests/fuzz/fuzz_support.h"

namespace rd::fuzz {

// An HTTP reply from the input: a first line of 1-3 digits is the HTTP status ("401\n{...}"); without one
// the status is 200 and every byte is the body. So the seeds are plain API documents, readable as such.
inline HttpResponse http_reply(const std::uint8_t* data, std::size_t size) {
    std::string text = bytes(data, size);
    HttpResponse response{.status = 200};
    const std::size_t newline = text.find('\n');
    if (newline >= 1 && newline <= 3 && text.find_first_not_of("0123456789") == newline) {
        response.status = std::stoi(text.substr(0, newline));
        text.erase(0, newline + 1);
    }
    response.body = std::move(text);
    return response;
}

} // namespace rd::fuzz
