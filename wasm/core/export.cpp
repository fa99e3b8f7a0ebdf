// Career Matrix core: exports (export.h). Markdown and HTML share one view of
// each item (ItemView) and one grouping by area, so both files say the same.
#include "export.h"

#include "compare.h"
#include "framework_load.h"  // is_valid_id
#include "plan_storage.h"
#include "url_policy.h"

#include <algorithm>

namespace cm {

// [SECTION] Shared: what each item shows, and how items group by area

namespace {

// One plan item as exports show it, resolved against the loaded framework.
struct ItemView {
    const PlanItem* item = nullptr;
    int expectation = -1;  // index in the framework, -1 when Missing
    Freshness fresh = Freshness::Fresh;
    std::string text;        // the framework's current text, or the planned one when Missing
    std::string level_name;  // "" when unknown
    std::string old_text;    // Changed: the text when planned ("" when never known)
};

ItemView view_item(const Framework& fw, const PlanItem& item) {
    ItemView v;
    v.item = &item;
    int e = -1;
    v.fresh = freshness(fw, item, &e);
    v.expectation = e;
    if (e >= 0) {
        const Expectation& x = fw.expectations[size_t(e)];
        v.text = x.text;
        v.level_name = fw.levels[size_t(x.level)].name;
        if (v.fresh == Freshness::Changed) v.old_text = item.text;
    } else {
        v.text = item.text.empty() ? "Expectation " + item.expectation : item.text;
        int l = fw.find_level(item.level);
        v.level_name = l >= 0 ? fw.levels[size_t(l)].name : item.level;
    }
    return v;
}

struct AreaGroup {
    std::string heading;
    std::vector<ItemView> items;
};

// Framework areas in framework order, then stored area ids the framework no
// longer has (first appearance), then "Other" (items with no area at all).
std::vector<AreaGroup> group_by_area(const Framework& fw, const Plan& plan) {
    std::vector<AreaGroup> known(fw.areas.size()), unknown;
    AreaGroup other{"Other", {}};
    for (size_t a = 0; a < fw.areas.size(); a++) known[a].heading = fw.areas[a].name;
    for (const PlanItem& item : plan.items) {
        ItemView v = view_item(fw, item);
        int area = v.expectation >= 0 ? fw.expectations[size_t(v.expectation)].area : fw.find_area(item.area);
        if (area >= 0) known[size_t(area)].items.push_back(std::move(v));
        else if (item.area.empty()) other.items.push_back(std::move(v));
        else {
            auto it = std::find_if(unknown.begin(), unknown.end(), [&](const AreaGroup& g) { return g.heading == item.area; });
            if (it == unknown.end()) unknown.push_back({item.area, {std::move(v)}});
            else it->items.push_back(std::move(v));
        }
    }
    std::vector<AreaGroup> out;
    for (AreaGroup& g : known)
        if (!g.items.empty()) out.push_back(std::move(g));
    for (AreaGroup& g : unknown) out.push_back(std::move(g));
    if (!other.items.empty()) out.push_back(std::move(other));
    return out;
}

std::string level_name_or(const Framework& fw, const std::string& id, const char* none) {
    if (id.empty()) return none;
    int l = fw.find_level(id);
    return l >= 0 ? fw.levels[size_t(l)].name : id;
}

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find('\n', start);
        if (end == std::string_view::npos) end = s.size();
        std::string_view line = s.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();  // trailing blank lines say nothing
    return lines;
}

// Framework links may be handbook paths ("/handbook/..."); an exported file is
// opened anywhere, so they are made absolute against the framework's source.
std::string absolute_link(const Framework& fw, const std::string& url) {
    if (url.size() > 1 && url[0] == '/' && url[1] != '/') {
        std::string origin = origin_of(fw.source);
        if (!origin.empty()) return origin + url;
    }
    return url;
}

}  // namespace

// [SECTION] Plan as Markdown
// Escaping aims at structure, not looks: user text must not open a heading, a
// list item, a quote, a link or raw HTML. Emphasis characters and backticks are
// left alone (they render as the user typed them, or harmlessly).

