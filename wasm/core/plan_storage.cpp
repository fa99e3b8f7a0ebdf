// Career Matrix core: the stored plans document and PlanStore (plan_storage.h).
// Reading is strict on values and tolerant of unknown fields; writing is
// deterministic; the store never removes a value before a verified copy exists.
//
//   [SECTION] Time
//   [SECTION] The document: reading
//   [SECTION] The document: migrations
//   [SECTION] The document: classify, decode, encode
//   [SECTION] The store
#include "plan_storage.h"

#include "framework_load.h"  // is_valid_id
#include "stable_sort.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <unordered_map>

namespace cm {

using OJson = nlohmann::ordered_json;  // writes fields in the documented order

namespace {

// A user value quoted for a message, cut short so a hostile 4 MiB string does
// not become a 4 MiB message (never inside a UTF-8 sequence).
std::string quote_value(std::string_view s) {
    const size_t kMax = 60;
    if (s.size() <= kMax) return "\"" + std::string(s) + "\"";
    size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) cut--;
    return "\"" + std::string(s.substr(0, cut)) + "…\"";
}

// The first problem reported since `from`, as one sentence without the file name:
// "/plans/0/items/3/status: unknown status ...", "not valid JSON at 1:17: ...".
std::string reason_of(const Diagnostics& diag, size_t from) {
    if (from >= diag.problems.size()) return "";
    const Problem& p = diag.problems[from];
    std::string where = p.where;
    if (where.compare(0, diag.file.size(), diag.file) == 0 && where.size() > diag.file.size() && where[diag.file.size()] == ':')
        where = where.substr(diag.file.size() + 1);
    else if (where == diag.file)
        where.clear();
    std::string reason;
    const std::string_view not_json = "not valid JSON";
    if (where.empty()) reason = p.message;
    else if (where[0] == '/') reason = where + ": " + p.message;
    else if (p.message.compare(0, not_json.size(), not_json) == 0)  // "line:column" from the parser
        reason = std::string(not_json) + " at " + where + p.message.substr(not_json.size());
    else reason = p.message + " (at " + where + ")";
    size_t more = diag.problems.size() - from - 1;
    if (more > 0) reason += " (and " + std::to_string(more) + (more == 1 ? " more problem)" : " more problems)");
    return reason;
}

}  // namespace

// [SECTION] The document: reading
// Strict on shape and values (a decoded document must be safe for the app to
// use as is), tolerant of unknown fields (a newer app of the same version may
// add some): ObjectReader::finish() is deliberately never called.

