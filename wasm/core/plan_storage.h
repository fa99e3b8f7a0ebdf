// Career Matrix core: the saved plans document, its format versions, and the store.
// Plans live in the browser's localStorage, which every page of the handbook's
// origin shares and which other tabs write too. It is a user's document, not a
// cache, so this file never loses a stored value:
//   - anything it cannot read (corrupt, another app's, a newer version's) is
//     moved aside under a backup key before the main key is touched;
//   - an old version is migrated forward only after the old text is safe in a
//     backup, and that backup is removed only once the new text reads back;
//   - a save compares revisions first, so a tab holding an older copy cannot
//     silently overwrite what another tab saved;
//   - every write is read back and checked, and every failure has a status.
// Time is always passed in by callers; nothing here reads a clock.
//
//   [SECTION] Keys and limits
//   [SECTION] The document: decode and encode
//   [SECTION] Plan files (import): the same decoder and version checks
//   [SECTION] The store
#pragma once
#include "dates.h"  // times are stored as ISO 8601
#include "json_input.h"
#include "key_value_store.h"
#include "plan.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cm {

// [SECTION] Keys and limits

inline constexpr const char* kPlansKey = "career-matrix:plans";
inline constexpr const char* kAppKeyPrefix = "career-matrix:";  // every key of this app: delete_everything()
// Backups: kBackupKeyPrefix + "<ISO time>:<reason>", reason one of
// "corrupt", "foreign", "newer", "migrated-from-v1" (-v<n> once there are more versions).
// The time is the caller's now_ms, moved on by 1 ms while the key is taken.
inline constexpr const char* kBackupKeyPrefix = "career-matrix:backup:";

inline constexpr const char* kPlansFormat = "career-matrix-plans";  // version 2 and later
inline constexpr const char* kPlanFormatV1 = "career-matrix-plan";  // version 1: a single plan
inline constexpr int kPlansVersion = 2;                             // the version this app writes

// Past these a document is Corrupt (and an import is refused): a stored value
// that large did not come from this app, and the UI must stay responsive.
inline constexpr size_t kMaxPlansBytes = 4u << 20;
inline constexpr int kMaxPlansDepth = 32;
inline constexpr size_t kMaxPlans = 200;
inline constexpr size_t kMaxItemsPerPlan = 2000;
inline constexpr size_t kMaxNotesBytes = 100 * 1024;  // plan notes and item notes
inline constexpr size_t kMaxEvidenceLinks = 50;       // per item
inline constexpr size_t kMaxPlanNameBytes = 200;
inline constexpr size_t kMaxPlannedTextBytes = 16 * 1024;
inline constexpr size_t kMaxEvidenceTitleBytes = 500;
inline constexpr size_t kMaxUrlBytes = 2000;

// [SECTION] The document: decode and encode

// The stored document (format version 2):
//   {"format":"career-matrix-plans","version":2,"revision":N,"savedAt":"<ISO>",
//    "activePlan":"<id>","plans":[<plan>...]}
// a plan:
//   {"id","name","framework","frameworkVersion","currentLevel","targetLevel","notes",
//    "createdAt","updatedAt","exportedAt","items":[{"expectation","hash","text","level","area",
//    "status","notes","evidence":[{"title","url"}],"targetDate"}]}
// Every field is written but "exportedAt" (only once the plan was exported). On
// read, item "notes", "evidence", "targetDate", an evidence "title", plan "notes"
// and "exportedAt" may be missing; unknown fields are ignored.
struct PlanDocument {
    // The revision of the stored copy this document was loaded from or last
    // saved as (0: never stored). It is the base of PlanStore::save's
    // compare-and-swap: the app never changes it, a successful save advances it.
    int64_t revision = 0;
    std::string active_plan;  // a plan id, or "" (an id naming no plan is kept; the app falls back to the first)
    std::vector<Plan> plans;
    int64_t saved_ms = 0;     // when the stored copy was written
    bool operator==(const PlanDocument&) const = default;
};

enum class DecodeStatus : uint8_t {
    Ok,        // the current version, valid
    Migrated,  // an older version, valid, converted to the current one (not yet stored)
    Corrupt,   // not JSON, wrong shape, invalid values, over the limits
    Foreign,   // valid JSON without our "format" value (another app's data)
    Newer,     // our format, saved by a newer version of the app
};
const char* decode_status_name(DecodeStatus s);  // "ok", "migrated", "corrupt", "foreign", "newer"

struct DecodeResult {
    DecodeStatus status = DecodeStatus::Corrupt;
    PlanDocument document;  // usable for Ok and Migrated; empty otherwise
    std::string reason;     // for anything but Ok, one human-readable sentence
    int version = 0;        // the format version found (0 when there was none)
};

// Decodes a stored value. Version 1 documents are migrated; `fw` (may be null)
// fills the migrated items' hash, text, level and area when the plan's framework is `fw`.
DecodeResult decode_plans(std::string_view text, const Framework* fw);

// Deterministic compact JSON; invalid UTF-8 in strings is replaced, never fatal.
std::string encode_plans(const PlanDocument& doc);

// Building blocks shared with export.cpp (the plan export file).
// decode_plans_json classifies and reads an already parsed document, reporting
// every problem into `diag` with its JSON pointer.
DecodeResult decode_plans_json(const Json& root, const Framework* fw, Diagnostics* diag);
// Reads one plan object (the shape above) at `pointer`; false when anything was reported.
bool plan_from_json(const Json& j, const std::string& pointer, Plan* out, Diagnostics* diag);
nlohmann::ordered_json plan_to_json(const Plan& plan);

