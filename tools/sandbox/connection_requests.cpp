#include "tools/sandbox/connection_requests.h"

#include <string>

namespace sandbox {
namespace {

thread_local std::string t_remote_addr;
thread_local int t_remote_port = -1;
thread_local int t_count = 0;

} // namespace

void count_connection_request(const httplib::Request& request) {
    if (request.remote_port != t_remote_port || request.remote_addr != t_remote_addr) {
        t_remote_addr = request.remote_addr;
        t_remote_port = request.remote_port;
        t_count = 0;
    }
    ++t_count;
}

int connection_request() {
    return t_count;
}

} // namespace sandbox