namespace {

constexpr long long kMaxSafeInteger = (1LL << 53) - 1;  // what JavaScript can hold exactly

// An id field: well formed, or "" when `allow_empty`.
bool read_id(ObjectReader& r, const char* key, std::string* out, bool required, bool allow_empty, Diagnostics* diag) {
    std::string s;
    if (!r.string(key, &s, required, 64, /*allow_empty=*/true)) return false;
    if (s.empty() && allow_empty) {
        out->clear();
        return true;
    }
    if (s.empty()) {
        diag->add(r.at(key), "must not be empty");
        return false;
    }
    if (!is_valid_id(s)) {
        diag->add(r.at(key), quote_value(s) + " is not a valid id (lower-case letters, digits, '.', '_' and '-')");
        return false;
    }
    *out = std::move(s);
    return true;
}

bool read_time(ObjectReader& r, const char* key, int64_t* out, bool required, Diagnostics* diag) {
    std::string s;
    if (!r.string(key, &s, required, 64)) return false;
    if (!parse_iso_time(s, out)) {
        diag->add(r.at(key), quote_value(s) + " is not a UTC time like \"2026-11-27T10:00:00.000Z\"");
        return false;
    }
    return true;
}

bool read_status(ObjectReader& r, ItemStatus* out, Diagnostics* diag) {
    std::string s;
    if (!r.string("status", &s, true, 64)) return false;
    if (!status_from_id(s, out)) {
        diag->add(r.at("status"), "unknown status " + quote_value(s) + " (expected \"not-started\", \"in-progress\" or \"done\")");
        return false;
    }
    return true;
}

bool item_from_json(const Json& j, const std::string& pointer, PlanItem* out, Diagnostics* diag) {
    size_t before = diag->count;
    ObjectReader r(j, pointer, diag);
    if (!r.valid()) return false;
    PlanItem item;
    read_id(r, "expectation", &item.expectation, true, false, diag);
    std::string hash;
    if (r.string("hash", &hash, true, 64, true)) {
        uint64_t unused = 0;
        if (hash.empty() || hash_from_hex(hash, &unused)) item.hash = std::move(hash);
        else diag->add(r.at("hash"), "expected 16 lower-case hex digits or \"\", found " + quote_value(hash));
    }
    r.string("text", &item.text, true, kMaxPlannedTextBytes, true);
    read_id(r, "level", &item.level, true, true, diag);
    read_id(r, "area", &item.area, true, true, diag);
    read_status(r, &item.status, diag);
    r.string("notes", &item.notes, false, kMaxNotesBytes, true);
    if (const Json* links = r.array("evidence", false, kMaxEvidenceLinks)) {
        for (size_t i = 0; i < links->size(); i++) {
            ObjectReader lr((*links)[i], r.at("evidence") + "/" + std::to_string(i), diag);
            if (!lr.valid()) continue;
            EvidenceLink link;
            lr.string("title", &link.title, false, kMaxEvidenceTitleBytes, true);
            if (lr.string("url", &link.url, true, kMaxUrlBytes) && !is_evidence_url(link.url))
                diag->add(lr.at("url"), quote_value(link.url) + " is not an http(s) URL");
            item.evidence.push_back(std::move(link));
        }
    }
    std::string date;
    if (r.string("targetDate", &date, false, 64, true)) {
        if (date.empty() || is_valid_date(date)) item.target_date = std::move(date);
        else diag->add(r.at("targetDate"), quote_value(date) + " is not a date (YYYY-MM-DD)");
    }
    if (diag->count != before) return false;
    *out = std::move(item);
    return true;
}

// The first pointer of each value: reports a second occurrence as a duplicate.
struct UniqueCheck {
    std::unordered_map<std::string, std::string> first;
    bool check(const std::string& value, const std::string& pointer, const char* what, Diagnostics* diag) {
        auto [it, inserted] = first.emplace(value, pointer);
        if (!inserted) diag->add(pointer, std::string("duplicate ") + what + " " + quote_value(value) + " (first at " + it->second + ")");
        return inserted;
    }
};

// The current version's root object (format and version already checked).
bool document_from_json(const Json& root, PlanDocument* out, Diagnostics* diag) {
    size_t before = diag->count;
    ObjectReader r(root, "", diag);
    if (!r.valid()) return false;
    PlanDocument doc;
    long long revision = 0;
    if (r.integer("revision", &revision, true, 0, kMaxSafeInteger)) doc.revision = revision;
    read_time(r, "savedAt", &doc.saved_ms, true, diag);
    r.string("activePlan", &doc.active_plan, true, 64, true);
    UniqueCheck ids;
    if (const Json* plans = r.array("plans", true, kMaxPlans)) {
        for (size_t i = 0; i < plans->size(); i++) {
            std::string pointer = "/plans/" + std::to_string(i);
            Plan plan;
            if (!plan_from_json((*plans)[i], pointer, &plan, diag)) continue;
            ids.check(plan.id, pointer + "/id", "plan id", diag);
            doc.plans.push_back(std::move(plan));
        }
    }
    if (diag->count != before) return false;
    *out = std::move(doc);
    return true;
}

}  // namespace

bool plan_from_json(const Json& j, const std::string& pointer, Plan* out, Diagnostics* diag) {
    size_t before = diag->count;
    ObjectReader r(j, pointer, diag);
    if (!r.valid()) return false;
    Plan plan;
    read_id(r, "id", &plan.id, true, false, diag);
    r.string("name", &plan.name, true, kMaxPlanNameBytes, true);
    read_id(r, "framework", &plan.framework, true, false, diag);
    r.string("frameworkVersion", &plan.framework_version, true, kMaxPlanNameBytes, true);
    read_id(r, "currentLevel", &plan.current_level, true, true, diag);
    read_id(r, "targetLevel", &plan.target_level, true, true, diag);
    r.string("notes", &plan.notes, false, kMaxNotesBytes, true);
    read_time(r, "createdAt", &plan.created_ms, true, diag);
    read_time(r, "updatedAt", &plan.updated_ms, true, diag);
    read_time(r, "exportedAt", &plan.exported_ms, false, diag);
    UniqueCheck expectations;
    if (const Json* items = r.array("items", true, kMaxItemsPerPlan)) {
        for (size_t i = 0; i < items->size(); i++) {
            std::string item_pointer = r.at("items") + "/" + std::to_string(i);
            PlanItem item;
            if (!item_from_json((*items)[i], item_pointer, &item, diag)) continue;
            expectations.check(item.expectation, item_pointer + "/expectation", "expectation", diag);
            plan.items.push_back(std::move(item));
        }
    }
    if (diag->count != before) return false;
    *out = std::move(plan);
    return true;
}

