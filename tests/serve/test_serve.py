"""Tests for serve.py: the real server as a subprocess, spoken to over raw sockets.

Raw sockets because http.client normalises some hostile targets before they
leave the machine, and the point is to see what the server does with them.

    python3 -m unittest discover -s tests/serve -v      (from the project root)
"""

import gzip
import http.client
import importlib.util
import os
import queue
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path

SERVE = Path(__file__).resolve().parents[2] / "serve.py"
TIMEOUT = 5
SECRET = b"outside-secret-must-never-be-served"
INDEX = b"<!doctype html><title>bundle</title>\n"
DATA = b'{"levels": ["junior", "intermediate", "senior", "staff"]}\n' * 20
CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"


def make_tree(base):
    """A bundle root plus, next to it, an outside folder it must never leak."""
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret").write_bytes(SECRET)
    (outside / "index.html").write_bytes(SECRET)

    root = base / "root"
    root.mkdir()
    (root / "index.html").write_bytes(INDEX)
    (root / "sub").mkdir()
    (root / "sub" / "file.txt").write_bytes(b"in sub\n")
    (root / "app.wasm").write_bytes(b"\0asm\1\0\0\0")
    (root / "data.json").write_bytes(DATA)
    (root / "data.json.gz").write_bytes(gzip.compress(DATA))
    if shutil.which("brotli"):
        subprocess.run(["brotli", "-o", str(root / "data.json.br"), str(root / "data.json")],
                       check=True)
    (root / "app.wasm.gz").write_bytes(gzip.compress(b"\0asm\1\0\0\0"))
    # A precompressed copy that is really a link out of the root must not stand in for its file.
    (root / "page.txt").write_bytes(b"page\n")
    (root / "page.txt.gz").symlink_to(outside / "secret")
    (root / ".hidden").write_bytes(SECRET)
    (root / "link-out").symlink_to(outside / "secret")
    (root / "linkdir").symlink_to(outside, target_is_directory=True)
    return root


def start_server(args):
    """Start serve.py; return (process, host, port) once it prints its serving line."""
    process = subprocess.Popen([sys.executable, str(SERVE), *args],
                               stdout=subprocess.PIPE, text=True)
    lines = queue.Queue()

    def read_lines():
        with process.stdout:
            for line in process.stdout:
                lines.put(line)

    process.reader = threading.Thread(target=read_lines, daemon=True)
    process.reader.start()
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=deadline - time.monotonic())
        except queue.Empty:
            break
        if line.startswith("serving "):
            url = line.rsplit(" at ", 1)[1].strip()
            assert url.startswith("http://") and url.endswith("/"), line
            host, _, port = url[len("http://"):-1].rpartition(":")
            return process, host, int(port)
    stop_server(process)
    raise AssertionError("serve.py printed no 'serving ... at http://HOST:PORT/' line")


def stop_server(process):
    process.terminate()
    try:
        process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.reader.join(timeout=TIMEOUT)


def raw_request(port, target, method="GET", headers=(), body=b""):
    """Send one request exactly as given; return (status, {lowercase name: value}, body)."""
    head = f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in headers)
    request = head.encode("latin-1") + b"\r\n" + body
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as sock:
        sock.sendall(request)
        response = b""
        while chunk := sock.recv(65536):
            response += chunk
    head, _, body = response.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    found = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        found[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), found, body


class ServerTestCase(unittest.TestCase):
    """Starts one server per class on a fresh temporary tree."""

    extra_args = ()

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="serve-test-")
        cls.root = make_tree(Path(cls.tmp.name))
        try:
            cls.process, cls.host, cls.port = start_server(
                ["--root", str(cls.root), "--port", "0", "--no-build", *cls.extra_args])
        except BaseException:
            cls.tmp.cleanup()
            raise

    @classmethod
    def tearDownClass(cls):
        stop_server(cls.process)
        cls.tmp.cleanup()

    def get(self, target, **kwargs):
        return raw_request(self.port, target, **kwargs)


