// Career Matrix core: the framework as an accessible HTML page (text_version.h).
#include "text_version.h"

#include "compare.h"
#include "html.h"

namespace cm {

namespace {

using html::absolute_link;

// " See: <a>one</a>, <a>two</a>." ("" without links).
std::string links_html(const Framework& fw, const std::vector<Link>& links, const char* lead) {
    if (links.empty()) return "";
    std::string h = lead;
    for (size_t k = 0; k < links.size(); k++) h += (k > 0 ? ", " : "") + html::link(absolute_link(fw, links[k].url), links[k].text);
    return h + ".";
}

// Paragraphs are separated by a blank line (the importer joins a scope's paragraphs so).
std::vector<std::string> split_paragraphs(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find("\n\n", start);
        std::string p = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (p.find_first_not_of(" \n") != std::string::npos) out.push_back(p);
        if (end == std::string::npos) break;
        start = end + 2;
    }
    return out;
}

}  // namespace

std::string framework_html(const Framework& fw, std::string_view app_url) {
    std::string app(app_url);
    std::string h = html::kHead;
    h += "<title>" + html::escape(fw.name) + "</title>\n";
    h += "<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n";
    h += "<link rel=\"stylesheet\" href=\"text.css\">\n</head>\n<body>\n";
    h += "<header>\n<p>";
    if (is_safe_href(app)) h += html::link(app, "Open the interactive version") + " · ";
    h += "Text version of the " + html::escape(fw.name) + "</p>\n</header>\n";

    h += "<main>\n<h1>" + html::escape(fw.name) + "</h1>\n";
    if (!fw.summary.empty()) h += "<p>" + html::escape(fw.summary) + "</p>\n";
    if (!fw.notice.empty()) h += "<p class=\"notice\">" + html::escape(fw.notice) + "</p>\n";
    h += "<p>Version " + html::escape(fw.version) + ".";
    if (fw.cumulative) h += " Each level includes everything expected at the levels below it; what a level adds is marked “(new at this level)”.";
    h += "</p>\n";

    h += "<nav aria-label=\"Levels\">\n<ul>\n";
    for (const Level& l : fw.levels) h += "<li><a href=\"#level-" + html::escape(l.id) + "\">" + html::escape(l.name) + "</a></li>\n";
    h += "</ul>\n</nav>\n";

    for (int li = 0; li < int(fw.levels.size()); li++) {
        const Level& l = fw.levels[size_t(li)];
        std::string id = "level-" + html::escape(l.id);
        h += "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" + html::escape(l.name) + "</h2>\n";
        for (const std::string& paragraph : split_paragraphs(l.scope)) h += "<p>" + html::escape(paragraph) + "</p>\n";
        if (!l.source.empty() || !l.links.empty()) {
            h += "<p>";
            if (!l.source.empty()) h += html::link(absolute_link(fw, l.source), "The " + l.name + " level in the handbook");
            h += links_html(fw, l.links, l.source.empty() ? "See: " : ". See also: ");
            h += "</p>\n";
        }
        if (!l.published) {
            h += "<p>No expectations are published for this level yet.</p>\n</section>\n";
            continue;
        }
        // effective_expectations keeps each area's expectations together, areas in order.
        std::vector<int> shown = effective_expectations(fw, li);
        int open_area = -1;
        for (int e : shown) {
            const Expectation& x = fw.expectations[size_t(e)];
            if (x.area != open_area) {
                if (open_area >= 0) h += "</ul>\n";
                h += "<h3>" + html::escape(fw.areas[size_t(x.area)].name) + "</h3>\n";
                if (const SectionScope* scope = l.section_scope(x.area))
                    h += "<p class=\"scope\">" + html::escape(scope->text) + links_html(fw, scope->links, " See: ") + "</p>\n";
                h += "<ul>\n";
                open_area = x.area;
            }
            h += "<li>";
            if (!x.title.empty()) h += "<strong>" + html::escape(x.title) + ".</strong> ";
            h += html::escape(x.text);
            if (x.level == li && change_from_below(fw, e) == Change::Added) h += " (new at this level)";
            h += links_html(fw, x.links, " See: ");
            h += "</li>\n";
        }
        if (open_area >= 0) h += "</ul>\n";
        if (shown.empty()) h += "<p>This level has no expectations.</p>\n";
        h += "</section>\n";
    }
    h += "</main>\n<footer>\n<p>";
    if (!fw.source.empty()) h += "Source: " + html::link(fw.source, fw.name) + ". ";
    if (is_safe_href(app)) h += html::link(app, "The interactive version") + " compares levels and builds growth plans.";
    h += "</p>\n</footer>\n</body>\n</html>\n";
    return h;
}

}  // namespace cm
