// Where WinHTTP's threads leave what they report about a request, for poll() to take on the caller's
// thread. The only state the two sides share. Windows' own lock: it needs no destruction and works
// under MinGW's win32 thread model, which has no std::mutex.
#pragma once

#include <windows.h>

#include <vector>

namespace rd {

struct WinHttpEvent {
    void* transfer;  // the request's context value
    DWORD status;    // WINHTTP_CALLBACK_STATUS_*
    DWORD value = 0; // READ_COMPLETE: bytes read; SECURE_FAILURE: its flags; REQUEST_ERROR: the error
    DWORD api = 0;   // REQUEST_ERROR: the call that failed (API_SEND_REQUEST, API_READ_DATA, ...)
};

class WinHttpInbox {
  public:
    // False once the transport is gone (orphan()): nobody will take the event.
    bool push(const WinHttpEvent& event) {
        AcquireSRWLockExclusive(&lock_);
        const bool taken = !orphaned_;
        if (taken) events_.push_back(event);
        ReleaseSRWLockExclusive(&lock_);
        return taken;
    }

    std::vector<WinHttpEvent> take() {
        std::vector<WinHttpEvent> out;
        AcquireSRWLockExclusive(&lock_);
        out.swap(events_);
        ReleaseSRWLockExclusive(&lock_);
        return out;
    }

    // The transport goes: what is left is returned, and from now on push() takes nothing.
    std::vector<WinHttpEvent> orphan() {
        AcquireSRWLockExclusive(&lock_);
        orphaned_ = true;
        std::vector<WinHttpEvent> out;
        out.swap(events_);
        ReleaseSRWLockExclusive(&lock_);
        return out;
    }

  private:
    SRWLOCK lock_ = SRWLOCK_INIT;
    bool orphaned_ = false;
    std::vector<WinHttpEvent> events_;
};

} // namespace rd
