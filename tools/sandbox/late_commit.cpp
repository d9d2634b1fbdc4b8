#include "tools/sandbox/late_commit.h"

#include "tools/sandbox/api_endpoints.h"
#include "tools/sandbox/connection_requests.h"

#include <variant>

namespace sandbox {

bool schedule_late_commit(const httplib::Request& request, const Fault& fault, SandboxState& state) {
    auto checked = check_save(request, state);
    const auto* order = std::get_if<ValidatedOrder>(&checked);
    if (!order) return false;
    const std::int64_t received_at_ms = real_now_ms();
    const int on_connection = connection_request();
    state.late_commits.schedule(std::chrono::milliseconds(fault.delay_ms),
                                [&state, order = *order, body = request.body, status = fault.order_status,
                                 received_at_ms, on_connection] {
                                    state.orders.commit(body, order, state.fixtures, status,
                                                        state.clock.now_ms(), received_at_ms, on_connection);
                                });
    return true;
}

} // namespace sandbox