// [SECTION] Plan files (import)

// The export file written by export.h's plan_export_json.
inline constexpr const char* kPlanExportFormat = "career-matrix-plan-export";
inline constexpr int kPlanExportVersion = 2;

struct ImportPlanResult {
    std::vector<Plan> plans;  // empty whenever there is a problem: never a partly valid file
    Diagnostics diagnostics;  // "plan.json:/plan/items/3/status: unknown status \"finished\""
    int version = 0;          // the format version of the file
    bool migrated = false;    // the file was an older version, converted
    bool ok() const { return diagnostics.ok(); }
};

// Accepts a plan export (version 2), a whole stored document (version 2: all
// its plans) or a version-1 document (migrated; `fw` pins its items' texts when
// the plan is for it). Same limits as storage. Plan ids are kept as in the file:
// on a clash the app decides (replace, or copy under fresh_plan_id()).
ImportPlanResult import_plan_json(std::string_view text, const Framework* fw, std::string_view file_name = "plan.json");


// [SECTION] The store

enum class LoadStatus : uint8_t {
    Empty,             // nothing stored yet: an empty document
    Loaded,            // the stored document, as is
    Migrated,          // an older version, migrated and stored (the backup was verified, then removed)
    MigratedNotSaved,  // migrated in memory only: a write failed (see `store`); the old value is still stored
    Corrupt,           // the stored value was unreadable: moved aside (see backup_key), empty document
    Foreign,           // another app's data under our key: moved aside, empty document
    Newer,             // saved by a newer version of the app: moved aside, empty document
    Unavailable,       // storage cannot be read (see `store`): the app runs in memory
};
const char* load_status_name(LoadStatus s);

struct LoadOutcome {
    LoadStatus status = LoadStatus::Empty;
    PlanDocument document;            // always usable (possibly empty)
    StoreStatus store = StoreStatus::Ok;  // the storage operation that failed, if one did
    std::string reason;               // why the stored value was not used as is
    std::string backup_key;           // where the stored value was moved ("" when not moved)
    std::string raw;                  // the stored text (for every status but Empty/Loaded/Unavailable), for a download
    int version = 0;                  // the format version found
    // The app must not save during this session: storage is unavailable, or an
    // unreadable value could not be moved aside and is still under the main key.
    bool read_only = false;
};

enum class SaveStatus : uint8_t {
    Saved,          // written, read back, verified; the document's revision advanced
    Conflict,       // the stored copy is not the one this document is based on: nothing written
    QuotaExceeded,  // storage is full: nothing written
    Unavailable,    // storage is unavailable: nothing written
    Failed,         // anything else, including a read-back that did not match
};
const char* save_status_name(SaveStatus s);

struct SaveOutcome {
    SaveStatus status = SaveStatus::Failed;
    StoreStatus store = StoreStatus::Ok;  // the storage operation that failed, if one did
    std::string reason;                   // for anything but Saved, one sentence
    // Conflict: what is stored now. `stored` is its decoded document (empty when
    // stored_status is Corrupt, Foreign or Newer). To adopt it, call load() again.
    DecodeStatus stored_status = DecodeStatus::Ok;
    PlanDocument stored;
    // save_overwriting() over a value that was not ours: where that value was kept.
    std::string backup_key;
};

// The plans in a KeyValueStore (localStorage in the browser). One PlanStore per
// tab; its only state is the old version's text after MigratedNotSaved, so a
// later save can finish that migration.
//
// Other tabs: on a `storage` event for kPlansKey, the app calls load() again if
// it has no unsaved edits, and otherwise marks a conflict (compare
// stored_revision() with its document's revision to skip events that changed nothing).
class PlanStore {
public:
    explicit PlanStore(KeyValueStore& kv) : kv_(kv) {}

    LoadOutcome load(const Framework* fw, int64_t now_ms);

    // Compare-and-swap on doc->revision. On Saved, doc->revision and saved_ms
    // are updated; on any other status *doc is unchanged.
    SaveOutcome save(PlanDocument* doc, int64_t now_ms);
    // "Keep mine" after a Conflict: writes with revision max(stored, base) + 1.
    // A stored value that is not a readable document of ours is first kept in a backup.
    SaveOutcome save_overwriting(PlanDocument* doc, int64_t now_ms);

    // The revision stored now, if a current-version document is stored (cheap: no validation).
    std::optional<int64_t> stored_revision();

    std::vector<std::string> backups();  // keys, sorted (oldest first)
    bool read_backup(const std::string& key, std::string* value);
    StoreStatus remove_backup(const std::string& key);

    // "Delete my data": the main key and every key starting with kAppKeyPrefix.
    StoreStatus delete_everything();

private:
    SaveOutcome save_impl(PlanDocument* doc, int64_t now_ms, bool overwrite);
    StoreStatus write_checked(const std::string& key, const std::string& value, bool* written);
    StoreStatus write_document(const PlanDocument& doc, bool* written, std::string* reason);
    StoreStatus make_backup(const std::string& from_key, const std::string& reason, int64_t now_ms, std::string* key);

    KeyValueStore& kv_;
    std::string pending_v1_;  // the stored version-1 text after MigratedNotSaved
};

}  // namespace cm
