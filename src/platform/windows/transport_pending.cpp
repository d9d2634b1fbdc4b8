// TEMPORARY PLACEHOLDER, to be deleted at merge: winhttp_transport.cpp (the WinHTTP transport, written
// in parallel) replaces it, and CMakeLists.txt compiles that one as soon as it exists. Until then every
// request fails as "nothing was sent" with the words "WinHTTP transport not built yet", delivered by
// poll() like any answer.
#include "platform/platform_transport.h"

#include <utility>
#include <vector>

namespace rd {
namespace {

class PendingTransport final : public Transport {
  public:
    RequestHandle send(HttpRequest request, ResponseHandler on_done) override {
        wipe_request(request); // nothing is sent: the secret goes at once
        waiting_.push_back({++last_, std::move(on_done)});
        return last_;
    }

    void poll() override {
        std::vector<Waiting> due;
        due.swap(waiting_);
        for (Waiting& w : due) {
            HttpResponse response;
            response.failure = TransportFailure::could_not_send;
            response.failure_text = "WinHTTP transport not built yet";
            w.on_done(std::move(response));
        }
    }

    void cancel(RequestHandle handle) override {
        std::erase_if(waiting_, [handle](const Waiting& w) { return w.handle == handle; });
    }

    bool idle() const override { return waiting_.empty(); }

  private:
    struct Waiting {
        RequestHandle handle;
        ResponseHandler on_done;
    };
    std::vector<Waiting> waiting_;
    RequestHandle last_ = 0;
};

} // namespace

std::unique_ptr<Transport> make_platform_transport(const TransportOptions&) {
    return std::make_unique<PendingTransport>();
}

} // namespace rd