// [SECTION] The document: migrations
// Each step reads a document of version N (validating it, and reporting with
// pointers into that version's shape, so an imported old file gets messages
// that match it) and returns the same content as a version N + 1 document.
// To add version 3: write migrate_v2_to_v3, append it to kMigrations, raise
// kPlansVersion, and teach document_from_json/encode_plans the new shape.

namespace {

struct MigrationContext {
    const Framework* fw;  // may be null
};
using MigrationStep = bool (*)(const Json& in, const MigrationContext& ctx, Json* out, Diagnostics* diag);

// Version 1 (a single plan, no revision, no hashes, texts, evidence or dates):
//   {"format":"career-matrix-plan","version":1,"savedAt":"...","plan":{"name","framework",
//    "currentLevel","targetLevel","notes","items":[{"expectation","status":"todo"|"doing"|"done","notes"}]}}
// Becomes one plan with an id derived from savedAt (deterministic, so loading
// the same text twice gives the same document), revision 1. Items are pinned to
// the framework's current texts when the plan is for `fw`; otherwise, or when
// the expectation no longer exists, hash and text stay "" (the item shows as Missing).
bool migrate_v1_to_v2(const Json& in, const MigrationContext& ctx, Json* out, Diagnostics* diag) {
    size_t before = diag->count;
    ObjectReader root(in, "", diag);
    if (!root.valid()) return false;
    int64_t saved_ms = 0;
    read_time(root, "savedAt", &saved_ms, true, diag);
    const Json* pj = root.object("plan", true);
    if (!pj) return false;
    ObjectReader p(*pj, "/plan", diag);
    std::string name, framework, current, target, notes;
    p.string("name", &name, true, kMaxPlanNameBytes, true);
    read_id(p, "framework", &framework, true, false, diag);
    read_id(p, "currentLevel", &current, true, true, diag);
    read_id(p, "targetLevel", &target, true, true, diag);
    p.string("notes", &notes, false, kMaxNotesBytes, true);

    const Framework* fw = ctx.fw && ctx.fw->id == framework ? ctx.fw : nullptr;

    Json items = Json::array();
    UniqueCheck seen;
    if (const Json* list = p.array("items", true, kMaxItemsPerPlan)) {
        for (size_t i = 0; i < list->size(); i++) {
            std::string pointer = "/plan/items/" + std::to_string(i);
            ObjectReader ir((*list)[i], pointer, diag);
            if (!ir.valid()) continue;
            std::string expectation, status, item_notes;
            bool ok = read_id(ir, "expectation", &expectation, true, false, diag);
            if (ir.string("status", &status, true, 64)) {
                if (status == "todo") status = status_id(ItemStatus::NotStarted);
                else if (status == "doing") status = status_id(ItemStatus::InProgress);
                else if (status == "done") status = status_id(ItemStatus::Done);
                else diag->add(ir.at("status"), "unknown status " + quote_value(status) + " (expected \"todo\", \"doing\" or \"done\")");
            }
            ir.string("notes", &item_notes, false, kMaxNotesBytes, true);
            if (ok) seen.check(expectation, pointer + "/expectation", "expectation", diag);

            Json item = Json::object();
            item["expectation"] = expectation;
            item["hash"] = "";
            item["text"] = "";
            item["level"] = "";
            item["area"] = "";
            if (int found = fw ? fw->find_expectation(expectation) : -1; found >= 0) {
                const Expectation& e = fw->expectations[size_t(found)];
                item["hash"] = hash_to_hex(e.hash);
                item["text"] = e.text;
                item["level"] = fw->levels[size_t(e.level)].id;
                item["area"] = fw->areas[size_t(e.area)].id;
            }
            item["status"] = status;
            item["notes"] = item_notes;
            item["evidence"] = Json::array();
            item["targetDate"] = "";
            items.push_back(std::move(item));
        }
    }
    if (diag->count != before) return false;

    std::string id = fresh_plan_id({}, saved_ms);
    Json plan = Json::object();
    plan["id"] = id;
    plan["name"] = name;
    plan["framework"] = framework;
    plan["frameworkVersion"] = fw ? fw->version : std::string();
    plan["currentLevel"] = current;
    plan["targetLevel"] = target;
    plan["notes"] = notes;
    plan["createdAt"] = format_iso_time(saved_ms);
    plan["updatedAt"] = format_iso_time(saved_ms);
    plan["items"] = std::move(items);
    Json doc = Json::object();
    doc["format"] = kPlansFormat;
    doc["version"] = 2;
    doc["revision"] = 1;
    doc["savedAt"] = format_iso_time(saved_ms);
    doc["activePlan"] = id;
    doc["plans"] = Json::array({std::move(plan)});
    *out = std::move(doc);
    return true;
}

// kMigrations[n - 1] turns a version-n document into version n + 1.
constexpr MigrationStep kMigrations[] = {
    migrate_v1_to_v2,
};
static_assert(std::size(kMigrations) == kPlansVersion - 1, "one migration step per older version");

}  // namespace

