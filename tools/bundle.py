#!/usr/bin/env python3
"""Writes the static bundle: the page, its loader, the app, the data, the text
versions and the fonts, and embed.js, which host pages load next to an iframe of
the app (hugo/).

The app comes from the Emscripten build (--app build/web/app.js) or from a
bundle made before (--prebuilt DIR: its app and fonts are reused, so a bundle
with other data needs no web toolchain; tools/bundle-from-handbook does that).

Every framework file of the data folder gets a text version, text/<name>.html,
made by the native core (cm-html); the default framework's is also
framework.html, which the page's <noscript> content names and links (a copy of
it inline would be most of the page's weight, for every reader).

Every file the page references gets a `?v=<content hash>` query, so a new
release is never hidden by a cache (GitLab Pages cannot send cache headers).
Fonts are subset from Debian's Inter (fonts-inter) to the glyphs the app
draws. Each text or binary file also gets `.gz` and `.br` copies, which
serve.py and GitLab Pages serve to browsers that accept them.

Usage: bundle.py --out DIR (--app build/web/app.js | --prebuilt DIR) --source REPO
                 --cm-html PATH [--data-dir DIR]
"""
import argparse
import gzip
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

INTER_DIR = "/usr/share/fonts/opentype/inter"
# Keep in step with kFirstGlyphs and kLaterGlyphs in wasm/ui/theme.cpp: the first
# pair comes with the first frame, the rest of Latin-1 is fetched after it.
FIRST_GLYPHS = "U+0020-007E,U+00A0,U+00B7,U+2013-2014,U+2018-201D,U+2022,U+2026,U+2190-2193,U+25B8,U+25BE,U+2713"
LATER_GLYPHS = "U+00A1-00B6,U+00B8-00FF"
FONTS = {
    "fonts/inter-regular.otf": ("Inter-Regular.otf", FIRST_GLYPHS),
    "fonts/inter-semibold.otf": ("Inter-SemiBold.otf", FIRST_GLYPHS),
    "fonts/inter-regular-latin1.otf": ("Inter-Regular.otf", LATER_GLYPHS),
    "fonts/inter-semibold-latin1.otf": ("Inter-SemiBold.otf", LATER_GLYPHS),
}
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".wasm", ".otf", ".svg", ".txt")


_unfinished = []  # folders to remove when the bundle cannot be finished


def fail(message):
    for d in _unfinished:
        shutil.rmtree(d, ignore_errors=True)
    sys.exit(f"bundle: {message}")


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:12]


def subset_font(src, dst, unicodes):
    pyftsubset = shutil.which("pyftsubset")
    if not pyftsubset:
        fail("pyftsubset not found (Debian package fonttools); run tools/setup")
    if not os.path.exists(src):
        fail(f"{src} not found (Debian package fonts-inter); run tools/setup")
    subprocess.run([pyftsubset, src, f"--unicodes={unicodes}", f"--output-file={dst}", "--layout-features=",
                    "--no-hinting", "--desubroutinize", "--name-IDs=1,2", "--drop-tables+=GSUB,GPOS,GDEF"],
                   check=True)


# Strings are kept as they are; around them, comments go and whitespace shrinks.
CSS_STRING = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')""")


def minify_css(text):
    parts = CSS_STRING.split(re.sub(r"/\*.*?\*/", "", text, flags=re.S))
    for i in range(0, len(parts), 2):  # even parts are outside strings
        parts[i] = re.sub(r"\s*([{};,>])\s*", r"\1", re.sub(r"\s+", " ", parts[i]))
    return "".join(parts).replace(";}", "}").strip() + "\n"


def minify_js(src, dst, closure):
    """Closure's SIMPLE mode: comments, whitespace and local names go; property
    names (the page's data-* attributes, the app's API) stay as written."""
    if not os.path.exists(closure):
        fail(f"{closure} not found; run tools/setup (it installs the npm packages of package.json)")
    subprocess.run([closure, "--js", src, "--js_output_file", dst, "--compilation_level", "SIMPLE",
                    "--language_out", "ECMASCRIPT_2015", "--warning_level", "QUIET"], check=True)


JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def minify_json(text):
    """The same JSON without the whitespace between tokens (strings and numbers as written)."""
    parts = JSON_STRING.split(text)
    strings = JSON_STRING.findall(text)
    out = [re.sub(r"\s+", "", parts[0])]
    for string, rest in zip(strings, parts[1:]):
        out.append(string)
        out.append(re.sub(r"\s+", "", rest))
    minified = "".join(out)
    if json.loads(minified) != json.loads(text):
        fail("minifying a data file changed its meaning")  # cannot happen with valid JSON; checked anyway
    return minified


def compress(path):
    # zopfli writes gzip that any gzip reader takes, about 5% smaller than gzip -9.
    zopfli = shutil.which("zopfli")
    if not zopfli:
        fail("zopfli not found (Debian package zopfli); run tools/setup")
    with open(path + ".gz", "wb") as f:
        subprocess.run([zopfli, "-c", path], stdout=f, check=True)
    brotli = shutil.which("brotli")
    if brotli:
        subprocess.run([brotli, "-f", "-q", "11", "-o", path + ".br", path], check=True)


