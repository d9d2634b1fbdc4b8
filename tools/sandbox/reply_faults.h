// The fault kinds that reshape the normal reply after the request was processed (a save IS committed):
// trickle, huge_body, wrong_content_type, reset_mid_body, invalid_utf8, duplicate_keys, odd_numbers.
// They stand for a slow or broken network (trickle, reset), a proxy (huge page, wrong label) and an API
// whose JSON is legal-looking but hostile (bad bytes, repeated members, numbers no id can be).
// Streamed replies use httplib content providers, so a 50 MB body is never held in memory.
#pragma once

#include "tools/sandbox/connection_drop.h"
#include "tools/sandbox/fault_plan.h"
#include "tools/sandbox/reply_envelope.h"

#include <httplib.h>

#include <string>

namespace sandbox {

// True for the kinds this file carries out.
bool reshapes_reply(FaultKind kind);

// Writes `reply` onto `response` as the fault says (marked X-Sandbox-Fault). `ports` name the
// connection, for reset_mid_body.
void write_reshaped_reply(httplib::Response& response, const ApiReply& reply, const Fault& fault,
                          ConnectionPorts ports);

// The bytes invalid_utf8 writes into names: 0xFF (never UTF-8), a lead byte without its continuation
// and an encoded UTF-16 surrogate.
inline constexpr const char* kInvalidUtf8Bytes = "\xFF\xC3(\xED\xA0\x80";

// The envelope's text with each kind's change (invalid_utf8, duplicate_keys, odd_numbers); for tests.
std::string reshaped_text(const ApiReply& reply, const Fault& fault);

} // namespace sandbox