namespace {

// One line of inline text: newlines become spaces; '\', '[', ']' and '<' are
// escaped (links, images, autolinks, HTML); '#' too where it could end a heading.
std::string md_inline(std::string_view s, bool escape_hash = false) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '\n' || c == '\r') c = ' ';
        if (c == '\\' || c == '[' || c == ']' || c == '<' || (escape_hash && c == '#')) out += '\\';
        out += c;
    }
    return out;
}

// Inline text that starts a block (after "- [ ] ", or on its own line in a
// quote or a paragraph): also escapes a leading block marker. Leading spaces
// are dropped: four of them would start a code block.
std::string md_block_start(std::string_view s) {
    size_t i = s.find_first_not_of(" \t");
    std::string out = md_inline(i == std::string_view::npos ? std::string_view() : s.substr(i));
    if (out.empty()) return out;
    char c = out[0];
    if (c == '#' || c == '-' || c == '+' || c == '*' || c == '>' || c == '=' || c == '|' || c == '~' || c == '`')
        return "\\" + out;
    size_t digits = out.find_first_not_of("0123456789");
    if (digits != std::string::npos && digits > 0 && digits <= 9 && (out[digits] == '.' || out[digits] == ')'))
        return out.substr(0, digits) + "\\" + out.substr(digits);  // "1. " would start an ordered list
    return out;
}

// A URL as a Markdown link destination: characters that would end it are encoded.
std::string md_url(std::string_view url) {
    std::string out;
    for (char c : url) {
        if (c == '(') out += "%28";
        else if (c == ')') out += "%29";
        else if (c == '<') out += "%3C";
        else if (c == '>') out += "%3E";
        else if (c == '\\') out += "%5C";
        else out += c;
    }
    return out;
}

// Multi-line user text, one output line per input line under `prefix` ("  > "
// for an item's notes, "" for the plan's). CommonMark joins consecutive lines
// into one, so each line followed by another ends with a backslash (a hard
// line break): the user's own line structure survives, lists typed by hand included.
std::string md_lines(std::string_view text, std::string_view prefix) {
    std::vector<std::string_view> lines = split_lines(text);
    std::string out;
    for (size_t i = 0; i < lines.size(); i++) {
        std::string line = md_block_start(lines[i]);
        if (line.empty()) {
            out += prefix.substr(0, prefix.find_last_not_of(' ') + 1);  // "  >" rather than "  > "
        } else {
            out += std::string(prefix) + line;
            if (i + 1 < lines.size() && !md_block_start(lines[i + 1]).empty()) out += "\\";
        }
        out += "\n";
    }
    return out;
}

}  // namespace

std::string plan_markdown(const Framework& fw, const Plan& plan) {
    std::string md;
    md += "# Growth plan: " + md_inline(plan.name.empty() ? "Untitled" : plan.name, true) + "\n\n";
    md += md_block_start(fw.name) + ", version " + md_inline(fw.version) + ". Current level: " +
          md_inline(level_name_or(fw, plan.current_level, "not chosen")) + ". Target level: " +
          md_inline(level_name_or(fw, plan.target_level, "not chosen")) + ".\n";

    std::vector<AreaGroup> groups = group_by_area(fw, plan);
    if (groups.empty()) md += "\nThis plan has no expectations yet.\n";
    for (const AreaGroup& g : groups) {
        md += "\n## " + md_inline(g.heading, true) + "\n\n";
        for (const ItemView& v : g.items) {
            const PlanItem& item = *v.item;
            md += item.status == ItemStatus::Done ? "- [x] " : "- [ ] ";
            md += md_block_start(v.text);
            if (!v.level_name.empty()) md += " (" + md_inline(v.level_name) + ")";
            if (v.fresh == Freshness::Changed)
                md += v.old_text.empty() ? std::string(" (text changed since planned)")
                                         : " (text changed since planned; was: \"" + md_inline(v.old_text) + "\")";
            if (v.fresh == Freshness::Missing) md += " (no longer in the framework)";
            if (item.status == ItemStatus::InProgress) md += " — in progress";
            if (!item.target_date.empty()) md += " — target " + md_inline(item.target_date);
            md += "\n";
            md += md_lines(item.notes, "  > ");
            for (const EvidenceLink& link : item.evidence) {
                if (!is_evidence_url(link.url)) md += "  - " + md_block_start(link.url) + "\n";  // never a link
                else if (link.title.empty()) md += "  - <" + md_url(link.url) + ">\n";
                else md += "  - [" + md_inline(link.title) + "](" + md_url(link.url) + ")\n";
            }
        }
    }

    if (!split_lines(plan.notes).empty()) md += "\n## Notes\n\n" + md_lines(plan.notes, "");
    md += "\n---\n\n";
    md += fw.source.empty() ? std::string("Exported from Career Matrix.\n")
                            : "Exported from Career Matrix, framework source: " + md_inline(fw.source) + "\n";
    return md;
}

