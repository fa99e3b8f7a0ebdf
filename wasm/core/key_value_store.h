// Career Matrix core: the key-value storage interface (localStorage in the
// browser, memory in tests). Every failure a browser can produce has a status,
// because a growth plan is a user's document and a silent failure loses it.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace cm {

enum class StoreStatus {
    Ok,
    Missing,        // get(): no such key
    QuotaExceeded,  // set(): the origin's storage is full
    Unavailable,    // storage disabled, sandboxed frame, private mode that refuses
    Failed,         // anything else the browser threw
};

const char* store_status_name(StoreStatus s);

struct KeyValueStore {
    virtual ~KeyValueStore() = default;
    virtual StoreStatus get(const std::string& key, std::string* value) = 0;
    virtual StoreStatus set(const std::string& key, const std::string& value) = 0;
    virtual StoreStatus remove(const std::string& key) = 0;
    virtual std::vector<std::string> keys(const std::string& prefix) = 0;  // empty when unavailable
    // Copies the value under `from` to `to` exactly as the store holds it (in a
    // browser the JavaScript string itself, which no conversion to UTF-8 could
    // keep whole: a lone surrogate, say), then reads both back and compares them.
    // Ok only when they are equal; on any failure `to` is left as it was or removed.
    virtual StoreStatus copy(const std::string& from, const std::string& to) = 0;
};

// In-memory store for tests and for browsers whose storage is unavailable.
// `quota_bytes` bounds the sum of key and value sizes, as browsers do.
struct MemoryStore : KeyValueStore {
    std::map<std::string, std::string> items;
    size_t quota_bytes = size_t(-1);
    bool unavailable = false;

    StoreStatus get(const std::string& key, std::string* value) override;
    StoreStatus set(const std::string& key, const std::string& value) override;
    StoreStatus remove(const std::string& key) override;
    std::vector<std::string> keys(const std::string& prefix) override;
    StoreStatus copy(const std::string& from, const std::string& to) override;
    size_t used_bytes() const;
};

}  // namespace cm
