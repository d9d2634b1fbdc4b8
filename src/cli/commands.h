// renewdesk-cli's commands, each returning its exit code (exit_codes.h).
#pragma once

#include "cli/session.h"
#include "core/models.h"

#include <string>
#include <vector>

namespace rd::cli {

int run_users(Session& session);
int run_plans(Session& session);
int run_contacts(Session& session);
int run_orders(Session& session);
int run_order(Session& session);
int run_renew_one(Session& session);   // renew --for
int run_renew_batch(Session& session); // renew --from / --resume

} // namespace rd::cli
