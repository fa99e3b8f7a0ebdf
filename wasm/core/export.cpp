// Career Matrix core: exports (export.h). Markdown and HTML share one view of
// each item (ItemView) and one grouping by area, so both files say the same.
#include "export.h"

#include "compare.h"
#include "framework_load.h"  // is_valid_id
#include "html.h"
#include "plan_storage.h"

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

// The plan view's handbook outline (outline_plan), resolved for exports.
std::vector<AreaGroup> group_by_area(const Framework& fw, const Plan& plan) {
    std::vector<AreaGroup> out;
    for (const PlanGroup& g : outline_plan(fw, plan, PlanOrder::Handbook)) {
        AreaGroup& ag = out.emplace_back();
        ag.heading = g.heading;
        for (size_t i : g.items) ag.items.push_back(view_item(fw, plan.items[i]));
    }
    return out;
}

// The readiness figures as a table, the same for Markdown and HTML: per area,
// what is new at the target level by status and what is not in the plan, then
// the total; without a target level, the plan's items by status.
struct ReadinessTable {
    std::string title;                              // "Readiness for Staff", "Progress"
    std::vector<std::string> columns;               // after "Area"
    std::vector<std::vector<std::string>> rows;     // first cell: the area's name
    std::string others;                             // a sentence about items from other levels ("" when none)
};

ReadinessTable readiness_table(const Framework& fw, const Plan& plan) {
    ReadinessTable t;
    std::vector<AreaReadiness> all = readiness(fw, plan);
    int target = fw.find_level(plan.target_level);
    bool against_target = target >= 0 && std::any_of(all.begin(), all.end(), [](const AreaReadiness& r) { return r.new_at_target > 0; });
    StatusCounts planned, other;
    int not_planned = 0;
    auto row = [&](std::string name, const StatusCounts& c, int missing) {
        std::vector<std::string> r = {std::move(name), std::to_string(c.done), std::to_string(c.in_progress), std::to_string(c.not_started)};
        if (against_target) r.push_back(std::to_string(missing));
        t.rows.push_back(std::move(r));
    };
    t.columns = {"Done", "In progress", "Not started"};
    if (against_target) {
        t.title = "Readiness for " + fw.levels[size_t(target)].name;
        t.columns.push_back("Not in the plan");
    } else {
        t.title = "Progress";
    }
    for (const AreaReadiness& r : all) {
        planned += r.planned;
        other += r.other;
        not_planned += r.not_planned();
        if (against_target && r.new_at_target == 0) continue;
        StatusCounts shown = r.planned;
        if (!against_target) shown += r.other;
        if (shown.total() > 0 || r.not_planned() > 0) row(fw.areas[size_t(r.area)].name, shown, r.not_planned());
    }
    if (t.rows.empty()) return t;
    StatusCounts total = planned;
    if (!against_target) total += other;
    row("All", total, not_planned);
    if (against_target && other.total() > 0)
        t.others = "Also in the plan: " + std::to_string(other.total()) + " expectation" + (other.total() == 1 ? "" : "s") +
                   " not new at " + fw.levels[size_t(target)].name + " (" + std::to_string(other.done) + " done).";
    return t;
}

std::string level_name_or(const Framework& fw, const std::string& id, const char* none) {
    if (id.empty()) return none;
    int l = fw.find_level(id);
    return l >= 0 ? fw.levels[size_t(l)].name : id;
}

using html::absolute_link;

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

// Text in a table cell: a pipe would end the cell.
std::string md_table_cell(std::string_view s) {
    std::string out;
    for (char c : md_inline(s)) {
        if (c == '|') out += "\\|";
        else out += c;
    }
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

    ReadinessTable table = readiness_table(fw, plan);
    if (!table.rows.empty()) {
        md += "\n## " + md_inline(table.title, true) + "\n\n| Area |";
        for (const std::string& c : table.columns) md += " " + c + " |";
        md += "\n| --- |";
        for (size_t i = 0; i < table.columns.size(); i++) md += " ---: |";
        md += "\n";
        for (const std::vector<std::string>& r : table.rows) {
            md += "|";
            for (const std::string& cell : r) md += " " + md_table_cell(cell) + " |";
            md += "\n";
        }
        if (!table.others.empty()) md += "\n" + table.others + "\n";
    }

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

// Multi-line text: each line escaped, joined with <br>.
std::string html_lines(std::string_view s) {
    std::string out;
    for (std::string_view line : split_lines(s)) {
        if (!out.empty()) out += "<br>\n";
        out += html::escape(line);
    }
    return out;
}

}  // namespace

