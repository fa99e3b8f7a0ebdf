#include "semantics.h"

namespace ui {

const char* role_name(Role role) {
    switch (role) {
    case Role::Button: return "button";
    case Role::Link: return "link";
    case Role::Checkbox: return "checkbox";
    case Role::Tab: return "tab";
    case Role::TabList: return "tablist";
    case Role::TextBox: return "textbox";
    case Role::ComboBox: return "combobox";
    case Role::ListBox: return "listbox";
    case Role::Option: return "option";
    case Role::Radio: return "radio";
    case Role::RadioGroup: return "radiogroup";
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::List: return "list";
    case Role::ListItem: return "listitem";
    case Role::Group: return "group";
    case Role::Region: return "region";
    case Role::Dialog: return "dialog";
    case Role::Status: return "status";
    case Role::Alert: return "alert";
    }
    return "group";
}

std::string_view visible_label(std::string_view label) {
    size_t cut = label.find("##");
    return cut == std::string_view::npos ? label : label.substr(0, cut);
}

namespace {

void put_string(std::string& out, std::string_view s) {
    out += '"';
    size_t run = 0;  // start of the characters that need no escape, appended at once
    for (size_t i = 0; i < s.size(); i++) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;  // UTF-8 passes through: the reader's text is valid UTF-8
        out.append(s, run, i - run);
        run = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += "0123456789abcdef"[c >> 4];
            out += "0123456789abcdef"[c & 15];
        }
    }
    out.append(s, run, s.size() - run);
    out += '"';
}

void put_number(std::string& out, int v) { out += std::to_string(v); }

}  // namespace

bool same_meaning(const Target& a, const Target& b) {
    if (a.parent != b.parent || a.what.state != b.what.state) return false;
    if (a.what.words_id && a.what.words_id == b.what.words_id) return true;  // the same kept words and name
    return a.name == b.name && a.what.role == b.what.role && a.what.level == b.what.level && a.what.label == b.what.label &&
           a.what.value == b.what.value && a.what.url == b.what.url && a.what.description == b.what.description;
}

void semantics_geometry(const std::vector<Target>& nodes, std::vector<float>* out) {
    out->resize(nodes.size() * kGeometryFloats);
    float* g = out->data();
    // Whole CSS pixels: sub-pixel moves of the canvas need no new place in the DOM.
    auto whole = [](float v) { return float(int(v < 0 ? v - 0.5f : v + 0.5f)); };
    for (const Target& t : nodes) {
        g[0] = whole(t.rect.x), g[1] = whole(t.rect.y), g[2] = whole(t.rect.w), g[3] = whole(t.rect.h);
        g[4] = whole(t.clip.x), g[5] = whole(t.clip.y), g[6] = whole(t.clip.w), g[7] = whole(t.clip.h);
        g += kGeometryFloats;
    }
}

std::string semantics_json(const std::vector<Target>& nodes, bool dark, std::string_view focused,
                           const std::vector<std::pair<std::string, bool>>& announcements) {
    std::string out;
    out.reserve(nodes.size() * 120 + 64);
    out += dark ? "{\"dark\":true,\"focus\":" : "{\"dark\":false,\"focus\":";
    put_string(out, focused);
    if (!announcements.empty()) {
        out += ",\"say\":[";
        for (size_t i = 0; i < announcements.size(); i++) {
            out += i ? ",{\"t\":" : "{\"t\":";
            put_string(out, announcements[i].first);
            out += announcements[i].second ? ",\"a\":1}" : "}";
        }
        out += ']';
    }
    out += ",\"nodes\":[";
    auto text = [&](const char* key, std::string_view v) {
        out += key;
        put_string(out, v);
    };
    auto number = [&](const char* key, int v) {
        out += key;
        put_number(out, v);
    };
    for (size_t i = 0; i < nodes.size(); i++) {
        const Target& t = nodes[i];
        const StoredSemantics& w = t.what;
        out += i ? ",{" : "{";
        text("\"n\":", t.name);
        out += ",\"r\":\"";
        out += role_name(w.role);
        out += '"';
        if (!w.label.empty()) text(",\"l\":", w.label);
        if (w.state) number(",\"s\":", w.state);
        if (!w.value.empty() || w.role == Role::TextBox) text(",\"v\":", w.value);
        if (!w.url.empty()) text(",\"u\":", w.url);
        if (!w.description.empty()) text(",\"d\":", w.description);
        if (w.level) number(",\"lv\":", w.level);
        if (t.parent >= 0) number(",\"p\":", t.parent);
        out += '}';
    }
    out += "]}";
    return out;
}

}  // namespace ui
