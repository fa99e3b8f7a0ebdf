#!/usr/bin/env python3
"""Serve the web bundle (a folder of static files) on this machine.

    python3 serve.py [--port 8000] [--bind 127.0.0.1] [--root DIR] [--no-build] [--csp] [--verbose]

By default it serves build/web/bundle next to this file, and first rebuilds
that bundle when it is missing or older than its sources.

It behaves like the static host the bundle ships to, and is strict where a
careless dev server leaks or hides problems:

- It binds 127.0.0.1 unless told otherwise: a dev server is not for the network.
- Request targets are parsed strictly (origin-form only, one round of
  percent-decoding, no `..`, no backslashes, no control characters), and
  every file is checked again after `realpath`, so neither encoded tricks
  nor symlinks reach a file outside the root. Dotfiles (`.stamp`) stay private.
- It never redirects (a Location built from the request path is an open
  redirect) and never lists a directory (that would publish files nobody
  meant to publish): a directory serves its index.html or 404s.
- `.wasm` goes out as application/wasm (a wrong type makes streaming
  compilation fail and the module download twice), and every response says
  `nosniff`, so a wrong type shows up here rather than in production.
- Precompressed `X.br`/`X.gz` are sent for X when the client accepts them,
  with X's Content-Type and `Vary: Accept-Encoding`, as a static host does.
  Nothing is compressed on the fly.
- `Cache-Control: no-cache` plus ETags: the browser revalidates each load,
  so a rebuild shows on reload, and an unchanged file costs only a 304.
- No COOP/COEP headers: production cannot send them, so sending them here
  would hide failures. `--csp` adds the strict policy a site may send.

Python standard library only.
"""

# Index:
# [SECTION] Building the bundle
# [SECTION] Request targets
# [SECTION] Files and encodings
# [SECTION] HTTP handler and server
# [SECTION] Command line

import argparse
import email.utils
import os
import re
import shutil
import socket
import socketserver
import subprocess
import sys
import unicodedata
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT = Path(__file__).resolve().parent
DEFAULT_ROOT = PROJECT / "build" / "web" / "bundle"


def say(message):
    print(f"serve.py: {message}", flush=True)


# -----------------------------------------------------------------------------
# [SECTION] Building the bundle
# -----------------------------------------------------------------------------

SOURCE_DIRS = ("wasm", "shell", "data", "assets", "tools", "cmake")
SOURCE_FILES = ("CMakeLists.txt", "CMakePresets.json")


def newest_source_mtime(project):
    """Newest mtime (ns) of the files the bundle is built from; 0 if none."""
    paths = [project / name for name in SOURCE_FILES]
    for folder in SOURCE_DIRS:
        for dirpath, dirnames, filenames in os.walk(project / folder):
            # Python writes these while the build runs its tools; counting them
            # would make every build look stale the moment it finishes.
            dirnames[:] = [d for d in dirnames if d != "__pycache__"]
            paths += [Path(dirpath, f) for f in filenames]
    newest = 0
    for path in paths:
        try:
            newest = max(newest, path.stat().st_mtime_ns)
        except OSError:  # missing optional file, dangling symlink
            pass
    return newest


def stale_reason(project):
    """Why the default bundle needs a build, or None when it is up to date."""
    bundle = project / "build" / "web" / "bundle"
    if not (bundle / "index.html").is_file():
        return "bundle is missing"
    # The build writes .stamp last, so its mtime says when a build completed.
    try:
        built = (bundle / ".stamp").stat().st_mtime_ns
    except OSError:
        return "bundle has no build stamp"
    if newest_source_mtime(project) > built:
        return "bundle is older than its sources"
    return None


def imgui_version(project):
    """Dear ImGui's version, from the one file that states it (cmake/imgui.version)."""
    for line in (project / "cmake" / "imgui.version").read_text(encoding="utf-8").splitlines():
        if line.startswith("version="):
            return line.split("=", 1)[1].strip()
    sys.exit("serve.py: cmake/imgui.version names no version")


def toolchain_missing(project):
    return (shutil.which("emcc") is None
            or shutil.which("pyftsubset") is None
            or not (project / "third_party" / f"imgui-{imgui_version(project)}" / "imgui.cpp").is_file())


def run_step(command, project):
    """Run a build step with its output streamed; exit with one line if it fails."""
    sys.stdout.flush()  # keep our lines ahead of the child's output
    try:
        code = subprocess.run(command, cwd=project).returncode
    except OSError as error:
        sys.exit(f"serve.py: cannot run {command[0]}: {error.strerror}")
    if code != 0:
        sys.exit(f"serve.py: `{' '.join(command)}` failed (exit status {code})")


def ensure_bundle(project):
    reason = stale_reason(project)
    if reason is None:
        say("bundle is up to date")
        return
    say(f"{reason}: building")
    if toolchain_missing(project):
        say("toolchain is incomplete: running tools/setup")
        run_step([str(project / "tools" / "setup")], project)
    if not (project / "build" / "web" / "CMakeCache.txt").is_file():
        say("configuring: cmake --preset web")
        run_step(["cmake", "--preset", "web"], project)
    say("building: cmake --build --preset web")
    run_step(["cmake", "--build", "--preset", "web"], project)
    if stale_reason(project) == "bundle is missing":
        sys.exit("serve.py: the build succeeded but wrote no build/web/bundle/index.html")


