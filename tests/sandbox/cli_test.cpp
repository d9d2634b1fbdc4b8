// The renewdesk-sandbox command line: the listening line, --help, bad arguments, and options reaching
// the running server.
#include "tests/sandbox/sandbox_test_support.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <vector>

namespace sandbox_test {
namespace {

// renewdesk-sandbox run with `args`; its stdout is readable line by line.
class SandboxProcess {
  public:
    explicit SandboxProcess(std::vector<std::string> args) {
        int out[2];
        if (pipe(out) != 0) return;
        pid_ = fork();
        if (pid_ == 0) {
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            close(out[1]);
            std::vector<char*> argv = {const_cast<char*>(RENEWDESK_SANDBOX_BINARY)};
            for (auto& arg : args)
                argv.push_back(arg.data());
            argv.push_back(nullptr);
            execv(RENEWDESK_SANDBOX_BINARY, argv.data());
            _exit(127);
        }
        close(out[1]);
        stdout_ = fdopen(out[0], "r");
    }
    ~SandboxProcess() {
        if (pid_ > 0 && !exited_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        if (stdout_) std::fclose(stdout_);
    }
    SandboxProcess(const SandboxProcess&) = delete;
    SandboxProcess& operator=(const SandboxProcess&) = delete;

    std::string read_line() {
        char line[4096] = {};
        return stdout_ && std::fgets(line, sizeof line, stdout_) ? line : "";
    }
    // Sends SIGTERM and returns the wait status.
    int terminate() {
        kill(pid_, SIGTERM);
        int status = -1;
        waitpid(pid_, &status, 0);
        exited_ = true;
        return status;
    }

  private:
    pid_t pid_ = -1;
    FILE* stdout_ = nullptr;
    bool exited_ = false;
};

constexpr const char* kListening = "listening on http://127.0.0.1:";

int port_of_listening_line(const std::string& line) {
    if (line.rfind(kListening, 0) != 0) return -1;
    return std::stoi(line.substr(std::string(kListening).size()));
}

// Runs the binary to completion with `args` (stderr joined to stdout); returns the exit status and output.
std::pair<int, std::string> run_to_exit(const std::string& args) {
    const std::string command = std::string("'") + RENEWDESK_SANDBOX_BINARY + "' " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return {-1, ""};
    std::string output;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        output.append(buffer, n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

TEST(SandboxCli, PrintsListeningLineFirstAndStopsOnSigterm) {
    SandboxProcess sandbox({"--port", "0", "--users", "2"});
    const std::string first = sandbox.read_line();
    const int port = port_of_listening_line(first);
    ASSERT_GT(port, 0) << first;
    const std::string rest = sandbox.read_line() + sandbox.read_line() + sandbox.read_line();
    EXPECT_NE(rest.find("client id: demo-client-id"), std::string::npos) << rest;
    EXPECT_NE(rest.find("client secret: demo-client-secret"), std::string::npos) << rest;
    EXPECT_NE(rest.find("POST /__sandbox/seed_orders"), std::string::npos) << rest;

    httplib::Client client("127.0.0.1", port);
    auto info = client.Get("/__sandbox/info");
    ASSERT_TRUE(info);
    EXPECT_EQ(json::parse(info->body)["users"], 23);

    const int status = sandbox.terminate();
    EXPECT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(SandboxCli, HelpListsEveryOptionAndControlEndpoint) {
    const auto [status, output] = run_to_exit("--help");
    EXPECT_EQ(status, 0);
    for (const char* option :
         {"--port N", "--host H", "--latency-ms N", "--users N", "--token-lifetime S", "--fixtures DIR",
          "--serve DIR", "--cors", "--one-request-per-connection", "--order-sort newest|oldest",
          "--order-time-unit ms|s", "--require-user-agent VALUE", "--help", "/__sandbox/seed_orders",
          "/__sandbox/config", "/__sandbox/faults"})
        EXPECT_NE(output.find(option), std::string::npos) << option << "\n" << output;
}

TEST(SandboxCli, BadArgumentsExitWithStatus2AndTheUsage) {
    for (const char* args : {"--order-sort sideways", "--order-time-unit us", "--require-user-agent",
                             "--port 70000", "--latency-ms -5", "--no-such-option"}) {
        const auto [status, output] = run_to_exit(args);
        EXPECT_EQ(status, 2) << args;
        EXPECT_NE(output.find("invalid value: " + std::string(args)), std::string::npos) << output;
        EXPECT_NE(output.find("usage: renewdesk-sandbox"), std::string::npos) << output;
    }
}

TEST(SandboxCli, OrderAndUserAgentOptionsReachTheServer) {
    SandboxProcess sandbox({"--port", "0", "--order-sort", "oldest", "--order-time-unit", "s",
                            "--require-user-agent", "RenewDesk-Test/1"});
    const int port = port_of_listening_line(sandbox.read_line());
    ASSERT_GT(port, 0);
    httplib::Client client("127.0.0.1", port);
    auto config = client.Get("/__sandbox/config");
    ASSERT_TRUE(config);
    EXPECT_EQ(json::parse(config->body)["orderSort"], "oldest");
    EXPECT_EQ(json::parse(config->body)["orderTimeUnit"], "s");
    auto info = client.Get("/__sandbox/info");
    ASSERT_TRUE(info);
    EXPECT_EQ(json::parse(info->body)["requiredUserAgent"], "RenewDesk-Test/1");
    auto refused = client.Get("/pricing/openapi/purchase/v1/product_list", {{"User-Agent", "OpenAPI"}});
    expect_envelope(refused, 400, "invalid_user_agent");
    auto token = client.Post("/auth/openapi/v1/oauth/token", {{"User-Agent", "RenewDesk-Test/1"}},
                             httplib::Params{{"client_id", "demo-client-id"},
                                             {"client_secret", "demo-client-secret"},
                                             {"grant_type", "pp_credentials"}});
    expect_envelope(token, 200, "success");
    EXPECT_EQ(WEXITSTATUS(sandbox.terminate()), 0);
}

} // namespace
} // namespace sandbox_test
