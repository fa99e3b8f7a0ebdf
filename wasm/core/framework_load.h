// Career Matrix core: loading and validating a framework file (format in data/README.md).
#pragma once
#include "framework.h"
#include "json_input.h"

namespace cm {

struct FrameworkLimits {
    JsonLimits json;
    size_t max_expectations = 100000;
    size_t max_levels = 100;
    size_t max_areas = 200;
    size_t max_components = 50;
    size_t max_links = 20;
    size_t id_len = 64, name_len = 200, text_len = 4000, url_len = 2000;
};

// Reads and validates `text`. Returns true and fills `out` (indexed, levels and
// expectations sorted) when the file is valid; otherwise reports every problem
// found into `diag` (whose `file` names the file in each message) and returns false.
bool load_framework(std::string_view text, Framework* out, Diagnostics* diag, const FrameworkLimits& limits = {});

// Reads a framework file from disk and loads it (the command-line tools). Problems
// name the file by its base name. When the file cannot be read (or is over the
// size limit) that is the one problem and *unreadable is set.
bool load_framework_file(const std::string& path, Framework* out, Diagnostics* diag, bool* unreadable = nullptr,
                         const FrameworkLimits& limits = {});

// Writes a framework back in the file format (used by the importer and the
// synthetic-data generator). Hashes are written when `with_hashes` is set.
std::string save_framework(const Framework& fw, bool with_hashes);

bool is_valid_id(std::string_view id, size_t max_len = 64);

}  // namespace cm
