// Tests of plan_storage.h: the document format, its versions, and the store's
// promise never to lose what is stored (backups, migration order, two tabs, quota).
#include "plan_storage.h"

#include "framework_load.h"
#include "test_data.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using cm::MemoryStore;
using cm::StoreStatus;
using cm::KeyValueStore;
using test_data::infrastructure;

// [SECTION] Helpers

const int64_t kNow = 1795773600000;   // 2026-11-27T10:00:00.000Z
const int64_t kEarlier = 1741064767890;  // 2025-03-04T05:06:07.890Z
const std::string kNowIso = "2026-11-27T10:00:00.000Z";

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

cm::PlanDocument sample_document() {
    cm::PlanDocument doc;
    doc.active_plan = "plan-a";
    doc.saved_ms = kEarlier;

    cm::Plan a;
    a.id = "plan-a";
    a.name = "Road to Staff — “curly” \"straight\" 'single'";
    a.framework = "infrastructure";
    a.framework_version = "2026-11-27";
    a.current_level = "senior";
    a.target_level = "staff";
    a.notes = "Line one\nLine two: café, 日本語, 🚀\n\ttabbed \\ backslash </script>";
    a.created_ms = kEarlier;
    a.updated_ms = kNow;
    cm::PlanItem item;
    item.expectation = "staff.autonomy.1";
    item.hash = "0123456789abcdef";
    item.text = "Some text.";
    item.level = "staff";
    item.area = "autonomy";
    item.status = cm::ItemStatus::InProgress;
    item.notes = "a\r\nb";
    item.evidence = {{"MR !1", "https://gitlab.com/x/-/merge_requests/1"}, {"", "http://example.com/?q=1&r=\"2\""}};
    item.target_date = "2026-12-31";
    a.items.push_back(item);
    cm::PlanItem gone;
    gone.expectation = "gone.1";
    gone.status = cm::ItemStatus::Done;
    a.items.push_back(gone);

    cm::Plan b;
    b.id = "plan-b";
    b.framework = "infrastructure";
    b.target_level = "intern";
    b.created_ms = b.updated_ms = kNow;

    doc.plans = {a, b};
    return doc;
}

// A MemoryStore that logs every call, to check the order of writes.
struct RecordingStore : MemoryStore {
    std::vector<std::string> log;
    StoreStatus get(const std::string& key, std::string* value) override {
        log.push_back("get " + key);
        return MemoryStore::get(key, value);
    }
    StoreStatus set(const std::string& key, const std::string& value) override {
        log.push_back("set " + key);
        return MemoryStore::set(key, value);
    }
    StoreStatus remove(const std::string& key) override {
        log.push_back("remove " + key);
        return MemoryStore::remove(key);
    }
};

// Index of the first `entry` at or after `from` in `log`, or -1.
int find_op(const std::vector<std::string>& log, const std::string& entry, int from = 0) {
    for (int i = from; i < int(log.size()); i++)
        if (log[size_t(i)] == entry) return i;
    return -1;
}

std::string stored(MemoryStore& m, const std::string& key = cm::kPlansKey) {
    auto it = m.items.find(key);
    return it == m.items.end() ? "<missing>" : it->second;
}

// [SECTION] Encode and decode

TEST(PlanStorage, RoundTripKeepsEverything) {
    cm::PlanDocument doc = sample_document();
    doc.revision = 7;
    std::string text = cm::encode_plans(doc);
    EXPECT_EQ(text, cm::encode_plans(doc));            // deterministic
    EXPECT_EQ(text.find('\n'), std::string::npos);     // compact (newlines in notes are escaped)
    EXPECT_NE(text.find("café, 日本語, 🚀"), std::string::npos);  // UTF-8 as is
    cm::DecodeResult r = cm::decode_plans(text, nullptr);
    ASSERT_EQ(r.status, cm::DecodeStatus::Ok) << r.reason;
    EXPECT_EQ(r.version, 2);
    EXPECT_EQ(r.document, doc);
}

TEST(PlanStorage, EncodingWritesEveryFieldInOrder) {
    cm::PlanDocument doc;
    doc.revision = 3;
    doc.saved_ms = kNow;
    doc.active_plan = "p";
    cm::Plan p;
    p.id = "p";
    p.name = "N";
    p.framework = "infrastructure";
    p.created_ms = p.updated_ms = kNow;
    cm::PlanItem item;
    item.expectation = "e";
    p.items.push_back(item);
    doc.plans.push_back(p);
    EXPECT_EQ(cm::encode_plans(doc),
              R"({"format":"career-matrix-plans","version":2,"revision":3,"savedAt":"2026-11-27T10:00:00.000Z","activePlan":"p","plans":[)"
              R"({"id":"p","name":"N","framework":"infrastructure","frameworkVersion":"","currentLevel":"","targetLevel":"","notes":"",)"
              R"("createdAt":"2026-11-27T10:00:00.000Z","updatedAt":"2026-11-27T10:00:00.000Z","items":[)"
              R"({"expectation":"e","hash":"","text":"","level":"","area":"","status":"not-started","notes":"","evidence":[],"targetDate":""}]}]})");
}

