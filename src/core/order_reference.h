// The reference every order RenewDesk sends carries in `poNumber`: the person's PO number, or when they
// give none a generated one, "RD-" and 8 characters from the platform's CSPRNG (std::random_device:
// /dev/urandom natively, crypto.getRandomValues in the browser). The order list is expected to echo it
// as `customReferenceNo`, which lets the check after an unknown outcome prove which order is ours.
// 31 symbols without look-alikes (no 0/O, 1/I/L), 8 of them: 39.6 bits, so two attempts never share one.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace rd {

using RandomWord = std::function<unsigned()>; // uniformly random 32-bit words

std::string new_order_reference(const RandomWord& random = {}); // {} = std::random_device
// True for a reference new_order_reference() makes: unique to one attempt, so a match anywhere counts.
bool is_generated_reference(std::string_view text);

} // namespace rd
