// Career Matrix core: the framework's text version. The canvas is invisible to
// screen readers and to the page's search, so every framework also goes out as an
// accessible HTML page (the bundle's text/<name>.html and framework.html, and the
// page's <noscript> text links), generated from the same data as the app.
#pragma once
#include "framework.h"

#include <string>
#include <string_view>

namespace cm {

// The whole framework as an accessible HTML page (landmarks, h1 > h2 > h3, a
// table of contents), for readers the canvas shuts out. No scripts, no inline
// style attributes (a strict CSP forbids them); it links "text.css" but reads
// fine without it. `app_url` is the interactive app's address, linked from the page.
std::string framework_html(const Framework& fw, std::string_view app_url);

}  // namespace cm
