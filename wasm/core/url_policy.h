// Career Matrix core: the one policy for every URL the app reads, opens or writes.
// Framework files, the handbook importer, growth plans and the exports all ask
// here, so a fix to what is safe (backslashes, hosts, control characters) lands
// everywhere at once. Table of cases: tests/core/url_policy_test.cpp.
#pragma once
#include <string>
#include <string_view>

namespace cm {

// An absolute http(s) URL with a host, free of white space, control characters
// and backslashes (browsers read "/\host" as "//host"). Scheme case is ignored.
bool is_web_url(std::string_view url);

// A link a framework file may hold: a web URL, or a path on the framework's own
// site ("/handbook/..."; never "//host", which is another site).
bool is_framework_link(std::string_view url);

// Evidence links of a growth plan are web URLs only: plans travel to other sites.
inline bool is_evidence_url(std::string_view url) { return is_web_url(url); }

// What an export may write as an href: a web URL or a relative reference with
// no scheme ("#x", "framework.html"). javascript:, data: and the like never.
bool is_safe_href(std::string_view url);

// "https://host/a/b" -> "https://host"; "" when `url` is not a web URL.
std::string origin_of(std::string_view url);

// `href` as written in a page at `page_url`, made absolute: "#x" -> page_url#x,
// "/path" -> `site_url` (which may carry a path prefix) + /path; web URLs unchanged.
// "" when the result is not a web URL (a relative "x/y", mailto:, "/\\host", ...).
std::string resolve_link(std::string_view href, std::string_view page_url, std::string_view site_url);

}  // namespace cm