// [SECTION] The document: classify, decode, encode

const char* decode_status_name(DecodeStatus s) {
    switch (s) {
    case DecodeStatus::Ok: return "ok";
    case DecodeStatus::Migrated: return "migrated";
    case DecodeStatus::Corrupt: return "corrupt";
    case DecodeStatus::Foreign: return "foreign";
    case DecodeStatus::Newer: return "newer";
    }
    return "corrupt";
}

DecodeResult decode_plans_json(const Json& root, const Framework* fw, Diagnostics* diag) {
    DecodeResult res;
    size_t before = diag->count;
    auto refuse = [&](DecodeStatus status, const char* pointer, std::string reason) {
        diag->add(pointer, reason);
        res.status = status;
        res.reason = std::move(reason);
        return res;
    };

    // Whose document is it? Only our "format" values are ours; anything else is
    // another app's data, kept but never read.
    if (!root.is_object())
        return refuse(DecodeStatus::Foreign, "", std::string("the value is ") + json_type_name(root) + ", not a Career Matrix plans document");
    auto format_it = root.find("format");
    if (format_it == root.end())
        return refuse(DecodeStatus::Foreign, "", "there is no \"format\" field: this is not a Career Matrix plans document");
    if (!format_it->is_string())
        return refuse(DecodeStatus::Foreign, "/format", std::string("the \"format\" field is ") + json_type_name(*format_it) + ", not \"" + kPlansFormat + "\"");
    const std::string& format = format_it->get_ref<const std::string&>();
    if (format != kPlansFormat && format != kPlanFormatV1)
        return refuse(DecodeStatus::Foreign, "/format", "the \"format\" field says " + quote_value(format));

    // Which version?
    auto version_it = root.find("version");
    if (version_it == root.end())
        return refuse(DecodeStatus::Corrupt, "", "there is no \"version\" field");
    if (!version_it->is_number_integer())
        return refuse(DecodeStatus::Corrupt, "/version", std::string("the \"version\" field is ") + json_type_name(*version_it) + ", not an integer");
    const long long kHuge = 1000000;
    long long version = version_it->is_number_unsigned()
                            ? (long long)std::min<unsigned long long>(version_it->get<unsigned long long>(), kHuge)
                            : std::min(version_it->get<long long>(), kHuge);
    if (version < 1)
        return refuse(DecodeStatus::Corrupt, "/version", "the \"version\" field is " + std::to_string(version) + "; versions start at 1");
    res.version = int(version);
    if (version > kPlansVersion)
        return refuse(DecodeStatus::Newer, "/version", "saved by a newer version of the app (version " + std::to_string(version) + ")");
    const char* expected_format = version == 1 ? kPlanFormatV1 : kPlansFormat;
    if (format != expected_format)
        return refuse(DecodeStatus::Corrupt, "/format", "version " + std::to_string(version) + " documents have the format \"" + expected_format + "\", not " + quote_value(format));

    // Bring it to the current version, then read it.
    Json migrated;
    const Json* current = &root;
    for (long long from = version; from < kPlansVersion; from++) {
        Json next;
        if (!kMigrations[from - 1](*current, MigrationContext{fw}, &next, diag)) {
            res.reason = reason_of(*diag, before);
            return res;  // Corrupt
        }
        migrated = std::move(next);
        current = &migrated;
    }
    if (!document_from_json(*current, &res.document, diag)) {
        res.document = {};
        res.reason = reason_of(*diag, before);
        return res;  // Corrupt
    }
    res.status = version < kPlansVersion ? DecodeStatus::Migrated : DecodeStatus::Ok;
    return res;
}

