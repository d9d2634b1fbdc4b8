// The save fault kind late_commit: the API (or a queue behind it) drops the connection at once, with no
// reply and nothing stored, and stores the order `delay_ms` later, so it shows up in the order list only
// after a client has looked and settled. The request is checked as a normal save first; one the API
// would refuse (bad token, bad body) is never committed. The commit runs on state.late_commits; its
// createTime is the commit's time on the API clock; /__sandbox/reset cancels commits still pending.
#pragma once

#include "tools/sandbox/fault_plan.h"
#include "tools/sandbox/sandbox_state.h"

#include <httplib.h>

namespace sandbox {

// True when a commit was scheduled (the request would have been accepted).
bool schedule_late_commit(const httplib::Request& request, const Fault& fault, SandboxState& state);

} // namespace sandbox
