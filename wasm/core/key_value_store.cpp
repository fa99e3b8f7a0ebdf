#include "key_value_store.h"

namespace cm {

const char* store_status_name(StoreStatus s) {
    switch (s) {
    case StoreStatus::Ok: return "ok";
    case StoreStatus::Missing: return "missing";
    case StoreStatus::QuotaExceeded: return "quota exceeded";
    case StoreStatus::Unavailable: return "unavailable";
    case StoreStatus::Failed: return "failed";
    }
    return "failed";
}

StoreStatus MemoryStore::get(const std::string& key, std::string* value) {
    if (unavailable) return StoreStatus::Unavailable;
    auto it = items.find(key);
    if (it == items.end()) return StoreStatus::Missing;
    *value = it->second;
    return StoreStatus::Ok;
}

StoreStatus MemoryStore::set(const std::string& key, const std::string& value) {
    if (unavailable) return StoreStatus::Unavailable;
    auto it = items.find(key);
    size_t old = it == items.end() ? 0 : key.size() + it->second.size();
    if (used_bytes() - old + key.size() + value.size() > quota_bytes) return StoreStatus::QuotaExceeded;
    items[key] = value;
    return StoreStatus::Ok;
}

// The browser's copy (web_library.js) does the same steps on JavaScript strings.
StoreStatus MemoryStore::copy(const std::string& from, const std::string& to) {
    std::string value, back, source;
    StoreStatus st = get(from, &value);
    if (st != StoreStatus::Ok) return st;
    if ((st = set(to, value)) != StoreStatus::Ok) return st;
    if (get(to, &back) == StoreStatus::Ok && back == value && get(from, &source) == StoreStatus::Ok && source == value) return StoreStatus::Ok;
    remove(to);
    return StoreStatus::Failed;
}

StoreStatus MemoryStore::remove(const std::string& key) {
    if (unavailable) return StoreStatus::Unavailable;
    items.erase(key);
    return StoreStatus::Ok;
}

std::vector<std::string> MemoryStore::keys(const std::string& prefix) {
    std::vector<std::string> out;
    if (unavailable) return out;
    for (auto& [k, v] : items)
        if (k.compare(0, prefix.size(), prefix) == 0) out.push_back(k);
    return out;
}

size_t MemoryStore::used_bytes() const {
    size_t n = 0;
    for (auto& [k, v] : items) n += k.size() + v.size();
    return n;
}

}  // namespace cm