DecodeResult decode_plans(std::string_view text, const Framework* fw) {
    DecodeResult res;
    Diagnostics diag;
    // Checked here too (parse_untrusted_json does) to word it without a file name.
    if (text.size() > kMaxPlansBytes) {
        res.reason = "the text is " + std::to_string(text.size()) + " bytes; the limit is " + std::to_string(kMaxPlansBytes);
        return res;
    }
    Json root;
    if (!parse_untrusted_json(text, JsonLimits{kMaxPlansBytes, kMaxPlansDepth}, &root, &diag)) {
        res.reason = reason_of(diag, 0);
        return res;
    }
    return decode_plans_json(root, fw, &diag);
}

OJson plan_to_json(const Plan& plan) {
    OJson items = OJson::array();
    for (const PlanItem& item : plan.items) {
        OJson evidence = OJson::array();
        for (const EvidenceLink& link : item.evidence) {
            OJson l = OJson::object();
            l["title"] = link.title;
            l["url"] = link.url;
            evidence.push_back(std::move(l));
        }
        OJson i = OJson::object();
        i["expectation"] = item.expectation;
        i["hash"] = item.hash;
        i["text"] = item.text;
        i["level"] = item.level;
        i["area"] = item.area;
        i["status"] = status_id(item.status);
        i["notes"] = item.notes;
        i["evidence"] = std::move(evidence);
        i["targetDate"] = item.target_date;
        items.push_back(std::move(i));
    }
    OJson j = OJson::object();
    j["id"] = plan.id;
    j["name"] = plan.name;
    j["framework"] = plan.framework;
    j["frameworkVersion"] = plan.framework_version;
    j["currentLevel"] = plan.current_level;
    j["targetLevel"] = plan.target_level;
    j["notes"] = plan.notes;
    j["createdAt"] = format_iso_time(plan.created_ms);
    j["updatedAt"] = format_iso_time(plan.updated_ms);
    if (plan.exported_ms != 0) j["exportedAt"] = format_iso_time(plan.exported_ms);
    j["items"] = std::move(items);
    return j;
}

std::string encode_plans(const PlanDocument& doc) {
    OJson plans = OJson::array();
    for (const Plan& p : doc.plans) plans.push_back(plan_to_json(p));
    OJson j = OJson::object();
    j["format"] = kPlansFormat;
    j["version"] = kPlansVersion;
    j["revision"] = doc.revision;
    j["savedAt"] = format_iso_time(doc.saved_ms);
    j["activePlan"] = doc.active_plan;
    j["plans"] = std::move(plans);
    return j.dump(-1, ' ', false, OJson::error_handler_t::replace);
}

// [SECTION] The store

const char* load_status_name(LoadStatus s) {
    switch (s) {
    case LoadStatus::Empty: return "empty";
    case LoadStatus::Loaded: return "loaded";
    case LoadStatus::Migrated: return "migrated";
    case LoadStatus::MigratedNotSaved: return "migrated, not saved";
    case LoadStatus::Corrupt: return "corrupt";
    case LoadStatus::Foreign: return "foreign";
    case LoadStatus::Newer: return "newer";
    case LoadStatus::Unavailable: return "unavailable";
    }
    return "unavailable";
}

const char* save_status_name(SaveStatus s) {
    switch (s) {
    case SaveStatus::Saved: return "saved";
    case SaveStatus::Conflict: return "conflict";
    case SaveStatus::QuotaExceeded: return "quota exceeded";
    case SaveStatus::Unavailable: return "unavailable";
    case SaveStatus::Failed: return "failed";
    }
    return "failed";
}