TEST(PlanStorage, InvalidUtf8IsReplacedNotFatal) {
    cm::PlanDocument doc = sample_document();
    doc.plans[0].notes = "bad \xff byte";
    std::string text = cm::encode_plans(doc);
    cm::DecodeResult r = cm::decode_plans(text, nullptr);
    ASSERT_EQ(r.status, cm::DecodeStatus::Ok) << r.reason;
    EXPECT_EQ(r.document.plans[0].notes, "bad \xEF\xBF\xBD byte");
}

TEST(PlanStorage, OptionalAndUnknownFieldsAreTolerated) {
    std::string text = R"({"format":"career-matrix-plans","version":2,"revision":1,"savedAt":"2026-11-27T10:00:00.000Z",
        "activePlan":"gone","theme":"dark","plans":[{"id":"p","name":"","framework":"infrastructure","frameworkVersion":"",
        "currentLevel":"","targetLevel":"staff","createdAt":"2026-11-27T10:00:00Z","updatedAt":"2026-11-27T10:00:00.000Z",
        "future":{"x":1},"items":[{"expectation":"e","hash":"","text":"","level":"","area":"","status":"done",
        "evidence":[{"url":"https://example.com"}]}]}]})";
    cm::DecodeResult r = cm::decode_plans(text, nullptr);
    ASSERT_EQ(r.status, cm::DecodeStatus::Ok) << r.reason;
    ASSERT_EQ(r.document.plans.size(), 1u);
    EXPECT_EQ(r.document.active_plan, "gone");  // kept; the app falls back to the first plan
    const cm::PlanItem& item = r.document.plans[0].items.at(0);
    EXPECT_EQ(item.status, cm::ItemStatus::Done);
    EXPECT_EQ(item.notes, "");
    EXPECT_EQ(item.target_date, "");
    ASSERT_EQ(item.evidence.size(), 1u);
    EXPECT_EQ(item.evidence[0].title, "");
}

struct CorruptCase {
    const char* name;
    std::string text;
    std::string reason;  // a part of the reason
};

std::vector<CorruptCase> corrupt_cases() {
    cm::PlanDocument doc = sample_document();
    std::string good = cm::encode_plans(doc);
    const std::string head = R"({"format":"career-matrix-plans","version":2,"revision":1,"savedAt":"2026-11-27T10:00:00.000Z","activePlan":"",)";
    std::vector<CorruptCase> cases = {
        {"not JSON", "{not json", "not valid JSON at 1:"},
        {"truncated", good.substr(0, good.size() / 2), "not valid JSON at 1:"},
        {"empty", "", "not valid JSON"},
        {"revision is a string", replace_once(good, R"("revision":0)", R"("revision":"0")"), "/revision: expected an integer, found a string"},
        {"negative revision", replace_once(good, R"("revision":0)", R"("revision":-1)"), "/revision: must be between 0 and"},
        {"version is a string", replace_once(good, R"("version":2)", R"("version":"2")"), "\"version\" field is a string"},
        {"plans is an object", head + R"("plans":{}})", "/plans: expected an array, found an object"},
        {"plan is a number", head + R"("plans":[1]})", "/plans/0: expected an object, found an integer"},
        {"missing field", replace_once(good, R"("name":"",)", ""), "/plans/1: missing required field \"name\""},
        {"bad time", replace_once(good, R"("savedAt":"2025-03-04T05:06:07.890Z")", R"("savedAt":"yesterday")"), "/savedAt: \"yesterday\" is not a UTC time"},
        {"bad status", replace_once(good, R"("status":"in-progress")", R"("status":"finished")"), "/plans/0/items/0/status: unknown status \"finished\""},
        {"bad date", replace_once(good, R"("targetDate":"2026-12-31")", R"("targetDate":"2026-02-30")"), "/plans/0/items/0/targetDate: \"2026-02-30\" is not a date"},
        {"javascript url", replace_once(good, "https://gitlab.com/x/-/merge_requests/1", "javascript:alert(1)"),
         "/plans/0/items/0/evidence/0/url: \"javascript:alert(1)\" is not an http(s) URL"},
        {"bad hash", replace_once(good, "0123456789abcdef", "0123456789ABCDEF"), "/plans/0/items/0/hash: expected 16 lower-case hex digits"},
        {"bad level id", replace_once(good, R"("currentLevel":"senior")", R"("currentLevel":"Senior level")"), "/plans/0/currentLevel: \"Senior level\" is not a valid id"},
        {"duplicate plan ids", replace_once(good, R"("id":"plan-b")", R"("id":"plan-a")"), "/plans/1/id: duplicate plan id \"plan-a\" (first at /plans/0/id)"},
        {"duplicate items", replace_once(good, R"("expectation":"gone.1")", R"("expectation":"staff.autonomy.1")"),
         "/plans/0/items/1/expectation: duplicate expectation \"staff.autonomy.1\""},
        {"too deep", head + R"("plans":)" + std::string(40, '[') + std::string(40, ']') + "}", "nesting deeper than 32 levels"},
        {"too big", head + R"("plans":[],"padding":")" + std::string(cm::kMaxPlansBytes, 'x') + "\"}", "bytes; the limit is 4194304"},
    };

    cm::PlanDocument big = doc;
    big.plans[0].notes = std::string(cm::kMaxNotesBytes + 1, 'n');
    cases.push_back({"notes too long", cm::encode_plans(big), "/plans/0/notes: is 102401 bytes long; the limit is 102400"});
    big = doc;
    big.plans[0].items[0].evidence.assign(cm::kMaxEvidenceLinks + 1, {"t", "https://example.com"});
    cases.push_back({"too many links", cm::encode_plans(big), "/plans/0/items/0/evidence: has 51 items; the limit is 50"});
    big = doc;
    big.plans[0].items.clear();
    for (size_t i = 0; i <= cm::kMaxItemsPerPlan; i++) {
        cm::PlanItem item;
        item.expectation = "e" + std::to_string(i);
        big.plans[0].items.push_back(item);
    }
    cases.push_back({"too many items", cm::encode_plans(big), "/plans/0/items: has 2001 items; the limit is 2000"});
    big = doc;
    big.plans.clear();
    for (size_t i = 0; i <= cm::kMaxPlans; i++) {
        cm::Plan p = doc.plans[1];
        p.id = "p" + std::to_string(i);
        big.plans.push_back(p);
    }
    cases.push_back({"too many plans", cm::encode_plans(big), "/plans: has 201 items; the limit is 200"});
    cases.push_back({"version 1 with a bad status",
                     R"({"format":"career-matrix-plan","version":1,"savedAt":"2025-03-04T05:06:07.890Z","plan":{"name":"P","framework":"infrastructure",)"
                     R"("currentLevel":"","targetLevel":"staff","items":[{"expectation":"e","status":"finished"}]}})",
                     "/plan/items/0/status: unknown status \"finished\""});
    cases.push_back({"format for the wrong version", replace_once(good, R"("version":2)", R"("version":1)"),
                     "version 1 documents have the format \"career-matrix-plan\""});
    return cases;
}

