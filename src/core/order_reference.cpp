#include "core/order_reference.h"

#include <random>

namespace rd {

namespace {
constexpr std::string_view alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
constexpr std::string_view prefix = "RD-";
constexpr std::size_t length = 8;
} // namespace

std::string new_order_reference(const RandomWord& random) {
    std::random_device device;
    std::string reference(prefix);
    for (std::size_t i = 0; i < length; ++i) {
        // Rejection sampling keeps every symbol equally likely.
        const unsigned limit = 0xFFFFFFFFu - 0xFFFFFFFFu % alphabet.size();
        unsigned word = 0;
        do {
            word = random ? random() : device();
        } while (word >= limit);
        reference += alphabet[word % alphabet.size()];
    }
    return reference;
}

bool is_generated_reference(std::string_view text) {
    if (text.size() != prefix.size() + length || text.substr(0, prefix.size()) != prefix) return false;
    for (char c : text.substr(prefix.size()))
        if (alphabet.find(c) == std::string_view::npos) return false;
    return true;
}

} // namespace rd