namespace {

// The <reason> part of a backup key for a stored value that decoded as `d`.
std::string backup_reason(const DecodeResult& d) {
    switch (d.status) {
    case DecodeStatus::Foreign: return "foreign";
    case DecodeStatus::Newer: return "newer";
    case DecodeStatus::Migrated: return "migrated-from-v" + std::to_string(d.version);
    default: return "corrupt";
    }
}

SaveStatus save_status_of(StoreStatus s) {
    switch (s) {
    case StoreStatus::QuotaExceeded: return SaveStatus::QuotaExceeded;
    case StoreStatus::Unavailable: return SaveStatus::Unavailable;
    default: return SaveStatus::Failed;
    }
}

bool is_backup_key(const std::string& key) {
    return key.compare(0, std::string_view(kBackupKeyPrefix).size(), kBackupKeyPrefix) == 0;
}

}  // namespace

// Sets `key` and reads it back. `*written` tells whether the value may have
// changed (set succeeded), which decides whether a failure needs cleaning up.
StoreStatus PlanStore::write_checked(const std::string& key, const std::string& value, bool* written) {
    *written = false;
    StoreStatus st = kv_.set(key, value);
    if (st != StoreStatus::Ok) return st;
    *written = true;
    std::string back;
    st = kv_.get(key, &back);
    if (st == StoreStatus::Missing) return StoreStatus::Failed;
    if (st != StoreStatus::Ok) return st;
    return back == value ? StoreStatus::Ok : StoreStatus::Failed;
}

// Writes `doc` under the main key. Refuses (writing nothing) a document that
// load() would not read back as itself, e.g. one over the limits; after
// writing, reads the value back and checks it is the text that was written.
StoreStatus PlanStore::write_document(const PlanDocument& doc, bool* written, std::string* reason) {
    *written = false;
    std::string encoded = encode_plans(doc);
    DecodeResult check = decode_plans(encoded, nullptr);
    if (check.status != DecodeStatus::Ok || !(check.document == doc)) {
        *reason = check.status != DecodeStatus::Ok ? "the plans cannot be stored as they are: " + check.reason
                                                   : "the plans do not read back as written (a time or text out of range)";
        return StoreStatus::Failed;
    }
    // write_checked reads the value back and compares it byte for byte with
    // `encoded`, which decodes to `doc` (checked above): decoding it again
    // would prove nothing more and costs a full parse of a large document.
    StoreStatus st = write_checked(kPlansKey, encoded, written);
    if (st != StoreStatus::Ok) {
        *reason = std::string("writing the plans failed: ") + store_status_name(st);
        return st;
    }
    return StoreStatus::Ok;
}

// Copies the value under `from` to a new backup key, exactly as stored (the store
// copies it without decoding: a backup is the very string that was there), and
// checks it. On failure no backup is left behind (the original is still in place).
StoreStatus PlanStore::make_backup(const std::string& from, const std::string& reason, int64_t now_ms, std::string* key) {
    key->clear();
    // Two backups in the same millisecond (two tabs, or a quick reload) must not
    // overwrite each other: move the time on until the key is free.
    std::string candidate, existing;
    for (int64_t t = now_ms;; t++) {
        candidate = std::string(kBackupKeyPrefix) + format_iso_time(t) + ":" + reason;
        StoreStatus st = kv_.get(candidate, &existing);
        if (st == StoreStatus::Missing) break;
        if (st != StoreStatus::Ok) return st;
        if (t - now_ms > 1000) return StoreStatus::Failed;
    }
    StoreStatus st = kv_.copy(from, candidate);
    if (st != StoreStatus::Ok) return st == StoreStatus::Missing ? StoreStatus::Failed : st;
    *key = candidate;
    return StoreStatus::Ok;
}

