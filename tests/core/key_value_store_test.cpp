// Tests of wasm/core/key_value_store: the in-memory store that stands in for localStorage.
#include "key_value_store.h"

#include <gtest/gtest.h>

namespace {

using cm::MemoryStore;
using cm::StoreStatus;
using cm::KeyValueStore;

using Keys = std::vector<std::string>;

TEST(MemoryStore, GetSetRemove) {
    MemoryStore s;
    std::string value = "untouched";
    EXPECT_EQ(s.get("plan", &value), StoreStatus::Missing);
    EXPECT_EQ(value, "untouched");
    EXPECT_EQ(s.set("plan", "{\"v\":1}"), StoreStatus::Ok);
    EXPECT_EQ(s.get("plan", &value), StoreStatus::Ok);
    EXPECT_EQ(value, "{\"v\":1}");
    EXPECT_EQ(s.set("plan", "{\"v\":2}"), StoreStatus::Ok);  // replaces
    EXPECT_EQ(s.get("plan", &value), StoreStatus::Ok);
    EXPECT_EQ(value, "{\"v\":2}");
    EXPECT_EQ(s.remove("plan"), StoreStatus::Ok);
    EXPECT_EQ(s.get("plan", &value), StoreStatus::Missing);
    EXPECT_EQ(s.remove("plan"), StoreStatus::Ok);  // removing what is not there is not an error
    EXPECT_TRUE(s.items.empty());
}

TEST(MemoryStore, EmptyKeysAndValuesAndBinaryData) {
    MemoryStore s;
    std::string value = "x";
    EXPECT_EQ(s.set("", ""), StoreStatus::Ok);
    EXPECT_EQ(s.get("", &value), StoreStatus::Ok);
    EXPECT_EQ(value, "");
    const std::string binary("a\0b\xff", 4);
    EXPECT_EQ(s.set(binary, binary), StoreStatus::Ok);
    EXPECT_EQ(s.get(binary, &value), StoreStatus::Ok);
    EXPECT_EQ(value, binary);
    EXPECT_EQ(s.get(std::string("a"), &value), StoreStatus::Missing);  // not a prefix match
    EXPECT_EQ(s.used_bytes(), 8u);
}

TEST(MemoryStore, KeysByPrefixInOrder) {
    MemoryStore s;
    for (const char* k : {"cm.plan.b", "cm.plan.a", "cm.settings", "other", "cm.plan", "cm.plan.a.backup"}) s.set(k, "1");
    EXPECT_EQ(s.keys("cm.plan."), (Keys{"cm.plan.a", "cm.plan.a.backup", "cm.plan.b"}));
    EXPECT_EQ(s.keys("cm.plan"), (Keys{"cm.plan", "cm.plan.a", "cm.plan.a.backup", "cm.plan.b"}));
    EXPECT_EQ(s.keys("cm."), (Keys{"cm.plan", "cm.plan.a", "cm.plan.a.backup", "cm.plan.b", "cm.settings"}));
    EXPECT_EQ(s.keys(""), (Keys{"cm.plan", "cm.plan.a", "cm.plan.a.backup", "cm.plan.b", "cm.settings", "other"}));
    EXPECT_EQ(s.keys("CM."), Keys{});  // case-sensitive
    EXPECT_EQ(s.keys("cm.plan.a.backup.more"), Keys{});
    EXPECT_EQ(s.keys("zzz"), Keys{});
    s.remove("cm.plan.a");
    EXPECT_EQ(s.keys("cm.plan."), (Keys{"cm.plan.a.backup", "cm.plan.b"}));
}

TEST(MemoryStore, QuotaCountsKeysAndValues) {
    MemoryStore s;
    s.quota_bytes = 10;
    EXPECT_EQ(s.used_bytes(), 0u);
    EXPECT_EQ(s.set("abc", "defg"), StoreStatus::Ok);  // 7
    EXPECT_EQ(s.used_bytes(), 7u);
    EXPECT_EQ(s.set("xy", "z"), StoreStatus::Ok);  // 10: exactly full
    EXPECT_EQ(s.used_bytes(), 10u);
    EXPECT_EQ(s.set("k", ""), StoreStatus::QuotaExceeded);  // a key alone uses space
    EXPECT_EQ(s.set("", "v"), StoreStatus::QuotaExceeded);
    std::string value;
    EXPECT_EQ(s.get("k", &value), StoreStatus::Missing);  // nothing written on failure
    EXPECT_EQ(s.used_bytes(), 10u);
}

TEST(MemoryStore, QuotaWhenReplacingCountsOnlyTheNewValue) {
    MemoryStore s;
    s.quota_bytes = 10;
    EXPECT_EQ(s.set("key", "1234567"), StoreStatus::Ok);  // 10
    // Replacing frees the old value first: the same size, smaller and back up to full all fit.
    EXPECT_EQ(s.set("key", "abcdefg"), StoreStatus::Ok);
    EXPECT_EQ(s.set("key", "a"), StoreStatus::Ok);
    EXPECT_EQ(s.used_bytes(), 4u);
    EXPECT_EQ(s.set("key", "abcdefg"), StoreStatus::Ok);
    EXPECT_EQ(s.set("key", "abcdefgh"), StoreStatus::QuotaExceeded);  // 11
    std::string value;
    EXPECT_EQ(s.get("key", &value), StoreStatus::Ok);
    EXPECT_EQ(value, "abcdefg");  // the old value survives a failed write
    // Removing frees space.
    EXPECT_EQ(s.remove("key"), StoreStatus::Ok);
    EXPECT_EQ(s.used_bytes(), 0u);
    EXPECT_EQ(s.set("other", "12345"), StoreStatus::Ok);
}

TEST(MemoryStore, QuotaWithOtherKeys) {
    MemoryStore s;
    s.quota_bytes = 20;
    EXPECT_EQ(s.set("a", "123456789"), StoreStatus::Ok);  // 10
    EXPECT_EQ(s.set("b", "12345"), StoreStatus::Ok);      // 16
    EXPECT_EQ(s.set("b", "123456789"), StoreStatus::Ok);  // 20
    EXPECT_EQ(s.set("b", "1234567890"), StoreStatus::QuotaExceeded);
    EXPECT_EQ(s.set("c", ""), StoreStatus::QuotaExceeded);
    EXPECT_EQ(s.keys(""), (Keys{"a", "b"}));
}

TEST(MemoryStore, UnlimitedByDefault) {
    MemoryStore s;
    EXPECT_EQ(s.set("big", std::string(1 << 20, 'x')), StoreStatus::Ok);
    EXPECT_EQ(s.used_bytes(), size_t(3 + (1 << 20)));
}

TEST(MemoryStore, UnavailableRefusesEverything) {
    MemoryStore s;
    EXPECT_EQ(s.set("plan", "1"), StoreStatus::Ok);
    s.unavailable = true;
    std::string value = "untouched";
    EXPECT_EQ(s.get("plan", &value), StoreStatus::Unavailable);
    EXPECT_EQ(value, "untouched");
    EXPECT_EQ(s.set("plan", "2"), StoreStatus::Unavailable);
    EXPECT_EQ(s.set("new", "2"), StoreStatus::Unavailable);
    EXPECT_EQ(s.remove("plan"), StoreStatus::Unavailable);
    EXPECT_TRUE(s.keys("").empty());
    // Nothing changed behind the refusal.
    s.unavailable = false;
    EXPECT_EQ(s.get("plan", &value), StoreStatus::Ok);
    EXPECT_EQ(value, "1");
    EXPECT_EQ(s.keys(""), Keys{"plan"});
}

TEST(MemoryStore, WorksThroughTheInterface) {
    MemoryStore memory;
    KeyValueStore& s = memory;
    EXPECT_EQ(s.set("k", "v"), StoreStatus::Ok);
    std::string value;
    EXPECT_EQ(s.get("k", &value), StoreStatus::Ok);
    EXPECT_EQ(value, "v");
    EXPECT_EQ(s.keys("k"), Keys{"k"});
    EXPECT_EQ(s.remove("k"), StoreStatus::Ok);
    EXPECT_EQ(s.get("k", &value), StoreStatus::Missing);
}

TEST(StoreStatusName, NamesEveryStatus) {
    EXPECT_STREQ(store_status_name(StoreStatus::Ok), "ok");
    EXPECT_STREQ(store_status_name(StoreStatus::Missing), "missing");
    EXPECT_STREQ(store_status_name(StoreStatus::QuotaExceeded), "quota exceeded");
    EXPECT_STREQ(store_status_name(StoreStatus::Unavailable), "unavailable");
    EXPECT_STREQ(store_status_name(StoreStatus::Failed), "failed");
}

}  // namespace
