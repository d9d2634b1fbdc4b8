// The subordinate user list read straight from the HTTP reply into SubordinateUsers, in one pass and
// without nlohmann's DOM (10,000 users are 3 MB of text and about 300,000 allocations as a DOM).
// The results are those of decode_envelope + decode_subordinate_users, to the byte: the reader only
// takes the plain, successful reply it knows, and gives anything else (another envelope, a parse
// problem, a list of an unexpected shape) to them, so every error message stays theirs.
#pragma once

#include "core/models.h"
#include "core/result.h"
#include "core/transport.h"

#include <string>
#include <vector>

namespace rd {

struct SubordinateUsersReply {
    std::vector<SubordinateUser> users;
    std::string request_id;
};

// The users in a "Query Subordinate User List" reply; the raw text of each entry that could not be
// read (cut to about 300 bytes) goes to *skipped when given, as decode_subordinate_users does. An
// error of the list's shape carries the reply's requestId.
Result<SubordinateUsersReply> decode_subordinate_users_reply(const HttpResponse& response,
                                                             std::vector<std::string>* skipped = nullptr);

} // namespace rd