LoadOutcome PlanStore::load(const Framework* fw, int64_t now_ms) {
    LoadOutcome out;
    pending_v1_.clear();
    std::string raw;
    StoreStatus st = kv_.get(kPlansKey, &raw);
    if (st == StoreStatus::Missing) return out;  // Empty
    if (st != StoreStatus::Ok) {
        out.status = LoadStatus::Unavailable;
        out.store = st;
        out.read_only = true;
        out.reason = std::string("the browser's storage cannot be read (") + store_status_name(st) + ")";
        return out;
    }

    DecodeResult decoded = decode_plans(raw, fw);
    out.version = decoded.version;
    out.reason = decoded.reason;
    switch (decoded.status) {
    case DecodeStatus::Ok:
        out.status = LoadStatus::Loaded;
        out.document = std::move(decoded.document);
        return out;

    case DecodeStatus::Migrated: {
        // 1. The old text goes to a verified backup; 2. the new document is
        // written and verified; 3. only then is the backup removed. Any failure
        // leaves the old text under the main key and the migrated document in memory.
        out.raw = raw;
        out.reason = "migrated from version " + std::to_string(decoded.version);
        PlanDocument doc = decoded.document;
        doc.saved_ms = now_ms;
        std::string backup;
        st = make_backup(kPlansKey, backup_reason(decoded), now_ms, &backup);
        bool written = false;
        std::string why;
        if (st == StoreStatus::Ok) st = write_document(doc, &written, &why);
        else why = std::string("keeping a copy of the old version failed: ") + store_status_name(st);
        if (st == StoreStatus::Ok) {
            kv_.remove(backup);
            out.status = LoadStatus::Migrated;
            out.document = std::move(doc);
            return out;
        }
        if (written) {
            // Something unverified is under the main key: put the old value back
            // (from the backup, exactly) and keep the backup, the one verified copy.
            kv_.copy(backup, kPlansKey);
            out.backup_key = backup;
        } else if (!backup.empty()) {
            kv_.remove(backup);  // the main key still holds the old text: the copy is clutter
        }
        out.status = LoadStatus::MigratedNotSaved;
        out.store = st;
        out.reason += "; " + why;
        out.document = std::move(decoded.document);
        pending_v1_ = raw;
        return out;
    }

    case DecodeStatus::Corrupt:
    case DecodeStatus::Foreign:
    case DecodeStatus::Newer: {
        // Never blank, never delete: move the value aside, then start empty.
        out.status = decoded.status == DecodeStatus::Corrupt   ? LoadStatus::Corrupt
                     : decoded.status == DecodeStatus::Foreign ? LoadStatus::Foreign
                                                               : LoadStatus::Newer;
        out.raw = raw;
        st = make_backup(kPlansKey, backup_reason(decoded), now_ms, &out.backup_key);
        if (st != StoreStatus::Ok) {
            out.store = st;
            out.read_only = true;  // the value stays under the main key; saving would destroy it
            return out;
        }
        st = kv_.remove(kPlansKey);
        if (st != StoreStatus::Ok) {
            out.store = st;
            out.read_only = true;
        }
        return out;
    }
    }
    return out;
}

SaveOutcome PlanStore::save(PlanDocument* doc, int64_t now_ms) { return save_impl(doc, now_ms, false); }

SaveOutcome PlanStore::save_overwriting(PlanDocument* doc, int64_t now_ms) { return save_impl(doc, now_ms, true); }

