// Ends the TCP connection a request arrived on without sending a byte, so the client sees a transport
// failure (curl: "Empty reply from server") instead of an HTTP response. cpp-httplib 0.11 gives handlers
// no socket, so the socket is found among the process's descriptors by its two endpoints and shut down;
// httplib still owns and later closes the descriptor, and its attempt to write the reply fails harmlessly
// (SIGPIPE must be ignored, which SandboxServer::start does).
#pragma once

#include <httplib.h>

namespace sandbox {

// True when the connection was found and shut down.
bool drop_connection(const httplib::Request& request);

} // namespace sandbox
