// Tests of wasm/core/synthetic: frameworks N times larger, for the benchmarks.
#include "framework_load.h"
#include "synthetic.h"

#include <gtest/gtest.h>

#include <set>

namespace {

cm::Framework default_framework() {
    cm::Diagnostics diag;
    cm::Framework fw;
    EXPECT_TRUE(cm::load_framework_file(CM_SOURCE_DIR "/data/infrastructure.json", &fw, &diag)) << diag.to_string();
    return fw;
}

TEST(Synthetic, IsNTimesLargerAndLoadsAgain) {
    cm::Framework base = default_framework();
    cm::Framework big = cm::synthetic_framework(base, 10);
    EXPECT_EQ(big.expectations.size(), base.expectations.size() * 10);
    EXPECT_EQ(big.levels.size(), base.levels.size());
    EXPECT_EQ(big.areas.size(), base.areas.size());
    cm::Diagnostics diag;
    cm::Framework loaded;
    ASSERT_TRUE(cm::load_framework(cm::save_framework(big, false), &loaded, &diag)) << diag.to_string();
    std::set<std::string> ids;
    for (const cm::Expectation& e : loaded.expectations) EXPECT_TRUE(ids.insert(e.id).second) << "duplicate id " << e.id;
}

TEST(Synthetic, CopyZeroIsTheOriginalAndGrowthStaysInsideEachCopy) {
    cm::Framework base = default_framework();
    cm::Framework big = cm::synthetic_framework(base, 3);
    for (const cm::Expectation& e : base.expectations) {
        int i = big.find_expectation(e.id);
        ASSERT_GE(i, 0) << e.id;
        EXPECT_EQ(big.expectations[size_t(i)].text, e.text);
    }
    size_t differing = 0;
    for (const cm::Expectation& e : big.expectations) {
        if (e.extends < 0) continue;
        const cm::Expectation& from = big.expectations[size_t(e.extends)];
        // Ids of copy k end with ".s<k>": an expectation and what it grew from share the suffix.
        auto suffix = [](const std::string& id) { size_t p = id.rfind(".s"); return p == std::string::npos ? std::string() : id.substr(p); };
        EXPECT_EQ(suffix(e.id), suffix(from.id)) << e.id << " extends " << from.id;
        EXPECT_LT(big.levels[size_t(from.level)].order, big.levels[size_t(e.level)].order);
    }
    for (const cm::Expectation& e : big.expectations)
        if (e.id.find(".s1") != std::string::npos && base.find_expectation(e.id.substr(0, e.id.size() - 3)) >= 0 &&
            e.text != base.expectations[size_t(base.find_expectation(e.id.substr(0, e.id.size() - 3)))].text)
            differing++;
    EXPECT_GT(differing, base.expectations.size() / 2) << "copies vary their words";
}

TEST(Synthetic, IsDeterministic) {
    cm::Framework base = default_framework();
    EXPECT_EQ(cm::save_framework(cm::synthetic_framework(base, 4), true), cm::save_framework(cm::synthetic_framework(base, 4), true));
}

}  // namespace
