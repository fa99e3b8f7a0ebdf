#include "semantics.h"

#include <cmath>
#include <cstdio>

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
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);  // UTF-8 passes through; the reader's text is valid UTF-8 (ImGui and the stores keep it so)
            }
        }
    }
    out += '"';
}

// Whole CSS pixels are enough for positions, and keep the text short.
void put_number(std::string& out, float v) { out += std::to_string(int(std::lround(v))); }

}  // namespace

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
    auto number = [&](const char* key, float v) {
        out += key;
        put_number(out, v);
    };
    for (size_t i = 0; i < nodes.size(); i++) {
        const Target& t = nodes[i];
        const Semantics& w = t.what;
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
        if (t.parent >= 0) number(",\"p\":", float(t.parent));
        if (t.id == 0) out += ",\"off\":1";  // declared, not drawn: focusing it asks the app to bring it on screen
        number(",\"x\":", t.rect.x);
        number(",\"y\":", t.rect.y);
        number(",\"w\":", t.rect.w);
        number(",\"h\":", t.rect.h);
        number(",\"c\":[", t.clip.x);
        number(",", t.clip.y);
        number(",", t.clip.w);
        number(",", t.clip.h);
        out += "]}";
    }
    out += "]}";
    return out;
}

}  // namespace ui
