#include "tools/sandbox/form_fields.h"

#include <cctype>

namespace sandbox {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string url_decode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out.push_back(' ');
        } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                   hex_value(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

} // namespace

std::string media_type(const std::string& content_type) {
    std::string out;
    for (char c : content_type) {
        if (c == ';') break;
        if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::tolower(c)));
    }
    return out;
}

std::map<std::string, std::string> form_fields(const httplib::Request& request) {
    std::map<std::string, std::string> fields;
    const std::string type = media_type(request.get_header_value("Content-Type"));
    if (type == "application/x-www-form-urlencoded") {
        std::size_t start = 0;
        const std::string& body = request.body;
        while (start <= body.size()) {
            std::size_t end = body.find('&', start);
            if (end == std::string::npos) end = body.size();
            const std::string pair = body.substr(start, end - start);
            if (!pair.empty()) {
                const std::size_t eq = pair.find('=');
                const std::string name = url_decode(pair.substr(0, eq));
                const std::string value = eq == std::string::npos ? "" : url_decode(pair.substr(eq + 1));
                fields.emplace(name, value);
            }
            start = end + 1;
        }
    } else if (type == "multipart/form-data") {
        for (const auto& [name, part] : request.files)
            fields.emplace(name, part.content);
    }
    return fields;
}

} // namespace sandbox