SaveOutcome PlanStore::save_impl(PlanDocument* doc, int64_t now_ms, bool overwrite) {
    SaveOutcome out;
    std::string raw;
    StoreStatus st = kv_.get(kPlansKey, &raw);
    if (st != StoreStatus::Ok && st != StoreStatus::Missing) {
        out.status = st == StoreStatus::Unavailable ? SaveStatus::Unavailable : SaveStatus::Failed;
        out.store = st;
        out.reason = std::string("the browser's storage cannot be read (") + store_status_name(st) + ")";
        return out;
    }

    const bool had_value = st == StoreStatus::Ok;
    int64_t revision = doc->revision + 1;
    std::string keep_aside;  // backup reason when the stored value must be kept before writing
    bool finishing_migration = false;  // the stored value is the version-1 text this tab migrated
    if (had_value) {
        DecodeResult stored = decode_plans(raw, nullptr);
        bool ours = false;
        if (stored.status == DecodeStatus::Ok) {
            ours = stored.document.revision == doc->revision;
            if (overwrite) revision = std::max(stored.document.revision, doc->revision) + 1;
        } else {
            // Not a current-version document: it is ours only when it is the
            // version-1 text this tab loaded and could not migrate then.
            finishing_migration = ours = stored.status == DecodeStatus::Migrated && raw == pending_v1_;
            keep_aside = backup_reason(stored);
        }
        if (!ours && !overwrite) {
            out.status = SaveStatus::Conflict;
            out.stored_status = stored.status;
            out.stored = std::move(stored.document);
            out.reason = stored.status == DecodeStatus::Ok
                             ? "another tab saved these plans (revision " + std::to_string(out.stored.revision) + ") after this copy was loaded (revision " + std::to_string(doc->revision) + ")"
                             : "the stored value changed and is not this copy's: " + (stored.status == DecodeStatus::Migrated ? std::string("an older version's plans") : stored.reason);
            return out;
        }
    }

    if (!keep_aside.empty()) {
        st = make_backup(kPlansKey, keep_aside, now_ms, &out.backup_key);
        if (st != StoreStatus::Ok) {
            out.status = save_status_of(st);
            out.store = st;
            out.reason = std::string("keeping a copy of the stored value failed: ") + store_status_name(st);
            return out;
        }
    }

    PlanDocument next = *doc;
    next.revision = revision;
    next.saved_ms = now_ms;
    bool written = false;
    st = write_document(next, &written, &out.reason);
    if (st != StoreStatus::Ok) {
        if (written) {
            // Something unverified is under the main key: put back what was
            // there (best effort; exactly, from the backup made above, which stays).
            if (!out.backup_key.empty()) kv_.copy(out.backup_key, kPlansKey);
            else if (had_value) kv_.set(kPlansKey, raw);
            else kv_.remove(kPlansKey);
        } else if (!out.backup_key.empty()) {
            kv_.remove(out.backup_key);  // nothing changed under the main key
            out.backup_key.clear();
        }
        out.status = save_status_of(st);
        out.store = st;
        return out;
    }
    if (finishing_migration) {
        // The old text is now the verified new document: as in load(), its copy goes.
        kv_.remove(out.backup_key);
        out.backup_key.clear();
        pending_v1_.clear();
    }
    doc->revision = next.revision;
    doc->saved_ms = now_ms;
    out.status = SaveStatus::Saved;
    out.reason.clear();
    return out;
}

std::optional<int64_t> PlanStore::stored_revision() {
    std::string raw;
    if (kv_.get(kPlansKey, &raw) != StoreStatus::Ok) return std::nullopt;
    Json root;
    Diagnostics diag;
    if (!parse_untrusted_json(raw, JsonLimits{kMaxPlansBytes, kMaxPlansDepth}, &root, &diag) || !root.is_object()) return std::nullopt;
    auto format = root.find("format"), version = root.find("version"), revision = root.find("revision");
    if (format == root.end() || version == root.end() || revision == root.end()) return std::nullopt;
    if (!format->is_string() || format->get_ref<const std::string&>() != kPlansFormat) return std::nullopt;
    if (!version->is_number_integer() || version->get<long long>() != kPlansVersion) return std::nullopt;
    if (!revision->is_number_integer() || revision->get<long long>() < 0) return std::nullopt;
    return int64_t(revision->get<long long>());
}

std::vector<std::string> PlanStore::backups() {
    std::vector<std::string> keys = kv_.keys(kBackupKeyPrefix);
    cm::stable_sort(keys);
    return keys;
}

bool PlanStore::read_backup(const std::string& key, std::string* value) {
    return is_backup_key(key) && kv_.get(key, value) == StoreStatus::Ok;
}

StoreStatus PlanStore::remove_backup(const std::string& key) {
    if (!is_backup_key(key)) return StoreStatus::Failed;
    return kv_.remove(key);
}

StoreStatus PlanStore::delete_everything() {
    pending_v1_.clear();
    StoreStatus first = kv_.remove(kPlansKey);
    if (first == StoreStatus::Missing) first = StoreStatus::Ok;
    if (first == StoreStatus::Unavailable) return first;
    for (const std::string& key : kv_.keys(kAppKeyPrefix)) {
        StoreStatus st = kv_.remove(key);
        if (st != StoreStatus::Ok && st != StoreStatus::Missing && first == StoreStatus::Ok) first = st;
    }
    return first;
}

// [SECTION] Plan files (import)

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
