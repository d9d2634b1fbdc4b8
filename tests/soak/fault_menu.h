// The soak's menu of faults: every kind the sandbox can inject, in the shapes that matter, for every
// endpoint a renewal touches. A run draws a few of them from its own random generator.
#pragma once

#include <nlohmann/json.hpp>

#include <random>
#include <vector>

namespace soak {

// The fault specs (POST /__sandbox/faults bodies) one run starts with: zero to three of them.
std::vector<nlohmann::json> draw_faults(std::mt19937_64& rng);

// How long the longest delay in the menu holds a reply, so the client's timeouts can be set below it.
inline constexpr int long_delay_ms = 600;

} // namespace soak
