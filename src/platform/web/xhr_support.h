// What the fetch transport needs of the browser's XMLHttpRequest beyond emscripten_fetch 3.1.6:
// aborting an XHR for real, telling that the browser followed a redirect, refusing what
// XMLHttpRequest would throw on (an unparsable URL, a bad header), and reading a response header.
#pragma once

#include "core/transport.h"

#include <emscripten/fetch.h>

#include <string>
#include <string_view>

namespace rd::web {

// emscripten_fetch_close() does not abort an in-flight XHR: its handlers would later write into the
// freed emscripten_fetch_t. Detaches and aborts it; false when the XHR cannot be found (then the
// caller must let the fetch finish before closing it).
bool abort_xhr(unsigned int fetch_id);

// True when the XHR's final URL differs from `url` (the browser followed a redirect); the final URL
// goes to `out` (at most `size` bytes, NUL-terminated).
bool redirected_to(unsigned int fetch_id, const char* url, char* out, int size);

bool url_is_valid(const char* url);             // http: or https:, parsable by the browser
bool header_is_valid(const HttpHeader& header); // setRequestHeader() would not throw

// The value of response header `name` (lower case), or "".
std::string response_header(emscripten_fetch_t* fetch, std::string_view name);

} // namespace rd::web
