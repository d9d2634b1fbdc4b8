// Which request of its TCP connection the one being handled is (1: the connection's first), for the
// order log: a proxy in front of the API that sends an order on a connection it kept open risks the
// API closing it at that moment (an order that never arrives, a 502), so the shipped server configs
// send each order on a connection of its own, and the hosting tests check it here.
#pragma once

#include <httplib.h>

namespace sandbox {

// Counts `request` on its connection; call once per request, before it is handled (pre-routing).
// httplib serves one connection's requests one after another on one worker thread, so the thread
// remembers the remote address and port it served last: another one is a new connection.
void count_connection_request(const httplib::Request& request);

// The count of the request this thread is handling.
int connection_request();

} // namespace sandbox
