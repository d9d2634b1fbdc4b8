// One page of the order list (partner-openapi.md §10), read and decoded. The Orders screen's book and
// the reconciler read the list this way; each keeps its own paging and run checks.
//
//   fetch_order_page(client, page_no, page_size, [](Result<OrderPage> page) { ... });
#pragma once

#include "api_client.h"
#include "models.h"

#include <cstdint>
#include <functional>

namespace rd {

// `on_page` gets the decoded page, or the error: the request's own, or the decoder's with the reply's
// requestId when the decoder had none.
void fetch_order_page(ApiClient& client, std::int64_t page_no, int page_size,
                      std::function<void(Result<OrderPage>)> on_page);

} // namespace rd
