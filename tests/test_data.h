// Shared by the native tests: reading the repository's files and loading
// frameworks, with failures reported to the current GoogleTest test.
#pragma once

#include "framework_load.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace test_data {

// The whole file, byte for byte; "" (and a failure of the current test) when it cannot be read.
inline std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        ADD_FAILURE() << "cannot read " << path;
        return "";
    }
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// The framework in `text`; the current test fails, with the loader's problems, when it is not valid.
inline cm::Framework load(const std::string& text) {
    cm::Diagnostics diag;
    cm::Framework fw;
    EXPECT_TRUE(cm::load_framework(text, &fw, &diag)) << diag.to_string();
    return fw;
}

// The shipped data, data/infrastructure.json, read once.
inline const std::string& infrastructure_text() {
    static const std::string text = read_file(CM_SOURCE_DIR "/data/infrastructure.json");
    return text;
}

// The shipped data loaded, once.
inline const cm::Framework& infrastructure() {
    static const cm::Framework fw = load(infrastructure_text());
    return fw;
}

}  // namespace test_data
