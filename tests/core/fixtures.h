// Reads a fixture file from tests/fixtures (the same path natively and under node's NODERAWFS).
#pragma once

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace rd::test {

inline std::string fixture_text(const std::string& name) {
    std::ifstream in(std::string(RENEWDESK_FIXTURES_DIR) + "/" + name, std::ios::binary);
    if (!in) throw std::runtime_error("missing fixture " + name);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline nlohmann::json fixture_json(const std::string& name) {
    return nlohmann::json::parse(fixture_text(name));
}

} // namespace rd::test
