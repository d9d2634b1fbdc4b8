// The Partner Portal API as the product reads it: one function per endpoint that sends the GET,
// decodes the envelope and the result, and gives a decoding failure the reply's requestId. The flow,
// the Orders screen's book and renewdesk-cli read through these; none writes that sequence itself.
// (The reconciler reads an order's details raw: its rules judge members the model does not keep.)
//
//   fetch_plans(client, [](Result<PlanCatalog> plans) { ... });
#pragma once

#include "core/api_client.h"
#include "core/models.h"
#include "core/order_details.h"
#include "core/users_reply.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace rd {

// Entries of a list that could not be read, as raw text cut to about 300 bytes (shown, never guessed).
using SkippedEntries = std::vector<std::string>;

// "Query Subordinate User List", read straight from the reply's text (no DOM: 10,000 users happen).
void fetch_subordinate_users(ApiClient& client,
                             std::function<void(Result<SubordinateUsersReply>, SkippedEntries)> on_done);

// The plans of product 15 ("Remote Management").
void fetch_plans(ApiClient& client, std::function<void(Result<PlanCatalog>)> on_done);

// The billing contacts.
void fetch_billing_contacts(ApiClient& client,
                            std::function<void(Result<std::vector<BillingContact>>, SkippedEntries)> on_done);

// One page of the order list (partner-openapi.md §10); each caller keeps its own paging and run checks.
void fetch_order_page(ApiClient& client, std::int64_t page_no, int page_size,
                      std::function<void(Result<OrderPage>)> on_page);

// One order's details, by id (or order number).
void fetch_order_details(ApiClient& client, const std::string& id,
                         std::function<void(Result<OrderDetails>)> on_done);

} // namespace rd
