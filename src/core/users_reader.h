// The quick half of decode_subordinate_users_reply (users_reply.h): one pass over a reply's text
// straight into SubordinateUsers, without nlohmann's DOM. It takes only the plain, successful reply
// it knows; for anything else it says no and users_reply.cpp takes the ordinary path, which words
// every error.
#pragma once

#include "core/models.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd {

// The users of one list, and the excerpts of the entries skipped.
struct UsersSink {
    std::vector<SubordinateUser> users;
    std::vector<std::string> skipped;
};

// Reads `text`, well-formed UTF-8 already, into `request_id` and `sink` when it is the plain,
// successful user list reply; false otherwise (`request_id` and `sink` then hold no meaning).
bool read_plain_users_reply(std::string_view text, std::string& request_id, UsersSink& sink);

} // namespace rd
