// A minimal fake Transport for the fuzz targets; their clock is the unit tests' FakeClock (included
// here). Unlike tests/core/fake_transport.h's FakeTransport it answers any pending request by its
// position (so replies can come in any order), can let an answer arrive without delivering it until the
// next poll() (what a frame boundary does), and honours cancel() for answers that arrived but were not
// delivered yet, as the real transports do.
#pragma once

#include "core/transport.h"
#include "tests/core/fake_transport.h"

#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace rd::fuzz {

class FuzzTransport final : public Transport {
  public:
    struct Pending {
        RequestHandle handle;
        HttpRequest request;
        ResponseHandler handler;
    };

    RequestHandle send(HttpRequest request, ResponseHandler on_done) override {
        sent.push_back(request);
        pending.push_back({++next_handle_, std::move(request), std::move(on_done)});
        return next_handle_;
    }

    void poll() override {
        while (!arrived_.empty()) {
            Pending next = std::move(arrived_.front());
            HttpResponse answer = std::move(answers_.front());
            arrived_.pop_front();
            answers_.pop_front();
            delivered.push_back({next.request.url, answer});
            next.handler(std::move(answer)); // may send, cancel or sign out: the queues are consistent
        }
    }

    void cancel(RequestHandle handle) override {
        for (std::size_t i = 0; i < pending.size(); ++i)
            if (pending[i].handle == handle) {
                pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(i));
                return;
            }
        for (std::size_t i = 0; i < arrived_.size(); ++i)
            if (arrived_[i].handle == handle) {
                arrived_.erase(arrived_.begin() + static_cast<std::ptrdiff_t>(i));
                answers_.erase(answers_.begin() + static_cast<std::ptrdiff_t>(i));
                return;
            }
    }

    bool idle() const override { return pending.empty() && arrived_.empty(); }

    // The answer to pending[index] arrives; it is handed over at the next poll().
    void arrive(std::size_t index, HttpResponse response) {
        arrived_.push_back(std::move(pending[index]));
        answers_.push_back(std::move(response));
        pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(index));
    }

    // Answers pending[index] and delivers it (with anything else that had arrived) at once.
    void answer(std::size_t index, HttpResponse response) {
        arrive(index, std::move(response));
        poll();
    }

    // The first pending request whose URL contains `part`, or -1.
    long find(const std::string& part) const {
        for (std::size_t i = 0; i < pending.size(); ++i)
            if (pending[i].request.url.find(part) != std::string::npos) return static_cast<long>(i);
        return -1;
    }

    // A request whose URL contains `part` is waiting for its answer or for the poll() that delivers it.
    bool awaiting(const std::string& part) const {
        if (find(part) >= 0) return true;
        for (const Pending& p : arrived_)
            if (p.request.url.find(part) != std::string::npos) return true;
        return false;
    }

    std::vector<HttpRequest> sent; // every request ever sent, in order
    struct Delivered {
        std::string url;
        HttpResponse response;
    };
    std::vector<Delivered> delivered; // every answer handed to its handler, in order
    std::vector<Pending> pending;

  private:
    RequestHandle next_handle_ = 0;
    std::deque<Pending> arrived_;
    std::deque<HttpResponse> answers_;
};

} // namespace rd::fuzz