# -----------------------------------------------------------------------------
# [SECTION] Request targets
# -----------------------------------------------------------------------------

# Far above any real path in the bundle, far below what would cost memory.
MAX_TARGET_LENGTH = 8192
BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


class HttpError(Exception):
    def __init__(self, status):
        super().__init__(status)
        self.status = status


def has_control_chars(text):
    return any(unicodedata.category(c) == "Cc" for c in text)


def request_segments(target):
    """The path segments a raw request target names, percent-decoded once.

    Raises HttpError for anything that is not a plain path inside the root.
    """
    if len(target) > MAX_TARGET_LENGTH:
        raise HttpError(HTTPStatus.REQUEST_URI_TOO_LONG)
    # Origin-form only: "//host/x" and "http://host/x" name another host, and
    # "\" is a path separator to some clients and file systems. Raw bytes
    # outside visible ASCII are not allowed in a target at all.
    visible_ascii = all("!" <= c <= "~" for c in target)
    if not target.startswith("/") or target.startswith("//") or "\\" in target or not visible_ascii:
        raise HttpError(HTTPStatus.BAD_REQUEST)
    path = target.partition("?")[0].partition("#")[0]
    if BAD_ESCAPE.search(path):
        raise HttpError(HTTPStatus.BAD_REQUEST)
    try:
        decoded = urllib.parse.unquote_to_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        raise HttpError(HTTPStatus.BAD_REQUEST) from None
    # Decoding can produce what the raw check refused (%5c, %00). It is done
    # once only: a "%" left over is part of a file name and simply 404s.
    if "\\" in decoded or has_control_chars(decoded):
        raise HttpError(HTTPStatus.BAD_REQUEST)
    # Split after decoding, so an encoded "%2f" separates segments too. Empty
    # segments stay: os.path.join skips them, and a trailing one means "a directory".
    segments = decoded.split("/")[1:]
    if ".." in segments:
        raise HttpError(HTTPStatus.BAD_REQUEST)
    if any(s.startswith(".") for s in segments):
        raise HttpError(HTTPStatus.NOT_FOUND)
    return segments


# -----------------------------------------------------------------------------
# [SECTION] Files and encodings
# -----------------------------------------------------------------------------

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".wasm": "application/wasm",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".otf": "font/otf",
    ".ttf": "font/ttf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".gz": "application/gzip",
}
DEFAULT_CONTENT_TYPE = "application/octet-stream"

# Preferred first: brotli is smaller than gzip for the same file.
PRECOMPRESSED = (("br", ".br"), ("gzip", ".gz"))


def content_type(path):
    return CONTENT_TYPES.get(os.path.splitext(path)[1].lower(), DEFAULT_CONTENT_TYPE)


def real_file_inside(root, path):
    """The real path of `path` if it is a regular file inside `root` (a real path), else None.

    realpath resolves every symlink, so a link pointing out of the root fails here.
    """
    real = os.path.realpath(path)
    if os.path.commonpath((root, real)) != root or not os.path.isfile(real):
        return None
    return real


def requested_file(root, segments):
    """(path as named, real path) of the file a request names; a directory means its index.html."""
    path = os.path.join(root, *segments)
    if os.path.isdir(path):
        path = os.path.join(path, "index.html")
    real = real_file_inside(root, path)
    # A trailing slash left on a file ("/app.js/") is not found, as on a static host.
    if real is None or path.endswith(os.sep):
        raise HttpError(HTTPStatus.NOT_FOUND)
    return path, real


def precompressed_variants(root, path):
    """[(coding, real path)] of the X.br / X.gz files next to X, preferred first."""
    # A compressed file asked for by name is just a file: no X.gz.gz lookups.
    if path.endswith(tuple(suffix for _, suffix in PRECOMPRESSED)):
        return []
    variants = []
    for coding, suffix in PRECOMPRESSED:
        real = real_file_inside(root, path + suffix)
        if real is not None:
            variants.append((coding, real))
    return variants


def accepts(accept_encoding, coding):
    """Whether an Accept-Encoding value allows `coding` (RFC 9110 12.5.3).

    q=0 refuses a coding; "*" covers codings not named. A malformed q counts as 0.
    """
    weights = {}
    for item in accept_encoding.split(","):
        name, *params = [part.strip() for part in item.split(";")]
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if name:
            weights[name.lower()] = weight
    return weights.get(coding, weights.get("*", 0.0)) > 0


def etag_matches(if_none_match, etag):
    """Weak comparison, as If-None-Match requires (RFC 9110 13.1.2)."""
    if if_none_match is None:
        return False
    tags = [tag.strip() for tag in if_none_match.split(",")]
    return "*" in tags or etag in (tag.removeprefix("W/") for tag in tags)


# -----------------------------------------------------------------------------
# [SECTION] HTTP handler and server
# -----------------------------------------------------------------------------

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"


class BundleHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a page load fetches several files
    timeout = 60  # an idle keep-alive connection must not hold a thread forever

    def parse_request(self):
        if not super().parse_request():
            return False
        # The base class quietly rewrites "//host/x" to "/host/x"; keep the raw
        # target so that such a request is refused instead of repaired.
        self.target = self.requestline.split()[1]
        if self.command not in ("GET", "HEAD"):
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)
            return False
        return True

    def do_GET(self):
        self.respond(send_body=True)

    def do_HEAD(self):
        self.respond(send_body=False)

    def respond(self, send_body):
        root = self.server.root
        try:
            path, real = requested_file(root, request_segments(self.target))
        except HttpError as error:
            self.send_error(error.status)
            return
        variants = precompressed_variants(root, path)
        accept_encoding = self.headers.get("Accept-Encoding", "")
        accepted = [(c, p) for c, p in variants if accepts(accept_encoding, c)]
        coding, sent = accepted[0] if accepted else (None, real)
        try:
            file = open(sent, "rb")
        except OSError:  # removed or unreadable since the lookup
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        with file:
            self.send_file(file, content_type(path), coding, bool(variants), send_body)

    def send_file(self, file, type_, coding, has_variants, send_body):
        stat = os.fstat(file.fileno())
        # Each encoding is its own representation, so it needs its own tag.
        etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}-{coding or "identity"}"'
        not_modified = etag_matches(self.headers.get("If-None-Match"), etag)
        self.send_response(HTTPStatus.NOT_MODIFIED if not_modified else HTTPStatus.OK)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        if has_variants:
            self.send_header("Vary", "Accept-Encoding")
        if not_modified:
            self.end_headers()
            return
        self.send_header("Content-Type", type_)
        if coding:
            self.send_header("Content-Encoding", coding)
        self.send_header("Content-Length", str(stat.st_size))
        self.end_headers()
        if send_body:
            shutil.copyfileobj(file, self.wfile)

    def send_error(self, code, message=None, explain=None):
        """A short plain-text error that never echoes the request (the base class's does)."""
        status = HTTPStatus(code)
        body = f"{status.value} {status.phrase}\n".encode()
        self.log_error("%d %s", status.value, status.phrase)
        self.send_response(status)
        # The rest of a refused request (a POST body, say) is unread: close.
        self.send_header("Connection", "close")
        if status == HTTPStatus.METHOD_NOT_ALLOWED:
            self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        # Headers every response carries, errors and 304s included.
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Referrer-Policy", "no-referrer")
        if self.server.csp:
            self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, format, *args):
        if self.server.verbose:
            super().log_message(format, *args)


class BundleServer(ThreadingHTTPServer):
    def __init__(self, address, root, csp, verbose):
        self.root = root
        self.csp = csp
        self.verbose = verbose
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, BundleHandler)

    def server_bind(self):
        # HTTPServer.server_bind also looks up the host's FQDN, which can stall
        # for seconds without DNS, and nothing here uses it.
        socketserver.TCPServer.server_bind(self)

    def handle_error(self, request, client_address):
        # Browsers hang up mid-response all the time (reloads, cancelled fetches).
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


# -----------------------------------------------------------------------------
# [SECTION] Command line
# -----------------------------------------------------------------------------

def parse_args(argv):
    parser = argparse.ArgumentParser(description="Serve the web bundle on this machine.")
    parser.add_argument("--port", type=int, default=8000, help="port; 0 picks a free one (default 8000)")
    parser.add_argument("--bind", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--root", type=Path, help="folder to serve instead of build/web/bundle; implies --no-build")
    parser.add_argument("--no-build", action="store_true", help="serve the bundle as it is, without rebuilding")
    parser.add_argument("--handbook", type=Path,
                        help="preview the handbook's own text: import this handbook checkout into build/handbook-bundle "
                             "(tools/bundle-from-handbook) and serve that")
    parser.add_argument("--csp", action="store_true", help="send a strict Content-Security-Policy")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    return parser.parse_args(argv)


def url_host(host):
    return f"[{host}]" if ":" in host else host


def main(argv=None):
    args = parse_args(argv)
    if args.root is None and not args.no_build:
        ensure_bundle(PROJECT)
    if args.handbook is not None:
        preview = PROJECT / "build" / "handbook-bundle"
        run_step([sys.executable, str(PROJECT / "tools" / "bundle-from-handbook"), str(args.handbook), "--out", str(preview)], PROJECT)
        args.root = args.root or preview
    root = os.path.realpath(args.root or DEFAULT_ROOT)
    if not os.path.isdir(root):
        sys.exit(f"serve.py: no folder to serve at {root}")
    try:
        server = BundleServer((args.bind, args.port), root, args.csp, args.verbose)
    except (OSError, OverflowError) as error:
        sys.exit(f"serve.py: cannot listen on {args.bind} port {args.port}: {error}")
    host, port = server.server_address[:2]
    print(f"serving {root} at http://{url_host(host)}:{port}/", flush=True)
    with server:
        server.serve_forever()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
