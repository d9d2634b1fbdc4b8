"""Runs the WinHTTP transport test program (renewdesk_winhttp_tests.exe, tests/windows/CMakeLists.txt:
ctest of the windows preset runs this) under Wine (or on Windows, with --no-wine) against the loopback
server, then checks what the server saw: each POST arrived exactly once, on a connection of its own,
and a redirect was not followed. Exit status 0 only when the program and these checks all passed.
  winhttp_test_driver.py EXE [--wine WINE64] [--no-wine]
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import loopback_server  # noqa: E402


def self_signed(folder):
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    return cert, key


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("exe")
    parser.add_argument("--wine", default="wine64")
    parser.add_argument("--no-wine", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="renewdesk-winhttp-") as folder:
        server = loopback_server.LoopbackServer()
        https = loopback_server.LoopbackServer(loopback_server.tls_context(*self_signed(folder)))
        command = [args.exe] if args.no_wine else [args.wine, args.exe]
        command += [str(server.port), str(loopback_server.closed_port()), str(https.port)]
        run = subprocess.run(command, capture_output=True, text=True, timeout=300)
        sys.stdout.write(run.stdout)
        if run.returncode not in (0, 1) or "failed" not in run.stdout:
            sys.stdout.write(run.stderr[-4000:])

    problems = []

    def expect(condition, what):
        print(("ok " if condition else "FAIL ") + "server: " + what)
        if not condition:
            problems.append(what)

    for path in ("/echo", "/redirect", "/drop", "/drop-after-get", "/slow-post", "/slow-cancel",
                 "/slow-destroy"):
        count = len(server.requests_to(path))
        expect(count == 1, f"{path} arrived exactly once (it arrived {count} times)")
    expect(not server.requests_to("/target"), "the redirect's target was never asked for")
    posts = [r for r in server.records if r.method == "POST"]
    reused = ", ".join(f"{r.path} as request {r.index + 1}" for r in posts if r.index)
    if args.no_wine:
        expect(not reused, "every POST came on a fresh connection (" + reused + ")")
    else:
        # Wine's WinHTTP pools connections per process, not per session as Windows does: there a
        # POST may ride on a GET's connection. Wine does not re-send it (the counts above say so).
        print("note server: under Wine, POSTs on reused connections: " + (reused or "none"))
    expect(all(("connection", "close") in r.headers for r in posts), "every POST said Connection: close")
    gets = [r for r in server.records if r.method == "GET"]
    expect(any(r.index > 0 for r in gets), "GETs reused kept-alive connections (the keep-alive case is real)")

    program_failed = run.returncode != 0
    print("winhttp test: " + ("FAILED" if program_failed or problems else "passed") +
          f" (program exit {run.returncode}, {len(problems)} server checks failed)")
    return 1 if program_failed or problems else 0


if __name__ == "__main__":
    sys.exit(main())