std::string plan_html(const Framework& fw, const Plan& plan) {
    std::string name = plan.name.empty() ? "Untitled" : plan.name;
    std::string h = html::kHead;
    h += "<title>Growth plan: " + html::escape(name) + "</title>\n";
    h += "<style>\n"
         "body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111;background:#fff}\n"
         "ul.tasks{list-style:none;padding-left:0}\n"
         "ul.tasks>li{margin:.6rem 0}\n"
         "ul.tasks input{margin-right:.4rem}\n"
         "blockquote{margin:.3rem 0 .3rem 1.6rem;padding-left:.8rem;border-left:3px solid #bbb}\n"
         ".meta{color:#444}\n"
         "table{border-collapse:collapse;margin:.5rem 0}\n"
         "th,td{padding:.2rem .8rem;border-bottom:1px solid #ccc;text-align:right}\n"
         "th[scope=row],thead th:first-child{text-align:left}\n"
         "@media print{body{margin:0;max-width:none}a{color:inherit}}\n"
         "</style>\n"
         "</head>\n<body>\n";
    h += "<header>\n<h1>Growth plan: " + html::escape(name) + "</h1>\n";
    h += "<p>" + html::escape(fw.name) + ", version " + html::escape(fw.version) + ". Current level: " +
         html::escape(level_name_or(fw, plan.current_level, "not chosen")) + ". Target level: " +
         html::escape(level_name_or(fw, plan.target_level, "not chosen")) + ".</p>\n</header>\n<main>\n";

    ReadinessTable table = readiness_table(fw, plan);
    if (!table.rows.empty()) {
        h += "<section>\n<h2>" + html::escape(table.title) + "</h2>\n<table>\n<thead><tr><th scope=\"col\">Area</th>";
        for (const std::string& c : table.columns) h += "<th scope=\"col\">" + html::escape(c) + "</th>";
        h += "</tr></thead>\n<tbody>\n";
        for (const std::vector<std::string>& r : table.rows) {
            h += "<tr><th scope=\"row\">" + html::escape(r[0]) + "</th>";
            for (size_t i = 1; i < r.size(); i++) h += "<td>" + html::escape(r[i]) + "</td>";
            h += "</tr>\n";
        }
        h += "</tbody>\n</table>\n";
        if (!table.others.empty()) h += "<p>" + html::escape(table.others) + "</p>\n";
        h += "</section>\n";
    }

    std::vector<AreaGroup> groups = group_by_area(fw, plan);
    if (groups.empty()) h += "<p>This plan has no expectations yet.</p>\n";
    for (const AreaGroup& g : groups) {
        h += "<section>\n<h2>" + html::escape(g.heading) + "</h2>\n<ul class=\"tasks\">\n";
        for (const ItemView& v : g.items) {
            const PlanItem& item = *v.item;
            h += "<li><input type=\"checkbox\" disabled";
            h += item.status == ItemStatus::Done ? " checked" : "";
            h += std::string(" aria-label=\"") + status_label(item.status) + "\"> " + html::escape(v.text);
            std::string meta;
            if (!v.level_name.empty()) meta += " (" + html::escape(v.level_name) + ")";
            if (v.fresh == Freshness::Changed)
                meta += v.old_text.empty() ? std::string(" (text changed since planned)")
                                           : " (text changed since planned; was: “" + html::escape(v.old_text) + "”)";
            if (v.fresh == Freshness::Missing) meta += " (no longer in the framework)";
            if (item.status == ItemStatus::InProgress) meta += " — in progress";
            if (!item.target_date.empty()) meta += " — target " + html::escape(item.target_date);
            if (!meta.empty()) h += " <span class=\"meta\">" + meta.substr(1) + "</span>";
            if (!split_lines(item.notes).empty()) h += "\n<blockquote><p>" + html_lines(item.notes) + "</p></blockquote>";
            if (!item.evidence.empty()) {
                h += "\n<ul>\n";
                for (const EvidenceLink& link : item.evidence) {
                    std::string_view text = link.title.empty() ? std::string_view(link.url) : std::string_view(link.title);
                    h += "<li>" + (is_evidence_url(link.url) ? html::link(link.url, text) : html::escape(link.url)) + "</li>\n";
                }
                h += "</ul>";
            }
            h += "</li>\n";
        }
        h += "</ul>\n</section>\n";
    }
    if (!split_lines(plan.notes).empty()) h += "<section>\n<h2>Notes</h2>\n<p>" + html_lines(plan.notes) + "</p>\n</section>\n";
    h += "</main>\n<footer>\n<p>Exported from Career Matrix";
    if (!fw.source.empty()) h += ", framework source: " + html::link(fw.source, fw.source);
    h += ".</p>\n</footer>\n</body>\n</html>\n";
    return h;
}

// [SECTION] Plan as JSON

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

}  // namespace cm
