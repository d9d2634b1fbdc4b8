// Random strings for request ids and opaque tokens (thread-safe: one engine per thread).
#pragma once

#include <cstdint>
#include <string>

namespace sandbox {

std::uint64_t random_u64();
std::string random_hex(std::size_t length);
std::string base64url(const std::string& bytes);

} // namespace sandbox
