// Reads a fixture file from tests/fixtures (the same path natively and under node's NODERAWFS).
#pragma once

#include "core/json.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace rd::test {

// tests/fixtures of the checkout (fixtures_dir.cpp: the one translation unit that holds the absolute
// path, so the others compile the same in every clone and ccache finds them).
const char* fixtures_dir();

inline std::string fixture_text(const std::string& name) {
    std::ifstream in(std::string(fixtures_dir()) + "/" + name, std::ios::binary);
    if (!in) throw std::runtime_error("missing fixture " + name);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// `text` with the one occurrence of `line` removed (a member's whole line, as the body writer makes it).
inline std::string without_member_line(std::string text, const std::string& line) {
    const auto at = text.find(line);
    if (at == std::string::npos || text.find(line, at + 1) != std::string::npos)
        return text + "\n(no single " + line + ")";
    return text.erase(at, line.size());
}

// A fixture as JSON to build a reply's text from (ok() in fake_transport.h): nlohmann::json, whose
// objects write their members sorted by name.
inline nlohmann::json fixture_json(const std::string& name) {
    return nlohmann::json::parse(fixture_text(name));
}

// A fixture as the product reads it, for a call into the product: rd::Json, members in the file's order.
inline Json fixture_doc(const std::string& name) {
    return Json::parse(fixture_text(name));
}

} // namespace rd::test