TEST(PlanStorage, EveryCorruptionIsReportedWithAReason) {
    for (const CorruptCase& c : corrupt_cases()) {
        SCOPED_TRACE(c.name);
        cm::DecodeResult r = cm::decode_plans(c.text, &infrastructure());
        EXPECT_EQ(r.status, cm::DecodeStatus::Corrupt);
        EXPECT_NE(r.reason.find(c.reason), std::string::npos) << r.reason;
        EXPECT_TRUE(r.document.plans.empty());
    }
}

TEST(PlanStorage, SyntaxErrorReasonHasLineAndColumn) {
    cm::DecodeResult r = cm::decode_plans("{\"format\": \"career-matrix-plans\",\n  oops}", nullptr);
    EXPECT_EQ(r.status, cm::DecodeStatus::Corrupt);
    EXPECT_EQ(r.reason.rfind("not valid JSON at 2:3", 0), 0u) << r.reason;
}

TEST(PlanStorage, ForeignAndNewerAreClassified) {
    struct Case {
        std::string text;
        cm::DecodeStatus status;
        std::string reason;
    };
    std::vector<Case> cases = {
        {R"({"theme":"dark"})", cm::DecodeStatus::Foreign, "there is no \"format\" field"},
        {"[1,2,3]", cm::DecodeStatus::Foreign, "the value is an array"},
        {"\"just a string\"", cm::DecodeStatus::Foreign, "the value is a string"},
        {R"({"format":"something-else","version":2})", cm::DecodeStatus::Foreign, "the \"format\" field says \"something-else\""},
        {R"({"format":7})", cm::DecodeStatus::Foreign, "the \"format\" field is an integer"},
        {R"({"format":"career-matrix-plans","version":3,"whatever":[]})", cm::DecodeStatus::Newer, "saved by a newer version of the app (version 3)"},
        {R"({"format":"career-matrix-plan","version":12})", cm::DecodeStatus::Newer, "(version 12)"},
        {R"({"format":"career-matrix-plans","version":18446744073709551615})", cm::DecodeStatus::Newer, "newer version"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        cm::DecodeResult r = cm::decode_plans(c.text, nullptr);
        EXPECT_EQ(r.status, c.status);
        EXPECT_NE(r.reason.find(c.reason), std::string::npos) << r.reason;
    }
    EXPECT_EQ(cm::decode_plans(R"({"format":"career-matrix-plans","version":3})", nullptr).version, 3);
}

// [SECTION] Loading what cannot be read: moved aside, never deleted

TEST(PlanStorage, UnreadableValuesAreMovedToAVerifiedBackupBeforeTheMainKeyGoes) {
    std::vector<CorruptCase> cases = corrupt_cases();
    cases.push_back({"foreign object", R"({"theme":"dark"})", ""});
    cases.push_back({"foreign array", "[1,2,3]", ""});
    cases.push_back({"newer", R"({"format":"career-matrix-plans","version":3,"plans":"whatever"})", ""});
    for (const CorruptCase& c : cases) {
        SCOPED_TRACE(c.name);
        RecordingStore m;
        m.items[cm::kPlansKey] = c.text;
        m.items["other-app:data"] = "untouched";
        cm::PlanStore store(m);
        cm::LoadOutcome out = store.load(&infrastructure(), kNow);

        cm::DecodeStatus expected = cm::decode_plans(c.text, nullptr).status;
        const char* suffix = expected == cm::DecodeStatus::Foreign ? ":foreign" : expected == cm::DecodeStatus::Newer ? ":newer" : ":corrupt";
        EXPECT_EQ(out.status, expected == cm::DecodeStatus::Foreign ? cm::LoadStatus::Foreign
                              : expected == cm::DecodeStatus::Newer ? cm::LoadStatus::Newer
                                                                    : cm::LoadStatus::Corrupt);
        EXPECT_FALSE(out.reason.empty());
        EXPECT_EQ(out.backup_key, std::string(cm::kBackupKeyPrefix) + kNowIso + suffix);
        EXPECT_EQ(stored(m, out.backup_key), c.text);  // byte for byte
        EXPECT_EQ(out.raw, c.text);
        EXPECT_EQ(stored(m), "<missing>");
        EXPECT_EQ(stored(m, "other-app:data"), "untouched");
        EXPECT_FALSE(out.read_only);
        EXPECT_EQ(out.document, cm::PlanDocument{});
        EXPECT_EQ(store.backups(), std::vector<std::string>{out.backup_key});

        // The main key was removed only after the backup was written and read back.
        int set_backup = find_op(m.log, "set " + out.backup_key);
        int verify_backup = find_op(m.log, "get " + out.backup_key, set_backup + 1);
        int remove_main = find_op(m.log, std::string("remove ") + cm::kPlansKey);
        ASSERT_GE(set_backup, 0);
        EXPECT_GT(verify_backup, set_backup);
        EXPECT_GT(remove_main, verify_backup);
    }
}

TEST(PlanStorage, WhenTheBackupCannotBeWrittenTheMainKeyStaysAndStorageIsReadOnly) {
    MemoryStore m;
    m.items[cm::kPlansKey] = "{not json";
    m.quota_bytes = m.used_bytes() + 10;  // no room for a copy
    cm::PlanStore store(m);
    cm::LoadOutcome out = store.load(nullptr, kNow);
    EXPECT_EQ(out.status, cm::LoadStatus::Corrupt);
    EXPECT_EQ(out.store, StoreStatus::QuotaExceeded);
    EXPECT_TRUE(out.read_only);
    EXPECT_EQ(out.backup_key, "");
    EXPECT_EQ(out.raw, "{not json");
    EXPECT_EQ(stored(m), "{not json");
    EXPECT_TRUE(store.backups().empty());
    EXPECT_TRUE(out.document.plans.empty());

    // Should the app save anyway, the value is still protected.
    m.quota_bytes = size_t(-1);
    cm::PlanDocument doc = sample_document();
    cm::SaveOutcome saved = store.save(&doc, kNow);
    EXPECT_EQ(saved.status, cm::SaveStatus::Conflict);
    EXPECT_EQ(saved.stored_status, cm::DecodeStatus::Corrupt);
    EXPECT_EQ(stored(m), "{not json");
}

TEST(PlanStorage, WhenTheMainKeyCannotBeRemovedTheBackupStaysAndStorageIsReadOnly) {
    struct NoRemove : MemoryStore {
        StoreStatus remove(const std::string& key) override {
            return key == cm::kPlansKey ? StoreStatus::Failed : MemoryStore::remove(key);
        }
    } m;
    m.items[cm::kPlansKey] = "[1]";
    cm::PlanStore store(m);
    cm::LoadOutcome out = store.load(nullptr, kNow);
    EXPECT_EQ(out.status, cm::LoadStatus::Foreign);
    EXPECT_TRUE(out.read_only);
    EXPECT_EQ(out.store, StoreStatus::Failed);
    EXPECT_EQ(stored(m, out.backup_key), "[1]");
    EXPECT_EQ(stored(m), "[1]");
}

TEST(PlanStorage, BackupsInTheSameMillisecondDoNotOverwriteEachOther) {
    MemoryStore m;
    cm::PlanStore store(m);
    m.items[cm::kPlansKey] = "{broken";
    std::string first = store.load(nullptr, kNow).backup_key;
    m.items[cm::kPlansKey] = "{broken again";
    std::string second = store.load(nullptr, kNow).backup_key;
    EXPECT_NE(first, second);
    EXPECT_EQ(second, std::string(cm::kBackupKeyPrefix) + "2026-11-27T10:00:00.001Z:corrupt");
    std::string text;
    ASSERT_TRUE(store.read_backup(first, &text));
    EXPECT_EQ(text, "{broken");
    ASSERT_TRUE(store.read_backup(second, &text));
    EXPECT_EQ(text, "{broken again");
    EXPECT_EQ(store.backups(), (std::vector<std::string>{first, second}));

    EXPECT_EQ(store.remove_backup(first), StoreStatus::Ok);
    EXPECT_EQ(store.backups(), std::vector<std::string>{second});
    // Only backup keys can be read or removed through these.
    m.items[cm::kPlansKey] = "{}";
    EXPECT_FALSE(store.read_backup(cm::kPlansKey, &text));
    EXPECT_EQ(store.remove_backup(cm::kPlansKey), StoreStatus::Failed);
    EXPECT_EQ(stored(m), "{}");
}

// [SECTION] Version 1 and its migration

struct V1 {
    std::string text;
    cm::PlanDocument expected;  // decoded with infrastructure(); saved_ms = the v1 savedAt
};

V1 version_one() {
    const cm::Framework& fw = infrastructure();
    std::vector<int> staff;
    for (int i = 0; i < int(fw.expectations.size()) && staff.size() < 3; i++)
        if (fw.levels[size_t(fw.expectations[size_t(i)].level)].id == "staff") staff.push_back(i);
    const std::string e1 = fw.expectations[size_t(staff[0])].id, e2 = fw.expectations[size_t(staff[1])].id,
                      e3 = fw.expectations[size_t(staff[2])].id;
    V1 v;
    v.text = R"({"format":"career-matrix-plan","version":1,"savedAt":"2025-03-04T05:06:07.890Z","plan":{"name":"Road to Staff",)"
             R"("framework":"infrastructure","currentLevel":"senior","targetLevel":"staff","notes":"Talk to my manager.\nMonthly.",)"
             R"("items":[{"expectation":")" + e1 + R"(","status":"todo","notes":"Start with the runbook."},)"
             R"({"expectation":")" + e2 + R"(","status":"doing"},{"expectation":")" + e3 + R"(","status":"done","notes":""},)"
             R"({"expectation":"staff.retired.1","status":"todo","notes":"From the old framework."}]}})";

    cm::Plan p;
    p.id = "plan-m7u10cr6-1";  // base 36 of 1741064767890
    p.name = "Road to Staff";
    p.framework = "infrastructure";
    p.framework_version = fw.version;
    p.current_level = "senior";
    p.target_level = "staff";
    p.notes = "Talk to my manager.\nMonthly.";
    p.created_ms = p.updated_ms = kEarlier;
    p.items.push_back(cm::make_item(fw, staff[0]));
    p.items.back().notes = "Start with the runbook.";
    p.items.push_back(cm::make_item(fw, staff[1]));
    p.items.back().status = cm::ItemStatus::InProgress;
    p.items.push_back(cm::make_item(fw, staff[2]));
    p.items.back().status = cm::ItemStatus::Done;
    cm::PlanItem gone;
    gone.expectation = "staff.retired.1";
    gone.notes = "From the old framework.";
    p.items.push_back(gone);  // kept, with no hash or text: it shows as Missing
    v.expected.revision = 1;
    v.expected.active_plan = p.id;
    v.expected.saved_ms = kEarlier;
    v.expected.plans = {p};
    return v;
}

TEST(PlanStorage, VersionOneDecodesToTheExpectedVersionTwoDocument) {
    V1 v = version_one();
    EXPECT_EQ(cm::fresh_plan_id({}, kEarlier), v.expected.plans[0].id);
    cm::DecodeResult r = cm::decode_plans(v.text, &infrastructure());
    ASSERT_EQ(r.status, cm::DecodeStatus::Migrated) << r.reason;
    EXPECT_EQ(r.version, 1);
    EXPECT_EQ(r.document, v.expected);
    EXPECT_EQ(cm::freshness(infrastructure(), r.document.plans[0].items[3]), cm::Freshness::Missing);

    // Without the plan's framework, nothing can be pinned: items keep id and status only.
    r = cm::decode_plans(v.text, nullptr);
    ASSERT_EQ(r.status, cm::DecodeStatus::Migrated) << r.reason;
    EXPECT_EQ(r.document.plans[0].framework_version, "");
    for (const cm::PlanItem& item : r.document.plans[0].items) {
        EXPECT_EQ(item.hash, "");
        EXPECT_EQ(item.text, "");
    }
    EXPECT_EQ(r.document.plans[0].items[1].status, cm::ItemStatus::InProgress);
}

TEST(PlanStorage, MigrationKeepsTheOldValueInABackupUntilTheNewOneIsVerified) {
    V1 v = version_one();
    RecordingStore m;
    m.items[cm::kPlansKey] = v.text;
    cm::PlanStore store(m);
    cm::LoadOutcome out = store.load(&infrastructure(), kNow);
    ASSERT_EQ(out.status, cm::LoadStatus::Migrated) << out.reason;
    cm::PlanDocument expected = v.expected;
    expected.saved_ms = kNow;
    EXPECT_EQ(out.document, expected);
    EXPECT_EQ(out.version, 1);
    EXPECT_EQ(out.raw, v.text);

    cm::DecodeResult now_stored = cm::decode_plans(stored(m), nullptr);
    ASSERT_EQ(now_stored.status, cm::DecodeStatus::Ok);
    EXPECT_EQ(now_stored.document, expected);
    EXPECT_TRUE(store.backups().empty());  // removed once the new value was verified

    const std::string backup = std::string(cm::kBackupKeyPrefix) + kNowIso + ":migrated-from-v1";
    int set_backup = find_op(m.log, "set " + backup);
    int verify_backup = find_op(m.log, "get " + backup, set_backup + 1);
    int set_main = find_op(m.log, std::string("set ") + cm::kPlansKey);
    int verify_main = find_op(m.log, std::string("get ") + cm::kPlansKey, set_main + 1);
    int remove_backup = find_op(m.log, "remove " + backup);
    ASSERT_GE(set_backup, 0);
    EXPECT_GT(verify_backup, set_backup);
    EXPECT_GT(set_main, verify_backup);
    EXPECT_GT(verify_main, set_main);
    EXPECT_GT(remove_backup, verify_main);

    // Loading again is a plain load.
    out = store.load(&infrastructure(), kNow + 1);
    EXPECT_EQ(out.status, cm::LoadStatus::Loaded);
    EXPECT_EQ(out.document, expected);
}

TEST(PlanStorage, MigrationUnderAFullQuotaKeepsVersionOneStoredAndWorksInMemory) {
    V1 v = version_one();
    MemoryStore m;
    m.items[cm::kPlansKey] = v.text;
    m.quota_bytes = m.used_bytes();
    cm::PlanStore store(m);
    cm::LoadOutcome out = store.load(&infrastructure(), kNow);
    EXPECT_EQ(out.status, cm::LoadStatus::MigratedNotSaved);
    EXPECT_EQ(out.store, StoreStatus::QuotaExceeded);
    EXPECT_FALSE(out.read_only);
    EXPECT_EQ(out.document, v.expected);
    EXPECT_EQ(stored(m), v.text);
    EXPECT_TRUE(store.backups().empty());

    // Room for the copy but not for the (larger) new document: still nothing changes.
    const std::string backup_key = std::string(cm::kBackupKeyPrefix) + kNowIso + ":migrated-from-v1";
    ASSERT_GT(cm::encode_plans(v.expected).size(), v.text.size() + 20);
    m.quota_bytes = m.used_bytes() + backup_key.size() + v.text.size() + 10;
    out = store.load(&infrastructure(), kNow);
    EXPECT_EQ(out.status, cm::LoadStatus::MigratedNotSaved);
    EXPECT_EQ(out.store, StoreStatus::QuotaExceeded);
    EXPECT_EQ(stored(m), v.text);
    EXPECT_TRUE(store.backups().empty());

    // Space freed later: the first save finishes the migration.
    m.quota_bytes = size_t(-1);
    cm::PlanDocument doc = out.document;
    doc.plans[0].notes += "\nEdited.";
    cm::SaveOutcome saved = store.save(&doc, kNow + 5);
    ASSERT_EQ(saved.status, cm::SaveStatus::Saved) << saved.reason;
    EXPECT_EQ(doc.revision, 2);
    cm::DecodeResult r = cm::decode_plans(stored(m), nullptr);
    ASSERT_EQ(r.status, cm::DecodeStatus::Ok);
    EXPECT_EQ(r.document, doc);
    EXPECT_TRUE(store.backups().empty());
}

TEST(PlanStorage, AVersionOneValueThisTabDidNotLoadIsAConflict) {
    V1 v = version_one();
    MemoryStore m;
    m.items[cm::kPlansKey] = v.text;
    m.quota_bytes = m.used_bytes();
    cm::PlanStore store(m);
    cm::LoadOutcome out = store.load(&infrastructure(), kNow);
    ASSERT_EQ(out.status, cm::LoadStatus::MigratedNotSaved);
    m.quota_bytes = size_t(-1);
    m.items[cm::kPlansKey] = replace_once(v.text, "Monthly.", "Weekly.");  // an old app in another tab
    cm::PlanDocument doc = out.document;
    cm::SaveOutcome saved = store.save(&doc, kNow);
    EXPECT_EQ(saved.status, cm::SaveStatus::Conflict);
    EXPECT_EQ(saved.stored_status, cm::DecodeStatus::Migrated);
    EXPECT_EQ(saved.stored.plans.at(0).notes, "Talk to my manager.\nWeekly.");
    EXPECT_EQ(doc, out.document);
}

// [SECTION] Saving: revisions, conflicts, failures

TEST(PlanStorage, SaveBumpsTheRevisionAndVerifies) {
    MemoryStore m;
    cm::PlanStore store(m);
    cm::LoadOutcome out = store.load(nullptr, kNow);
    EXPECT_EQ(out.status, cm::LoadStatus::Empty);
    EXPECT_EQ(out.document, cm::PlanDocument{});
    EXPECT_EQ(store.stored_revision(), std::nullopt);

    cm::PlanDocument doc = sample_document();
    doc.revision = 0;
    cm::SaveOutcome saved = store.save(&doc, kNow);
    ASSERT_EQ(saved.status, cm::SaveStatus::Saved) << saved.reason;
    EXPECT_EQ(doc.revision, 1);
    EXPECT_EQ(doc.saved_ms, kNow);
    EXPECT_EQ(store.stored_revision(), 1);
    EXPECT_EQ(cm::decode_plans(stored(m), nullptr).document, doc);

    doc.plans[0].name = "Renamed";
    saved = store.save(&doc, kNow + 1000);
    ASSERT_EQ(saved.status, cm::SaveStatus::Saved) << saved.reason;
    EXPECT_EQ(doc.revision, 2);
    EXPECT_EQ(store.stored_revision(), 2);
    cm::LoadOutcome again = store.load(nullptr, kNow + 2000);
    EXPECT_EQ(again.status, cm::LoadStatus::Loaded);
    EXPECT_EQ(again.document, doc);
}

TEST(PlanStorage, TwoTabsCannotSilentlyOverwriteEachOther) {
    MemoryStore m;
    cm::PlanStore a(m), b(m);
    {
        cm::PlanStore first(m);
        cm::PlanDocument doc = sample_document();
        ASSERT_EQ(first.save(&doc, kNow).status, cm::SaveStatus::Saved);
    }
    cm::PlanDocument doc_a = a.load(nullptr, kNow).document;
    cm::PlanDocument doc_b = b.load(nullptr, kNow).document;
    ASSERT_EQ(doc_a.revision, 1);
    ASSERT_EQ(doc_b.revision, 1);

    doc_a.plans[0].name = "Saved by A";
    ASSERT_EQ(a.save(&doc_a, kNow + 1).status, cm::SaveStatus::Saved);
    EXPECT_EQ(doc_a.revision, 2);
    const std::string after_a = stored(m);

    doc_b.plans[1].name = "Edited in B";
    const cm::PlanDocument b_before = doc_b;
    cm::SaveOutcome conflict = b.save(&doc_b, kNow + 2);
    EXPECT_EQ(conflict.status, cm::SaveStatus::Conflict);
    EXPECT_EQ(conflict.stored_status, cm::DecodeStatus::Ok);
    EXPECT_EQ(conflict.stored, doc_a);
    EXPECT_FALSE(conflict.reason.empty());
    EXPECT_EQ(doc_b, b_before);  // memory unchanged, revision not advanced
    EXPECT_EQ(stored(m), after_a);

    // "Load the newer version", then edit and save.
    cm::LoadOutcome reloaded = b.load(nullptr, kNow + 3);
    EXPECT_EQ(reloaded.document, doc_a);
    doc_b = reloaded.document;
    doc_b.plans[1].name = "Edited in B";
    ASSERT_EQ(b.save(&doc_b, kNow + 4).status, cm::SaveStatus::Saved);
    EXPECT_EQ(doc_b.revision, 3);
    // Now A is the stale one.
    EXPECT_EQ(a.save(&doc_a, kNow + 5).status, cm::SaveStatus::Conflict);
}

TEST(PlanStorage, SaveOverwritingKeepsMine) {
    MemoryStore m;
    cm::PlanStore a(m), b(m);
    cm::PlanDocument doc_a = sample_document(), doc_b = sample_document();
    ASSERT_EQ(a.save(&doc_a, kNow).status, cm::SaveStatus::Saved);      // revision 1
    ASSERT_EQ(a.save(&doc_a, kNow + 1).status, cm::SaveStatus::Saved);  // revision 2
    doc_b.plans[0].name = "Mine";
    ASSERT_EQ(b.save(&doc_b, kNow + 2).status, cm::SaveStatus::Conflict);
    cm::SaveOutcome kept = b.save_overwriting(&doc_b, kNow + 3);
    ASSERT_EQ(kept.status, cm::SaveStatus::Saved) << kept.reason;
    EXPECT_EQ(doc_b.revision, 3);  // max(2, 0) + 1
    EXPECT_TRUE(kept.backup_key.empty());
    cm::DecodeResult r = cm::decode_plans(stored(m), nullptr);
    EXPECT_EQ(r.document, doc_b);
    EXPECT_EQ(r.document.plans[0].name, "Mine");
}

TEST(PlanStorage, SaveOverwritingAnUnreadableValueKeepsItInABackup) {
    MemoryStore m;
    cm::PlanStore store(m);
    cm::PlanDocument doc = sample_document();
    ASSERT_EQ(store.save(&doc, kNow).status, cm::SaveStatus::Saved);
    m.items[cm::kPlansKey] = R"({"format":"career-matrix-plans","version":3})";  // a newer app in another tab
    cm::SaveOutcome conflict = store.save(&doc, kNow + 1);
    EXPECT_EQ(conflict.status, cm::SaveStatus::Conflict);
    EXPECT_EQ(conflict.stored_status, cm::DecodeStatus::Newer);
    EXPECT_NE(conflict.reason.find("newer version"), std::string::npos) << conflict.reason;

    cm::SaveOutcome kept = store.save_overwriting(&doc, kNow + 2);
    ASSERT_EQ(kept.status, cm::SaveStatus::Saved) << kept.reason;
    EXPECT_EQ(kept.backup_key, std::string(cm::kBackupKeyPrefix) + "2026-11-27T10:00:00.002Z:newer");
    EXPECT_EQ(stored(m, kept.backup_key), R"({"format":"career-matrix-plans","version":3})");
    EXPECT_EQ(doc.revision, 2);
    EXPECT_EQ(cm::decode_plans(stored(m), nullptr).document, doc);
}

TEST(PlanStorage, QuotaExceededOnSaveLeavesStoredValueAndDocumentAlone) {
    MemoryStore m;
    cm::PlanStore store(m);
    cm::PlanDocument doc = sample_document();
    ASSERT_EQ(store.save(&doc, kNow).status, cm::SaveStatus::Saved);
    const std::string before = stored(m);
    m.quota_bytes = m.used_bytes() + 100;
    doc.plans[0].notes = std::string(5000, 'x');
    const cm::PlanDocument edited = doc;
    cm::SaveOutcome out = store.save(&doc, kNow + 1);
    EXPECT_EQ(out.status, cm::SaveStatus::QuotaExceeded);
    EXPECT_EQ(out.store, StoreStatus::QuotaExceeded);
    EXPECT_FALSE(out.reason.empty());
    EXPECT_EQ(stored(m), before);
    EXPECT_EQ(doc, edited);
    EXPECT_EQ(doc.revision, 1);
}

TEST(PlanStorage, AReadBackThatDiffersIsAFailure) {
    struct Lossy : MemoryStore {  // a storage layer that mangles what it is given
        bool mangle = false;
        StoreStatus set(const std::string& key, const std::string& value) override {
            return MemoryStore::set(key, mangle && key == cm::kPlansKey ? value + " " : value);
        }
    } m;
    cm::PlanStore store(m);
    cm::PlanDocument doc = sample_document();
    ASSERT_EQ(store.save(&doc, kNow).status, cm::SaveStatus::Saved);
    m.mangle = true;
    doc.plans[0].name = "Changed";
    const cm::PlanDocument edited = doc;
    cm::SaveOutcome out = store.save(&doc, kNow + 1);
    EXPECT_EQ(out.status, cm::SaveStatus::Failed);
    EXPECT_EQ(doc, edited);
}

TEST(PlanStorage, SaveRefusesADocumentLoadWouldReject) {
    MemoryStore m;
    cm::PlanStore store(m);
    cm::PlanDocument doc = sample_document();
    doc.plans[0].items[0].target_date = "someday";
    cm::SaveOutcome out = store.save(&doc, kNow);
    EXPECT_EQ(out.status, cm::SaveStatus::Failed);
    EXPECT_NE(out.reason.find("targetDate"), std::string::npos) << out.reason;
    EXPECT_TRUE(m.items.empty());
    EXPECT_EQ(doc.revision, 0);
}

TEST(PlanStorage, UnavailableStorage) {
    MemoryStore m;
    m.items[cm::kPlansKey] = cm::encode_plans(sample_document());
    m.unavailable = true;
    cm::PlanStore store(m);
    cm::LoadOutcome out = store.load(nullptr, kNow);
    EXPECT_EQ(out.status, cm::LoadStatus::Unavailable);
    EXPECT_EQ(out.store, StoreStatus::Unavailable);
    EXPECT_TRUE(out.read_only);
    EXPECT_TRUE(out.document.plans.empty());
    cm::PlanDocument doc = sample_document();
    EXPECT_EQ(store.save(&doc, kNow).status, cm::SaveStatus::Unavailable);
    EXPECT_EQ(store.save_overwriting(&doc, kNow).status, cm::SaveStatus::Unavailable);
    EXPECT_EQ(doc.revision, 0);
    EXPECT_EQ(store.stored_revision(), std::nullopt);
    EXPECT_TRUE(store.backups().empty());
    EXPECT_EQ(store.delete_everything(), StoreStatus::Unavailable);
}

// [SECTION] Deleting, and the cheap revision check

TEST(PlanStorage, DeleteEverythingRemovesOnlyThisAppsKeys) {
    MemoryStore m;
    m.items[cm::kPlansKey] = "{}";
    m.items[std::string(cm::kBackupKeyPrefix) + kNowIso + ":corrupt"] = "x";
    m.items["career-matrix:settings"] = "{}";
    m.items["career-matrix"] = "not ours: no colon";
    m.items["career-matrix-other:x"] = "not ours either";
    m.items["other-app:plans"] = "theirs";
    cm::PlanStore store(m);
    EXPECT_EQ(store.delete_everything(), StoreStatus::Ok);
    std::vector<std::string> left;
    for (auto& [k, v] : m.items) left.push_back(k);
    EXPECT_EQ(left, (std::vector<std::string>{"career-matrix", "career-matrix-other:x", "other-app:plans"}));
    EXPECT_EQ(store.delete_everything(), StoreStatus::Ok);  // nothing left: still fine
}

TEST(PlanStorage, StoredRevision) {
    MemoryStore m;
    cm::PlanStore store(m);
    EXPECT_EQ(store.stored_revision(), std::nullopt);
    cm::PlanDocument doc = sample_document();
    doc.revision = 41;
    m.items[cm::kPlansKey] = cm::encode_plans(doc);
    EXPECT_EQ(store.stored_revision(), 41);
    m.items[cm::kPlansKey] = "{oops";
    EXPECT_EQ(store.stored_revision(), std::nullopt);
    m.items[cm::kPlansKey] = version_one().text;
    EXPECT_EQ(store.stored_revision(), std::nullopt);
    m.items[cm::kPlansKey] = R"({"format":"career-matrix-plans","version":3,"revision":5})";
    EXPECT_EQ(store.stored_revision(), std::nullopt);
}

}  // namespace
