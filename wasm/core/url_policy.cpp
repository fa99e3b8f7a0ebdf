#include "url_policy.h"

#include "text.h"

#include <algorithm>

namespace cm {

namespace {

using text::starts_with_ci;

size_t scheme_length(std::string_view url) {
    return starts_with_ci(url, "https://") ? 8 : starts_with_ci(url, "http://") ? 7 : 0;
}

// Spaces and control characters are never part of a URL; refusing them also keeps
// the exports' link syntax (Markdown and HTML) intact.
bool clean(std::string_view url) {
    return std::none_of(url.begin(), url.end(), [](char c) { return (unsigned char)c <= 0x20 || c == 0x7f || c == '\\'; });
}

}  // namespace

bool is_web_url(std::string_view url) {
    size_t scheme = scheme_length(url);
    if (scheme == 0 || url.size() == scheme || url[scheme] == '/' || url[scheme] == '?' || url[scheme] == '#') return false;  // no host
    return clean(url);
}

bool is_framework_link(std::string_view url) {
    if (is_web_url(url)) return true;
    return url.size() > 0 && url[0] == '/' && (url.size() == 1 || url[1] != '/') && clean(url);
}

bool is_safe_href(std::string_view url) {
    if (url.empty() || !clean(url)) return false;
    if (scheme_length(url) > 0) return is_web_url(url);
    if (url.size() > 1 && url[0] == '/' && url[1] == '/') return false;  // another host, whatever the scheme
    size_t colon = url.find(':'), stop = url.find_first_of("/?#");
    return colon == std::string_view::npos || (stop != std::string_view::npos && stop < colon);
}

std::string origin_of(std::string_view url) {
    if (!is_web_url(url)) return "";
    size_t end = url.find_first_of("/?#", scheme_length(url));
    return std::string(url.substr(0, end));
}

std::string resolve_link(std::string_view href, std::string_view page_url, std::string_view site_url) {
    std::string out;
    if (!href.empty() && href[0] == '#') {
        if (href.size() == 1) return "";
        out = std::string(page_url.substr(0, page_url.find('#'))) + std::string(href);
    } else if (href.size() > 1 && href[0] == '/' && href[1] != '/') {
        while (!site_url.empty() && site_url.back() == '/') site_url.remove_suffix(1);
        if (!is_web_url(site_url)) return "";
        out = std::string(site_url) + std::string(href);
    } else {
        out = std::string(href);
    }
    return is_web_url(out) ? out : "";
}

}  // namespace cm
