#include "order_pages.h"

#include "api_paths.h"
#include "decoders.h"

#include <utility>

namespace rd {

void fetch_order_page(ApiClient& client, std::int64_t page_no, int page_size,
                      std::function<void(Result<OrderPage>)> on_page) {
    client.get(paths::order_page(page_no, page_size), [on_page = std::move(on_page)](Result<ApiReply> reply) {
        if (!reply) return on_page(reply.error());
        Result<OrderPage> page = decode_order_page(reply.value().result);
        if (page || !page.error().request_id.empty()) return on_page(std::move(page));
        ApiError error = page.error();
        error.request_id = reply.value().request_id;
        on_page(std::move(error));
    });
}

} // namespace rd
