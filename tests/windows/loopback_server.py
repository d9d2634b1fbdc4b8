"""The loopback HTTP(S) server for winhttp_transport_test.exe: one hand-written HTTP/1.1 server (no
library in between), so that it can keep a connection alive, drop one after reading a request, or
stay silent, and so that it records every request it read, with the connection it came on.
"""
import socket
import ssl
import threading
import time

FIXED_DATE = "Sun, 06 Nov 1994 08:49:37 GMT"
CAP = 16 << 20  # the transports' reply limit (max_reply_bytes)
# What the POST /echo case sends; the server checks it arrived byte for byte.
ECHO_BODY = '{"note":"Grüße 你好"}'.encode("utf-8") + b"\x00 after a NUL"
ECHO_HEADERS = {
    "user-agent": "OpenAPI",
    "content-type": "application/json; charset=utf-8",
    "authorization": "Bearer secret-token",
    "x-renewdesk-trace": "trace-42",
}


class Record:
    def __init__(self, method, path, headers, body, connection, index):
        self.method, self.path, self.headers, self.body = method, path, headers, body
        self.connection, self.index = connection, index  # index: 0 for a connection's first request


class LoopbackServer:
    def __init__(self, tls_context=None):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.tls = tls_context
        self.records = []
        self.lock = threading.Lock()
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def requests_to(self, path):
        with self.lock:
            return [r for r in self.records if r.path == path]

    def _accept(self):
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with self.lock:
                self.connections += 1
                number = self.connections
            threading.Thread(target=self._serve, args=(conn, number), daemon=True).start()

    def _serve(self, conn, number):
        try:
            if self.tls:
                conn = self.tls.wrap_socket(conn, server_side=True)
            buffer = b""
            index = 0
            while True:
                while b"\r\n\r\n" not in buffer:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                head, buffer = buffer.split(b"\r\n\r\n", 1)
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = []
                for line in lines[1:]:
                    name, _, value = line.partition(":")
                    headers.append((name.strip().lower(), value.strip()))
                length = int(dict(headers).get("content-length", "0"))
                while len(buffer) < length:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                body, buffer = buffer[:length], buffer[length:]
                with self.lock:
                    self.records.append(Record(method, path, headers, body, number, index))
                index += 1
                if not self._answer(conn, method, path, headers, body):
                    return
        except (OSError, ssl.SSLError):
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    # Writes the reply; False closes the connection.
    def _answer(self, conn, method, path, headers, body):
        def reply(status, content=b"", extra=(), date=True, length=True):
            lines = [f"HTTP/1.1 {status} X"]
            if date:
                lines.append("Date: " + FIXED_DATE)
            if length:
                lines.append(f"Content-Length: {len(content)}")
            lines += list(extra)
            conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + content)
            return True

        if path in ("/ok", "/ka"):
            return reply(200, "hello 你好".encode("utf-8"))
        if path == "/busy":
            return reply(429, b"{}", ["Retry-After: 30"])
        if path == "/nodate":
            return reply(200, b"{}", date=False)
        if path == "/echo":
            problems = check_echo(method, headers, body)
            return reply(200, b"intact") if not problems else reply(400, "; ".join(problems).encode())
        if path == "/redirect":
            return reply(302, b"", ["Location: /target"])
        if path == "/target":
            return reply(200, b"followed")
        if path.startswith("/drop"):
            return False  # read the whole request, close without a byte of reply
        if path.startswith("/slow"):
            time.sleep(3)
            return reply(200, b"late")
        if path == "/cap":
            return reply(200, b"x" * CAP)
        if path == "/big":
            return reply(200, b"x" * (CAP + 1))
        if path == "/big-stream":  # no Content-Length: the size is known only by reading
            conn.sendall(b"HTTP/1.1 200 X\r\nDate: " + FIXED_DATE.encode() + b"\r\nConnection: close\r\n\r\n")
            block = b"y" * (1 << 20)
            try:
                for _ in range(17):
                    conn.sendall(block)
            except OSError:
                pass
            return False
        return reply(404, b"no such case")


def check_echo(method, headers, body):
    problems = []
    if method != "POST":
        problems.append("method " + method)
    if body != ECHO_BODY:
        problems.append(f"body of {len(body)} bytes differs")
    for name, value in ECHO_HEADERS.items():
        got = [v for n, v in headers if n == name]
        if got != [value]:
            problems.append(f"{name}: {len(got)} values" if len(got) != 1 else f"{name} differs")
    if [v for n, v in headers if n == "expect"]:
        problems.append("an Expect header")
    return problems


def tls_context(cert, key):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def closed_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
