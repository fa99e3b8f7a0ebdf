#!/usr/bin/env python3
"""tools/wasm_size.py APP.wasm [--top N] [--json]: where a wasm build's code bytes go.

Reads the function names of a build linked with --profiling-funcs (tools/bench
makes one) and the size of every function body, then sums them by origin:
Dear ImGui and stb, libc, libc++, nlohmann_json, the core (cm::), the views
(ui::) and the platform layer. Prints the origins and the largest functions.
"""
import argparse
import json
import re
import sys
from collections import defaultdict


def leb(data, pos):
    result = shift = 0
    while True:
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return result, pos


def sections(data):
    if data[:4] != b"\0asm":
        raise ValueError("not a wasm file")
    pos = 8
    while pos < len(data):
        sid = data[pos]
        size, pos = leb(data, pos + 1)
        yield sid, data[pos:pos + size]
        pos += size


def functions(data):
    """(name, body bytes) for every function defined in the module."""
    imported = 0
    bodies = []
    names = {}
    for sid, body in sections(data):
        if sid == 2:  # imports: functions among them shift the indices
            count, p = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    n, p = leb(body, p)
                    p += n
                kind = body[p]
                p += 1
                if kind == 0:
                    imported += 1
                    _, p = leb(body, p)
                elif kind == 1:
                    p += 1
                    flags, p = leb(body, p)
                    _, p = leb(body, p)
                    if flags & 1:
                        _, p = leb(body, p)
                elif kind == 2:
                    flags, p = leb(body, p)
                    _, p = leb(body, p)
                    if flags & 1:
                        _, p = leb(body, p)
                elif kind == 3:
                    p += 2
        elif sid == 10:
            count, p = leb(body, 0)
            for _ in range(count):
                size, p = leb(body, p)
                bodies.append(size)
                p += size
        elif sid == 0:
            n, p = leb(body, 0)
            if body[p:p + n] != b"name":
                continue
            p += n
            while p < len(body):
                sub = body[p]
                size, p = leb(body, p + 1)
                end = p + size
                if sub == 1:
                    count, q = leb(body, p)
                    for _ in range(count):
                        index, q = leb(body, q)
                        n, q = leb(body, q)
                        names[index] = body[q:q + n].decode("utf-8", "replace")
                        q += n
                p = end
    return [(names.get(imported + i, f"function {imported + i}"), size) for i, size in enumerate(bodies)]


# Matched against a function's own qualified name (qualified() below), so that a
# function counts where it was written, whatever types its parameters have.
ORIGINS = [
    ("Dear ImGui and stb", re.compile(r"^(ImGui|Im[A-Z]|stb|STB|\(anonymous namespace\)::(ImGui|Im|stb))"
                                      r"|^[A-Z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$")),  # imgui.cpp's static functions
    ("nlohmann_json", re.compile(r"^nlohmann::")),
    ("core (cm::)", re.compile(r"^cm::")),
    ("views (ui::)", re.compile(r"^(ui|theme)::")),
    ("platform", re.compile(r"^(platform::|headless::|cm_|_cm_|\(anonymous namespace\)::)")),
    ("libc++ and std:: templates", re.compile(r"^(std::|operator new|operator delete|__cxa|__cxx|__cxxabiv1::)")),
]


def qualified(name):
    """A demangled name without its return type, template arguments and parameters."""
    n = name.replace("(anonymous namespace)", "{anon}")
    n = re.sub(r"^(void|bool|int|unsigned|char|float|double|long|short) ", "", n)
    depth, out = 0, []
    for c in n:
        if c == "<":
            depth += 1
        elif c == ">":
            depth = max(0, depth - 1)
        elif c == "(" and depth == 0:
            break
        elif depth == 0:
            out.append(c)
    return "".join(out).replace("{anon}", "(anonymous namespace)")


def origin(name):
    own = qualified(name)
    for label, pattern in ORIGINS:
        if pattern.search(own):
            return label
    return "libc and the runtime"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wasm")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    a = parser.parse_args()
    funcs = functions(open(a.wasm, "rb").read())
    if all(name.startswith("function ") for name, _ in funcs):
        sys.exit(f"{a.wasm} has no function names: link it with --profiling-funcs")
    by_origin = defaultdict(int)
    for name, size in funcs:
        by_origin[origin(name)] += size
    total = sum(by_origin.values())
    top = sorted(funcs, key=lambda f: -f[1])[:a.top]
    if a.json:
        json.dump({"code_bytes": total, "origins": dict(sorted(by_origin.items(), key=lambda kv: -kv[1])),
                   "top": [{"name": n, "bytes": s, "origin": origin(n)} for n, s in top]}, sys.stdout, indent=1)
        print()
        return
    print(f"code: {total} bytes in {len(funcs)} functions")
    for label, size in sorted(by_origin.items(), key=lambda kv: -kv[1]):
        print(f"{size:9d}  {100 * size / total:5.1f}%  {label}")
    print()
    for name, size in top:
        print(f"{size:9d}  {origin(name):22s} {name[:110]}")


if __name__ == "__main__":
    main()
