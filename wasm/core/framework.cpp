#include "framework.h"

#include "text.h"

namespace cm {

void Framework::index() {
    cells.assign(levels.size() * areas.size(), {});
    successors.assign(expectations.size(), {});
    expectation_index.clear();
    expectation_index.reserve(expectations.size());
    for (int i = 0; i < int(expectations.size()); i++) {
        expectation_index.emplace(expectations[size_t(i)].id, i);
        const Expectation& e = expectations[size_t(i)];
        cells[size_t(e.level) * areas.size() + size_t(e.area)].push_back(i);
        if (e.extends >= 0) successors[size_t(e.extends)].push_back(i);
    }
}

template <typename T>
static int find_by_id(const std::vector<T>& items, std::string_view id) {
    for (size_t i = 0; i < items.size(); i++)
        if (items[i].id == id) return int(i);
    return -1;
}

int Framework::find_level(std::string_view key) const { return find_by_id(levels, key); }
int Framework::find_area(std::string_view key) const { return find_by_id(areas, key); }
int Framework::find_component(std::string_view key) const { return find_by_id(components, key); }
int Framework::find_expectation(std::string_view key) const {
    auto it = expectation_index.find(key);
    return it == expectation_index.end() ? -1 : it->second;
}

uint64_t content_hash(std::string_view text) {
    uint64_t h = 0xcbf29ce484222325ull;
    auto mix = [&h](unsigned char c) { h = (h ^ c) * 0x100000001b3ull; };
    bool pending_space = false, started = false;
    for (unsigned char c : text) {
        if (text::is_space(char(c))) { pending_space = started; continue; }
        if (pending_space) mix(' ');
        pending_space = false;
        started = true;
        mix(c);
    }
    return h;
}

std::string hash_to_hex(uint64_t hash) {
    static const char digits[] = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; i--, hash >>= 4) s[size_t(i)] = digits[hash & 15];
    return s;
}

bool hash_from_hex(std::string_view hex, uint64_t* out) {
    if (hex.size() != 16) return false;
    uint64_t v = 0;
    for (char c : hex) {
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) return false;
        v = (v << 4) | uint64_t(d);
    }
    *out = v;
    return true;
}

}  // namespace cm