class HostileRequests(ServerTestCase):
    # Each refusal is pinned to the layer meant to make it (400: the target is
    # malformed or climbs out; 404: it names nothing servable), so that losing
    # one layer fails a test even though the realpath check behind it holds.
    TARGETS = [
        ("/../outside/secret", 400),
        ("/sub/../../outside/secret", 400),
        ("/%2e%2e/outside/secret", 400),
        ("/%2e%2e%2foutside%2fsecret", 400),
        ("/%252e%252e/outside/secret", 404),  # decoded once: a literal "%2e%2e" folder
        ("/..%2f..%2fetc/passwd", 400),
        ("/..\\outside\\secret", 400),
        ("/%5c..%5coutside%5csecret", 400),
        ("/index.html?q=\\", 400),  # a backslash is refused anywhere in the target
        ("//evil.example/x", 400),
        ("http://evil.example/x", 400),
        ("/link-out", 404),
        ("/linkdir/secret", 404),
        ("/linkdir/", 404),
        ("/linkdir", 404),
        ("/.hidden", 404),
        ("/sub/.%2e/.hidden", 400),
        ("/etc/passwd", 404),
        ("/%2fetc%2fpasswd", 404),  # an encoded absolute path stays under the root
        ("/%2f%2fevil.example/x", 404),  # an encoded "//host": a path, never a redirect
        ("/%252f%252fevil.example/x", 404),
        ("/%252e%252e%252foutside%252fsecret", 404),  # double-encoded: decoded once only
        ("/sub/%2e%2e/%2e%2e/outside/secret", 400),
        ("/sub/%2E%2E/index.html", 400),
        ("/%2e%2e", 400),
        ("/..", 400),
        ("/sub/..", 400),
        ("/linkdir/index.html", 404),
        ("/sub/file.txt/", 404),
        ("/a%00b", 400),
        ("/a\x00b", 400),
        ("/a%zzb", 400),
        ("/%ff", 400),
        ("/" + "a" * 10_000, 414),
    ]

    def test_hostile_targets_are_refused(self):
        for target, expected in self.TARGETS:
            with self.subTest(target=target[:60]):
                status, headers, body = self.get(target)
                self.assertEqual(status, expected)
                self.assertNotIn("location", headers)
                self.assertNotIn(SECRET, body)
                self.assertNotIn(target.encode("latin-1")[1:], body)  # no echo of the path

    def test_directory_without_index_is_404_without_listing_or_redirect(self):
        for target in ("/sub", "/sub/"):
            with self.subTest(target=target):
                status, headers, body = self.get(target)
                self.assertEqual(status, 404)
                self.assertNotIn("location", headers)
                self.assertNotIn(b"file.txt", body)
                self.assertEqual(headers["content-type"], "text/plain; charset=utf-8")

    def test_only_get_and_head_are_allowed(self):
        for method in ("POST", "PUT", "DELETE", "OPTIONS"):
            with self.subTest(method=method):
                status, headers, _ = self.get("/index.html", method=method,
                                              headers=[("Content-Length", "5")], body=b"hello")
                self.assertEqual(status, 405)
                self.assertEqual(headers["allow"], "GET, HEAD")

    def test_errors_carry_the_common_headers(self):
        _, headers, _ = self.get("/../x")
        self.assertEqual(headers["x-content-type-options"], "nosniff")
        self.assertEqual(headers["cache-control"], "no-cache")


