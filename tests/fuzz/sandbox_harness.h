// The sandbox's state for its fuzz targets: the fixture files read once, and a SandboxState that is
// rebuilt when a run changed it (an accepted order, an issued token), so runs stay independent and
// memory does not grow over millions of them.
#pragma once

#include "tools/sandbox/api_endpoints.h"
#include "tools/sandbox/fixture_data.h"
#include "tools/sandbox/sandbox_state.h"

#include <memory>

namespace rd::fuzz {

class SandboxHarness {
  public:
    SandboxHarness() : fixtures_(sandbox::load_fixtures(sandbox::default_fixtures_dir(), 0)) { renew(); }

    sandbox::SandboxState& state() { return *state_; }
    const std::string& access_token() const { return access_token_; }

    void renew() {
        state_ = std::make_unique<sandbox::SandboxState>();
        state_->fixtures = fixtures_;
        access_token_ = state_->tokens.issue(sandbox::kDemoClientId, 24 * 3600).access_token;
    }

  private:
    sandbox::Fixtures fixtures_;
    std::unique_ptr<sandbox::SandboxState> state_;
    std::string access_token_;
};

} // namespace rd::fuzz
