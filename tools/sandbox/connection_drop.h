// Ends the TCP connection a request arrived on without sending a byte, so the client sees a transport
// failure (curl: "Empty reply from server") instead of an HTTP response. cpp-httplib 0.11 gives handlers
// no socket, so the socket is found among the process's descriptors by its two endpoints and shut down;
// httplib still owns and later closes the descriptor, and its attempt to write the reply fails harmlessly
// (SIGPIPE must be ignored, which SandboxServer::start does). The same lookup lets reset_mid_body reset
// a connection (TCP RST) after part of a reply was sent.
#pragma once

#include <httplib.h>

namespace sandbox {

// True when the connection was found and shut down.
bool drop_connection(const httplib::Request& request);

// The two ports that name a request's connection, kept for work done after the handler returned
// (content providers run while httplib writes the reply).
struct ConnectionPorts {
    int local = 0;
    int remote = 0;
};
ConnectionPorts connection_ports(const httplib::Request& request);

// Resets the connection (TCP RST) once the client's side has acknowledged everything written so far
// (waiting at most 5 s), so the client holds the partial reply when the reset arrives. The descriptor
// stays httplib's: the socket is disconnected in place (connect with AF_UNSPEC, Linux), not closed.
// True when the connection was found and reset.
bool reset_connection(ConnectionPorts ports);

} // namespace sandbox
