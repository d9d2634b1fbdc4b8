#include "app/desktop/stop_signals.h"

#include <csignal>
#include <cstdlib>
#include <pthread.h>
#include <thread>

namespace rd::desktop {
namespace {

sigset_t stop_signal_set() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    return set;
}

} // namespace

void block_stop_signals() {
    const sigset_t set = stop_signal_set();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

void watch_stop_signals(std::function<void()> on_stop) {
    std::thread([on_stop = std::move(on_stop)] {
        const sigset_t set = stop_signal_set();
        int signal_number = 0;
        while (sigwait(&set, &signal_number) != 0) {
        }
        on_stop();
        // A second signal means the orderly exit is stuck: leave at once.
        while (sigwait(&set, &signal_number) != 0) {
        }
        std::_Exit(128 + signal_number);
    }).detach();
}

} // namespace rd::desktop