// [SECTION] Plan as HTML

namespace {

std::string html_escape(std::string_view s) {
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

// Multi-line text: each line escaped, joined with <br>.
std::string html_lines(std::string_view s) {
    std::string out;
    for (std::string_view line : split_lines(s)) {
        if (!out.empty()) out += "<br>\n";
        out += html_escape(line);
    }
    return out;
}

std::string html_link(const std::string& url, std::string_view text) {
    if (!is_safe_href(url)) return html_escape(text);
    return "<a href=\"" + html_escape(url) + "\">" + html_escape(text) + "</a>";
}

const char* kHtmlHead =
    "<!doctype html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";

}  // namespace

std::string plan_html(const Framework& fw, const Plan& plan) {
    std::string name = plan.name.empty() ? "Untitled" : plan.name;
    std::string h = kHtmlHead;
    h += "<title>Growth plan: " + html_escape(name) + "</title>\n";
    h += "<style>\n"
         "body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111;background:#fff}\n"
         "ul.tasks{list-style:none;padding-left:0}\n"
         "ul.tasks>li{margin:.6rem 0}\n"
         "ul.tasks input{margin-right:.4rem}\n"
         "blockquote{margin:.3rem 0 .3rem 1.6rem;padding-left:.8rem;border-left:3px solid #bbb}\n"
         ".meta{color:#444}\n"
         "@media print{body{margin:0;max-width:none}a{color:inherit}}\n"
         "</style>\n"
         "</head>\n<body>\n";
    h += "<header>\n<h1>Growth plan: " + html_escape(name) + "</h1>\n";
    h += "<p>" + html_escape(fw.name) + ", version " + html_escape(fw.version) + ". Current level: " +
         html_escape(level_name_or(fw, plan.current_level, "not chosen")) + ". Target level: " +
         html_escape(level_name_or(fw, plan.target_level, "not chosen")) + ".</p>\n</header>\n<main>\n";

    std::vector<AreaGroup> groups = group_by_area(fw, plan);
    if (groups.empty()) h += "<p>This plan has no expectations yet.</p>\n";
    for (const AreaGroup& g : groups) {
        h += "<section>\n<h2>" + html_escape(g.heading) + "</h2>\n<ul class=\"tasks\">\n";
        for (const ItemView& v : g.items) {
            const PlanItem& item = *v.item;
            h += "<li><input type=\"checkbox\" disabled";
            h += item.status == ItemStatus::Done ? " checked" : "";
            h += std::string(" aria-label=\"") + status_label(item.status) + "\"> " + html_escape(v.text);
            std::string meta;
            if (!v.level_name.empty()) meta += " (" + html_escape(v.level_name) + ")";
            if (v.fresh == Freshness::Changed)
                meta += v.old_text.empty() ? std::string(" (text changed since planned)")
                                           : " (text changed since planned; was: “" + html_escape(v.old_text) + "”)";
            if (v.fresh == Freshness::Missing) meta += " (no longer in the framework)";
            if (item.status == ItemStatus::InProgress) meta += " — in progress";
            if (!item.target_date.empty()) meta += " — target " + html_escape(item.target_date);
            if (!meta.empty()) h += " <span class=\"meta\">" + meta.substr(1) + "</span>";
            if (!split_lines(item.notes).empty()) h += "\n<blockquote><p>" + html_lines(item.notes) + "</p></blockquote>";
            if (!item.evidence.empty()) {
                h += "\n<ul>\n";
                for (const EvidenceLink& link : item.evidence) {
                    std::string_view text = link.title.empty() ? std::string_view(link.url) : std::string_view(link.title);
                    h += "<li>" + (is_evidence_url(link.url) ? html_link(link.url, text) : html_escape(link.url)) + "</li>\n";
                }
                h += "</ul>";
            }
            h += "</li>\n";
        }
        h += "</ul>\n</section>\n";
    }
    if (!split_lines(plan.notes).empty()) h += "<section>\n<h2>Notes</h2>\n<p>" + html_lines(plan.notes) + "</p>\n</section>\n";
    h += "</main>\n<footer>\n<p>Exported from Career Matrix";
    if (!fw.source.empty()) h += ", framework source: " + html_link(fw.source, fw.source);
    h += ".</p>\n</footer>\n</body>\n</html>\n";
    return h;
}

// [SECTION] Framework as HTML

namespace {

// " See: <a>one</a>, <a>two</a>." ("" without links).
std::string links_html(const Framework& fw, const std::vector<Link>& links, const char* lead) {
    if (links.empty()) return "";
    std::string h = lead;
    for (size_t k = 0; k < links.size(); k++) h += (k > 0 ? ", " : "") + html_link(absolute_link(fw, links[k].url), links[k].text);
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
    std::string h = kHtmlHead;
    h += "<title>" + html_escape(fw.name) + "</title>\n";
    h += "<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n";
    h += "<link rel=\"stylesheet\" href=\"text.css\">\n</head>\n<body>\n";
    h += "<header>\n<p>";
    if (is_safe_href(app)) h += html_link(app, "Open the interactive version") + " · ";
    h += "Text version of the " + html_escape(fw.name) + "</p>\n</header>\n";

    h += "<main>\n<h1>" + html_escape(fw.name) + "</h1>\n";
    if (!fw.summary.empty()) h += "<p>" + html_escape(fw.summary) + "</p>\n";
    if (!fw.notice.empty()) h += "<p class=\"notice\">" + html_escape(fw.notice) + "</p>\n";
    h += "<p>Version " + html_escape(fw.version) + ".";
    if (fw.cumulative) h += " Each level includes everything expected at the levels below it; what a level adds is marked “(new at this level)”.";
    h += "</p>\n";

    h += "<nav aria-label=\"Levels\">\n<ul>\n";
    for (const Level& l : fw.levels) h += "<li><a href=\"#level-" + html_escape(l.id) + "\">" + html_escape(l.name) + "</a></li>\n";
    h += "</ul>\n</nav>\n";

    for (int li = 0; li < int(fw.levels.size()); li++) {
        const Level& l = fw.levels[size_t(li)];
        std::string id = "level-" + html_escape(l.id);
        h += "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" + html_escape(l.name) + "</h2>\n";
        for (const std::string& paragraph : split_paragraphs(l.scope)) h += "<p>" + html_escape(paragraph) + "</p>\n";
        if (!l.source.empty() || !l.links.empty()) {
            h += "<p>";
            if (!l.source.empty()) h += html_link(absolute_link(fw, l.source), "The " + l.name + " level in the handbook");
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
                h += "<h3>" + html_escape(fw.areas[size_t(x.area)].name) + "</h3>\n";
                if (const SectionScope* scope = l.section_scope(x.area))
                    h += "<p class=\"scope\">" + html_escape(scope->text) + links_html(fw, scope->links, " See: ") + "</p>\n";
                h += "<ul>\n";
                open_area = x.area;
            }
            h += "<li>";
            if (!x.title.empty()) h += "<strong>" + html_escape(x.title) + ".</strong> ";
            h += html_escape(x.text);
            if (x.level == li && change_from_below(fw, e) == Change::Added) h += " (new at this level)";
            h += links_html(fw, x.links, " See: ");
            h += "</li>\n";
        }
        if (open_area >= 0) h += "</ul>\n";
        if (shown.empty()) h += "<p>This level has no expectations.</p>\n";
        h += "</section>\n";
    }
    h += "</main>\n<footer>\n<p>";
    if (!fw.source.empty()) h += "Source: " + html_link(fw.source, fw.name) + ". ";
    if (is_safe_href(app)) h += html_link(app, "The interactive version") + " compares levels and builds growth plans.";
    h += "</p>\n</footer>\n</body>\n</html>\n";
    return h;
}

// [SECTION] Plan as JSON, and import

std::string plan_export_json(const Plan& plan, const Framework& fw, int64_t now_ms) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j["format"] = kPlanExportFormat;
    j["version"] = kPlanExportVersion;
    j["exportedAt"] = format_iso_time(now_ms);
    nlohmann::ordered_json framework = nlohmann::ordered_json::object();
    framework["id"] = fw.id;
    framework["version"] = fw.version;
    j["framework"] = std::move(framework);
    j["plan"] = plan_to_json(plan);
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

namespace {

// The export wrapper around one plan (format and version already checked).
void import_export_file(const Json& root, ImportPlanResult* res) {
    Diagnostics* diag = &res->diagnostics;
    ObjectReader r(root, "", diag);
    std::string exported_at;
    int64_t unused = 0;
    if (r.string("exportedAt", &exported_at, true, 64) && !parse_iso_time(exported_at, &unused))
        diag->add(r.at("exportedAt"), "\"" + exported_at + "\" is not a UTC time like \"2026-11-27T10:00:00.000Z\"");
    if (const Json* framework = r.object("framework", true)) {
        ObjectReader f(*framework, "/framework", diag);
        std::string id, version;
        if (f.string("id", &id, true, 64) && !is_valid_id(id)) diag->add(f.at("id"), "is not a valid framework id");
        f.string("version", &version, true, kMaxPlanNameBytes, true);
    }
    if (const Json* plan = r.object("plan", true)) {
        Plan p;
        if (plan_from_json(*plan, "/plan", &p, diag)) res->plans.push_back(std::move(p));
    }
}

}  // namespace

ImportPlanResult import_plan_json(std::string_view text, const Framework* fw, std::string_view file_name) {
    ImportPlanResult res;
    Diagnostics& diag = res.diagnostics;
    diag.file = std::string(file_name);
    if (text.size() > kMaxPlansBytes) {
        diag.add("", "the file is " + std::to_string(text.size()) + " bytes; the limit is " + std::to_string(kMaxPlansBytes));
        return res;
    }
    Json root;
    if (!parse_untrusted_json(text, JsonLimits{kMaxPlansBytes, kMaxPlansDepth}, &root, &diag)) return res;

    auto field = [&](const char* key) -> const Json* {
        if (!root.is_object()) return nullptr;
        auto it = root.find(key);
        return it == root.end() ? nullptr : &*it;
    };
    const Json* format = field("format");
    if (format && format->is_string() && format->get_ref<const std::string&>() == kPlanExportFormat) {
        const Json* version = field("version");
        if (!version || !version->is_number_integer()) {
            diag.add(version ? "/version" : "", version ? "expected an integer" : "missing required field \"version\"");
        } else if (version->is_number_unsigned() && version->get<unsigned long long>() > (unsigned long long)kPlanExportVersion) {
            diag.add("/version", "exported by a newer version of the app (version " + std::to_string(version->get<unsigned long long>()) + ")");
        } else if (version->get<long long>() != kPlanExportVersion) {
            diag.add("/version", "unknown export version " + std::to_string(version->get<long long>()) + " (this app reads version 2)");
        } else {
            res.version = kPlanExportVersion;
            import_export_file(root, &res);
        }
    } else {
        // A whole document, current or older: the storage decoder, with its pointers.
        DecodeResult d = decode_plans_json(root, fw, &diag);
        res.version = d.version;
        if (d.status == DecodeStatus::Ok || d.status == DecodeStatus::Migrated) {
            res.plans = std::move(d.document.plans);
            res.migrated = d.status == DecodeStatus::Migrated;
        }
    }
    if (!diag.ok()) res.plans.clear();
    return res;
}

}  // namespace cm
