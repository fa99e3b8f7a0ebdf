#!/usr/bin/env python3
"""Writes the static bundle: the page, its loader, the app, the data and the fonts,
and embed.js, which host pages load next to an iframe of the app (hugo/).

Every file the page references gets a `?v=<content hash>` query, so a new
release is never hidden by a cache (GitLab Pages cannot send cache headers).
Fonts are subset from Debian's Inter (fonts-inter) to the glyphs the app
draws. Each text or binary file also gets `.gz` and `.br` copies, which
serve.py and GitLab Pages serve to browsers that accept them.

Usage: bundle.py --out DIR --app build/web/app.js --source REPO [--text-html FILE]
"""
import argparse
import gzip
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

INTER_DIR = "/usr/share/fonts/opentype/inter"
FONTS = {"fonts/inter-regular.otf": "Inter-Regular.otf", "fonts/inter-semibold.otf": "Inter-SemiBold.otf"}
# Keep in step with kGlyphRanges in wasm/ui/theme.cpp.
UNICODES = "U+0020-00FF,U+2013-2014,U+2018-201D,U+2022,U+2026,U+2190-2193,U+25B8,U+25BE,U+2713"
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".wasm", ".otf", ".svg", ".txt")


def fail(message):
    sys.exit(f"bundle: {message}")


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:12]


def subset_font(src, dst):
    pyftsubset = shutil.which("pyftsubset")
    if not pyftsubset:
        fail("pyftsubset not found (Debian package fonttools); run tools/setup")
    if not os.path.exists(src):
        fail(f"{src} not found (Debian package fonts-inter); run tools/setup")
    subprocess.run([pyftsubset, src, f"--unicodes={UNICODES}", f"--output-file={dst}", "--layout-features=",
                    "--no-hinting", "--desubroutinize", "--name-IDs=1,2", "--drop-tables+=GSUB,GPOS,GDEF"],
                   check=True)


def compress(path):
    with open(path, "rb") as f:
        data = f.read()
    with open(path + ".gz", "wb") as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
    brotli = shutil.which("brotli")
    if brotli:
        subprocess.run([brotli, "-f", "-q", "11", "-o", path + ".br", path], check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--app", required=True, help="app.js from the Emscripten build (app.wasm next to it)")
    ap.add_argument("--source", required=True, help="the repository")
    ap.add_argument("--text-html", help="the text version of the framework (framework.html)")
    args = ap.parse_args()

    out, src = args.out, args.source
    app_dir = os.path.dirname(args.app)
    # Build into a fresh folder and swap it in, so a half-written bundle is never served.
    tmp = tempfile.mkdtemp(prefix=".bundle-", dir=os.path.dirname(os.path.abspath(out)))
    os.chmod(tmp, 0o755)  # mkdtemp makes it private; a web root must be readable
    files = {}  # bundle-relative name -> path in tmp

    def add(name, from_path):
        dst = os.path.join(tmp, name)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(from_path, dst)
        files[name] = dst

    add("app.js", args.app)
    add("app.wasm", os.path.join(app_dir, "app.wasm"))
    for name in ("loader.js", "embed.js", "style.css", "text.css"):
        add(name, os.path.join(src, "shell", name))
    for name in sorted(os.listdir(os.path.join(src, "assets"))):
        add(name, os.path.join(src, "assets", name))
    for name in sorted(os.listdir(os.path.join(src, "data"))):
        if name.endswith(".json"):
            add("data/" + name, os.path.join(src, "data", name))
    for name, otf in FONTS.items():
        dst = os.path.join(tmp, name)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        subset_font(os.path.join(INTER_DIR, otf), dst)
        files[name] = dst
    noscript = ""
    if args.text_html:
        with open(args.text_html, encoding="utf-8") as f:
            text_page = f.read()
        body = re.search(r"<main[^>]*>(.*)</main>", text_page, re.S)
        noscript = body.group(1) if body else ""
        text_page = text_page.replace('href="text.css"', f'href="text.css?v={digest(files["text.css"])}"')
        text_page = text_page.replace('href="favicon.svg"', f'href="favicon.svg?v={digest(files["favicon.svg"])}"')
        with open(os.path.join(tmp, "framework.html"), "w", encoding="utf-8") as f:
            f.write(text_page)
        files["framework.html"] = os.path.join(tmp, "framework.html")
    else:
        with open(os.path.join(tmp, "framework.html"), "w", encoding="utf-8") as f:
            f.write("<!doctype html><title>Career framework</title><p>The text version is not part of this build.</p>\n")
        files["framework.html"] = os.path.join(tmp, "framework.html")

    # The page: {{name}} becomes name?v=hash; {{noscript}} the text version's content.
    with open(os.path.join(src, "shell", "index.html"), encoding="utf-8") as f:
        page = f.read()

    def versioned(m):
        name = m.group(1)
        if name == "noscript":
            return noscript
        if name not in files:
            fail(f"shell/index.html references {name}, which is not in the bundle")
        return f"{html.escape(name)}?v={digest(files[name])}"

    page = re.sub(r"\{\{([^}]+)\}\}", versioned, page)
    with open(os.path.join(tmp, "index.html"), "w", encoding="utf-8") as f:
        f.write(page)
    files["index.html"] = os.path.join(tmp, "index.html")

    for name, path in files.items():
        if name.endswith(COMPRESSIBLE):
            compress(path)

    if os.path.isdir(out):
        old = out + ".old"
        shutil.rmtree(old, ignore_errors=True)
        os.rename(out, old)
        os.rename(tmp, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(tmp, out)
    # Written last: serve.py compares source times against it.
    with open(os.path.join(out, ".stamp"), "w") as f:
        f.write("\n".join(f"{digest(os.path.join(out, n))}  {n}" for n in sorted(files)) + "\n")


if __name__ == "__main__":
    main()
