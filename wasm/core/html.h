// Career Matrix core: writing HTML that nothing typed can break out of, shared by
// the plan's print view (export.cpp) and the framework's text version (text_version.cpp).
#pragma once
#include "framework.h"
#include "url_policy.h"

#include <string>
#include <string_view>

namespace cm::html {

inline std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

// A link when `url` is one an export may write (url_policy.h), the escaped text otherwise.
inline std::string link(const std::string& url, std::string_view text) {
    if (!is_safe_href(url)) return escape(text);
    return "<a href=\"" + escape(url) + "\">" + escape(text) + "</a>";
}

// Framework links may be handbook paths ("/handbook/..."); an exported file is
// opened anywhere, so they are made absolute against the framework's source.
inline std::string absolute_link(const Framework& fw, const std::string& url) {
    if (url.size() > 1 && url[0] == '/' && url[1] != '/') {
        std::string origin = origin_of(fw.source);
        if (!origin.empty()) return origin + url;
    }
    return url;
}

inline constexpr const char* kHead =
    "<!doctype html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";

}  // namespace cm::html
