#include "url_policy.h"

#include <gtest/gtest.h>

namespace {

// One table for every use: framework files, evidence links of plans, and hrefs the exports write.
struct Case {
    const char* url;
    bool web, framework, href;
};

const Case kCases[] = {
    {"https://example.com", true, true, true},
    {"HTTPS://Example.com/a?b=c#d", true, true, true},
    {"http://a", true, true, true},
    {"https://", false, false, false},
    {"http://", false, false, false},
    {"https:///path", false, false, false},
    {"https://?x", false, false, false},
    {"https://exa mple.com", false, false, false},
    {"https://a\\b", false, false, false},
    {"https://a\tb", false, false, false},
    {" https://example.com", false, false, false},
    {"/handbook/values/", false, true, true},
    {"/", false, true, true},
    {"//evil.example/x", false, false, false},
    {"/\\evil.example/x", false, false, false},
    {"#fragment", false, false, true},
    {"framework.html", false, false, true},
    {"text/a.html?data=b.json", false, false, true},
    {"javascript:alert(1)", false, false, false},
    {"JavaScript:alert(1)", false, false, false},
    {"data:text/html,x", false, false, false},
    {"mailto:a@example.com", false, false, false},
    {"ftp://example.com/", false, false, false},
    {"", false, false, false},
};

TEST(UrlPolicy, OneTableForEveryUse) {
    for (const Case& c : kCases) {
        EXPECT_EQ(cm::is_web_url(c.url), c.web) << c.url;
        EXPECT_EQ(cm::is_evidence_url(c.url), c.web) << c.url;
        EXPECT_EQ(cm::is_framework_link(c.url), c.framework) << c.url;
        EXPECT_EQ(cm::is_safe_href(c.url), c.href) << c.url;
    }
}

TEST(UrlPolicy, OriginOf) {
    EXPECT_EQ(cm::origin_of("https://handbook.gitlab.com/handbook/x/"), "https://handbook.gitlab.com");
    EXPECT_EQ(cm::origin_of("http://a?b"), "http://a");
    EXPECT_EQ(cm::origin_of("/handbook/"), "");
}

TEST(UrlPolicy, ResolveLinkAsTheHandbookWritesThem) {
    const char* page = "https://handbook.gitlab.com/handbook/engineering/careers/matrix/infrastructure/principal/";
    const char* site = "https://handbook.gitlab.com";
    EXPECT_EQ(cm::resolve_link("#principal-leadership-competencies", page, site), std::string(page) + "#principal-leadership-competencies");
    EXPECT_EQ(cm::resolve_link("#x", std::string(page) + "#old", site), std::string(page) + "#x");
    EXPECT_EQ(cm::resolve_link("/handbook/values/#credit", page, site), "https://handbook.gitlab.com/handbook/values/#credit");
    EXPECT_EQ(cm::resolve_link("/handbook/values/", page, "https://preview.example.org/mr1/"), "https://preview.example.org/mr1/handbook/values/");
    EXPECT_EQ(cm::resolve_link("https://about.gitlab.com/company/mission/", page, site), "https://about.gitlab.com/company/mission/");
    EXPECT_EQ(cm::resolve_link("https://staffeng.com/guides/staff-archetypes//", page, site), "https://staffeng.com/guides/staff-archetypes//");
    for (const char* bad : {"#", "/\\evil.example/x", "//evil.example/x", "relative/page", "mailto:a@b", "javascript:x", ""})
        EXPECT_EQ(cm::resolve_link(bad, page, site), "") << bad;
    EXPECT_EQ(cm::resolve_link("/x", page, "not a url"), "");
}

}  // namespace