class Serving(ServerTestCase):
    def test_index_at_root(self):
        status, headers, body = self.get("/")
        self.assertEqual(status, 200)
        self.assertEqual(body, INDEX)
        self.assertEqual(headers["content-type"], "text/html; charset=utf-8")

    def test_file_in_subfolder(self):
        for target in ("/sub/file.txt", "/sub//file.txt", "/sub%2ffile.txt"):
            with self.subTest(target=target):
                status, headers, body = self.get(target)
                self.assertEqual((status, body), (200, b"in sub\n"))
                self.assertEqual(headers["content-type"], "text/plain; charset=utf-8")

    def test_query_string_is_ignored(self):
        status, _, body = self.get("/index.html?v=abc")
        self.assertEqual((status, body), (200, INDEX))

    def test_wasm_content_type(self):
        status, headers, _ = self.get("/app.wasm")
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "application/wasm")

    def test_common_headers(self):
        _, headers, _ = self.get("/")
        self.assertEqual(headers["x-content-type-options"], "nosniff")
        self.assertEqual(headers["cache-control"], "no-cache")
        self.assertEqual(headers["referrer-policy"], "no-referrer")
        for absent in ("content-security-policy", "cross-origin-opener-policy",
                       "cross-origin-embedder-policy"):
            self.assertNotIn(absent, headers)

    def test_default_bind_is_loopback(self):
        process, host, _ = start_server(["--root", str(self.root), "--port", "0", "--no-build"])
        stop_server(process)
        self.assertEqual(host, "127.0.0.1")

    def negotiate(self, accept_encoding):
        headers = [("Accept-Encoding", accept_encoding)] if accept_encoding is not None else []
        status, found, body = self.get("/data.json", headers=headers)
        self.assertEqual(status, 200)
        self.assertEqual(found["content-type"], "application/json")
        self.assertEqual(found["vary"], "Accept-Encoding")
        self.assertEqual(int(found["content-length"]), len(body))
        return found.get("content-encoding"), body

    def require_brotli(self):
        if not (self.root / "data.json.br").exists():
            self.skipTest("no brotli CLI to make data.json.br")

    def test_brotli_preferred(self):
        self.require_brotli()
        coding, body = self.negotiate("br, gzip")
        self.assertEqual(coding, "br")
        self.assertEqual(body, (self.root / "data.json.br").read_bytes())

    def test_gzip_only(self):
        coding, body = self.negotiate("gzip")
        self.assertEqual(coding, "gzip")
        self.assertEqual(gzip.decompress(body), DATA)

    def test_brotli_refused_by_q0(self):
        self.require_brotli()
        coding, body = self.negotiate("br;q=0, gzip")
        self.assertEqual(coding, "gzip")
        self.assertEqual(gzip.decompress(body), DATA)

    def test_no_accept_encoding_is_identity(self):
        for header in (None, "identity", "gzip;q=0"):
            with self.subTest(accept_encoding=header):
                self.assertEqual(self.negotiate(header), (None, DATA))

    def test_precompressed_wasm_keeps_its_type(self):
        status, headers, body = self.get("/app.wasm", headers=[("Accept-Encoding", "gzip")])
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "application/wasm")
        self.assertEqual(headers["content-encoding"], "gzip")
        self.assertEqual(headers["vary"], "Accept-Encoding")
        self.assertEqual(headers["cache-control"], "no-cache")
        self.assertEqual(headers["x-content-type-options"], "nosniff")
        self.assertEqual(gzip.decompress(body), b"\0asm\1\0\0\0")

    def test_precompressed_link_out_of_root_is_ignored(self):
        status, headers, body = self.get("/page.txt", headers=[("Accept-Encoding", "gzip")])
        self.assertEqual((status, body), (200, b"page\n"))
        self.assertNotIn("content-encoding", headers)
        self.assertEqual(self.get("/page.txt.gz")[0], 404)

    def test_compressed_file_by_name_is_plain_bytes(self):
        status, headers, body = self.get("/data.json.gz", headers=[("Accept-Encoding", "gzip")])
        self.assertEqual(status, 200)
        self.assertNotIn("content-encoding", headers)
        self.assertEqual(headers["content-type"], "application/gzip")
        self.assertEqual(gzip.decompress(body), DATA)

    def test_if_none_match_gives_304(self):
        _, headers, _ = self.get("/index.html")
        etag = headers["etag"]
        self.assertIn("last-modified", headers)
        status, headers, body = self.get("/index.html", headers=[("If-None-Match", etag)])
        self.assertEqual((status, body), (304, b""))
        self.assertEqual(headers["etag"], etag)
        self.assertEqual(self.get("/index.html", headers=[("If-None-Match", '"other"')])[0], 200)

    def test_etag_differs_per_encoding(self):
        gzip_tag = self.get("/data.json", headers=[("Accept-Encoding", "gzip")])[1]["etag"]
        plain_tag = self.get("/data.json")[1]["etag"]
        self.assertNotEqual(gzip_tag, plain_tag)
        status, _, _ = self.get("/data.json", headers=[("If-None-Match", gzip_tag)])
        self.assertEqual(status, 200)

    def test_head_has_headers_but_no_body(self):
        status, headers, body = self.get("/index.html", method="HEAD")
        self.assertEqual(status, 200)
        self.assertEqual(int(headers["content-length"]), len(INDEX))
        self.assertEqual(body, b"")

    def test_keep_alive(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            for _ in range(2):
                connection.request("GET", "/app.wasm")
                response = connection.getresponse()
                self.assertEqual(response.status, 200)
                response.read()
        finally:
            connection.close()


class CspOption(ServerTestCase):
    extra_args = ("--csp",)

    def test_csp_on_every_response(self):
        for target in ("/", "/missing", "/../x"):
            with self.subTest(target=target):
                self.assertEqual(self.get(target)[1]["content-security-policy"], CSP)


class BuildDecision(unittest.TestCase):
    """When serve.py decides to rebuild the default bundle (without building)."""

    @classmethod
    def setUpClass(cls):
        spec = importlib.util.spec_from_file_location("serve", SERVE)
        cls.serve = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(cls.serve)

    def setUp(self):
        tmp = tempfile.TemporaryDirectory(prefix="serve-build-test-")
        self.addCleanup(tmp.cleanup)
        self.project = Path(tmp.name)
        self.bundle = self.project / "build" / "web" / "bundle"
        self.bundle.mkdir(parents=True)
        (self.project / "wasm").mkdir()
        self.source = self.project / "wasm" / "main.cpp"
        self.source.write_text("int main() {}\n")
        self.set_mtime(self.source, 1000)

    @staticmethod
    def set_mtime(path, seconds):
        os.utime(path, (seconds, seconds))

    def build(self, at):
        (self.bundle / "index.html").write_bytes(INDEX)
        (self.bundle / ".stamp").write_text("")
        self.set_mtime(self.bundle / ".stamp", at)

    def test_missing_bundle(self):
        self.assertEqual(self.serve.stale_reason(self.project), "bundle is missing")

    def test_missing_stamp(self):
        (self.bundle / "index.html").write_bytes(INDEX)
        self.assertEqual(self.serve.stale_reason(self.project), "bundle has no build stamp")

    def test_up_to_date(self):
        self.build(at=2000)
        self.assertIsNone(self.serve.stale_reason(self.project))

    def test_newer_source_anywhere_counts(self):
        self.build(at=2000)
        for path in (self.source, self.project / "CMakeLists.txt", self.project / "cmake" / "web.cmake"):
            with self.subTest(path=path.name):
                path.parent.mkdir(exist_ok=True)
                path.touch()
                self.set_mtime(path, 3000)
                self.assertEqual(self.serve.stale_reason(self.project),
                                 "bundle is older than its sources")
                self.set_mtime(path, 1000)

    def test_python_bytecode_does_not_count(self):
        self.build(at=2000)
        cache = self.project / "tools" / "__pycache__" / "x.pyc"
        cache.parent.mkdir(parents=True)
        cache.touch()
        self.set_mtime(cache, 3000)
        self.assertIsNone(self.serve.stale_reason(self.project))


if __name__ == "__main__":
    unittest.main()