DEFAULT_DATA = "infrastructure.json"  # the page's data-framework (shell/index.html)


def framework_files(data_dir):
    """The career-framework files of a folder (other JSON, such as the schema, is not shipped)."""
    names = []
    for name in sorted(os.listdir(data_dir)):
        if not name.endswith(".json"):
            continue
        try:
            with open(os.path.join(data_dir, name), encoding="utf-8") as f:
                if json.load(f).get("format") == "career-framework":
                    names.append(name)
        except (OSError, ValueError, AttributeError):
            fail(f"{os.path.join(data_dir, name)} is not readable JSON")
    if DEFAULT_DATA not in names:
        fail(f"{data_dir} has no {DEFAULT_DATA}, the page's default framework")
    return names


def text_version(cm_html, data_file, out, app_url):
    result = subprocess.run([cm_html, data_file, "-o", out, "--app-url", app_url], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"cm-html could not write the text version of {data_file}:\n{result.stderr}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    app_from = ap.add_mutually_exclusive_group(required=True)
    app_from.add_argument("--app", help="app.js from the Emscripten build (app.wasm next to it)")
    app_from.add_argument("--prebuilt", help="a bundle made before: its app and fonts are reused")
    ap.add_argument("--source", required=True, help="the repository")
    ap.add_argument("--cm-html", required=True, help="the native cm-html tool")
    ap.add_argument("--data-dir", help="the framework files to ship (default: the repository's data/)")
    args = ap.parse_args()

    out, src = args.out, args.source
    data_dir = args.data_dir or os.path.join(src, "data")
    # Build into a fresh folder and swap it in, so a half-written bundle is never served.
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".bundle-", dir=os.path.dirname(os.path.abspath(out)))
    _unfinished.append(tmp)
    os.chmod(tmp, 0o755)  # mkdtemp makes it private; a web root must be readable
    files = {}  # bundle-relative name -> path in tmp

    def add(name, from_path):
        if not os.path.isfile(from_path):
            fail(f"{from_path} not found")
        dst = os.path.join(tmp, name)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(from_path, dst)
        files[name] = dst

    app_dir = os.path.dirname(args.app) if args.app else args.prebuilt
    add("app.js", os.path.join(app_dir, "app.js"))
    add("app.wasm", os.path.join(app_dir, "app.wasm"))
    closure = os.path.join(src, "node_modules", "google-closure-compiler-linux", "compiler")  # as cmake/web.cmake
    for name in ("loader.js", "embed.js", "style.css", "text.css"):
        add(name, os.path.join(src, "shell", name))
        if name.endswith(".js"):
            minify_js(os.path.join(src, "shell", name), files[name], closure)
        else:
            with open(files[name], encoding="utf-8") as f:
                css = minify_css(f.read())
            with open(files[name], "w", encoding="utf-8") as f:
                f.write(css)
    for name in sorted(os.listdir(os.path.join(src, "assets"))):
        add(name, os.path.join(src, "assets", name))
    data_names = framework_files(data_dir)
    for name in data_names:
        add("data/" + name, os.path.join(data_dir, name))
        with open(files["data/" + name], encoding="utf-8") as f:
            text = minify_json(f.read())
        with open(files["data/" + name], "w", encoding="utf-8") as f:
            f.write(text)
    for name, (otf, unicodes) in FONTS.items():
        if args.prebuilt:
            add(name, os.path.join(args.prebuilt, name))
            continue
        dst = os.path.join(tmp, name)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        subset_font(os.path.join(INTER_DIR, otf), dst, unicodes)
        files[name] = dst

    # Text versions: text/<name>.html for every framework; the default's is also framework.html.
    def finish_text_page(path, prefix):
        with open(path, encoding="utf-8") as f:
            page = f.read()
        for asset in ("text.css", "favicon.svg"):
            page = page.replace(f'href="{asset}"', f'href="{prefix}{asset}?v={digest(files[asset])}"')
        with open(path, "w", encoding="utf-8") as f:
            f.write(page)
        return page

    for name in data_names:
        stem = name[:-5]
        path = os.path.join(tmp, "text", stem + ".html")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        app_url = "../index.html" if name == DEFAULT_DATA else f"../index.html?data={name}"
        text_version(args.cm_html, os.path.join(data_dir, name), path, app_url)
        finish_text_page(path, "../")
        files[f"text/{stem}.html"] = path
    text_version(args.cm_html, os.path.join(data_dir, DEFAULT_DATA), os.path.join(tmp, "framework.html"), "index.html")
    text_page = finish_text_page(os.path.join(tmp, "framework.html"), "")
    files["framework.html"] = os.path.join(tmp, "framework.html")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", text_page, re.S)
    title = title.group(1).strip() if title else "The career framework"
    noscript = (f'<div class="cm-noscript"><h1>{title}</h1>\n<p>The interactive ladder and the growth-plan builder need JavaScript. '
                f'The whole framework is also a page of text: <a href="framework.html?v={digest(files["framework.html"])}">'
                f'{title}, as text</a>.</p></div>')

    # The page: {{name}} becomes name?v=hash; {{noscript}} a short text that links the text version.
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
