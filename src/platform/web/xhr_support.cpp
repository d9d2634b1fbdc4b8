#include "platform/web/xhr_support.h"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstring>

// clang-format off
// Emscripten 3.1.6's emscripten_fetch_close() does not abort an in-flight XHR: its handlers would
// later write into the freed emscripten_fetch_t. Detach and abort the XHR first. Returns 0 when the
// XHR cannot be found (then the caller must let the fetch finish before closing it).
EM_JS(int, rd_js_abort_xhr, (unsigned int id), {
    if (typeof Fetch === 'undefined' || !Fetch.xhrs) return 0;
    var xhr = Fetch.xhrs[id - 1]; // emscripten's ids are 1-based indexes into Fetch.xhrs
    if (!xhr) return 0;
    xhr.onload = xhr.onerror = xhr.ontimeout = xhr.onprogress = xhr.onreadystatechange = null;
    xhr.abort();
    return 1;
});

// 1 when the XHR's final URL differs from the one requested: the browser followed a redirect. The
// final URL goes to `out` (at most `size` bytes, NUL-terminated).
EM_JS(int, rd_js_redirected_to, (unsigned int id, const char* url, char* out, int size), {
    if (typeof Fetch === 'undefined' || !Fetch.xhrs) return 0;
    var xhr = Fetch.xhrs[id - 1];
    if (!xhr || !xhr.responseURL) return 0;
    try {
        if (new URL(UTF8ToString(url), document.baseURI).href.split('#')[0] === xhr.responseURL) return 0;
    } catch (e) {
        return 0;
    }
    stringToUTF8(xhr.responseURL, out, size);
    return 1;
});

// XMLHttpRequest.open() throws (uncaught by emscripten, unwinding through wasm) on a URL the
// browser cannot parse, so such URLs are refused before they reach it.
EM_JS(int, rd_js_url_is_valid, (const char* url), {
    try {
        var parsed = new URL(UTF8ToString(url), document.baseURI);
        return (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? 1 : 0;
    } catch (e) {
        return 0;
    }
});
// clang-format on

namespace rd::web {

bool abort_xhr(unsigned int fetch_id) {
    return rd_js_abort_xhr(fetch_id) != 0;
}

bool redirected_to(unsigned int fetch_id, const char* url, char* out, int size) {
    return rd_js_redirected_to(fetch_id, url, out, size) != 0;
}

bool url_is_valid(const char* url) {
    return rd_js_url_is_valid(url) != 0;
}

// A header name must be an HTTP token and a value must not break the header block:
// XMLHttpRequest.setRequestHeader() throws otherwise (uncaught, like open()).
bool header_is_valid(const HttpHeader& header) {
    if (header.name.empty()) return false;
    for (unsigned char c : header.name)
        if (c <= 0x20 || c >= 0x7f || std::strchr("\"(),/:;<=>?@[\\]{}", c)) return false;
    return std::none_of(header.value.begin(), header.value.end(),
                        [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

// The value of response header `name` (lower case), or "".
std::string response_header(emscripten_fetch_t* fetch, std::string_view name) {
    const size_t length = emscripten_fetch_get_response_headers_length(fetch);
    if (length == 0) return {};
    std::string headers(length, '\0');
    emscripten_fetch_get_response_headers(fetch, headers.data(), length);
    std::string_view rest(headers.c_str()); // "name: value\r\n" lines, names lower-case
    while (!rest.empty()) {
        const size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        if (line.size() <= name.size() || line[name.size()] != ':') continue;
        const bool match = std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
            return a == (b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
        });
        if (!match) continue;
        std::string_view value = line.substr(name.size() + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        while (!value.empty() && (value.back() == '\r' || value.back() == ' '))
            value.remove_suffix(1);
        return std::string(value);
    }
    return {};
}

} // namespace rd::web
