// Tests of wasm/core/framework: the content hash and the find_* look-ups.
#include "framework.h"
#include "framework_load.h"
#include "test_data.h"

#include <gtest/gtest.h>

namespace {

// FNV-1a 64 written out from its definition (offset basis, prime, xor then
// multiply), independent of the code under test.
uint64_t fnv1a64(std::string_view bytes) {
    uint64_t h = 14695981039346656037ull;  // 0xcbf29ce484222325
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;  // 0x100000001b3
    }
    return h;
}

// [SECTION] content_hash

TEST(ContentHash, KnownValues) {
    EXPECT_EQ(fnv1a64("abc"), 0xe71fa2190541574bull);  // the published FNV-1a 64 test vector
    EXPECT_EQ(cm::content_hash("abc"), fnv1a64("abc"));
    EXPECT_EQ(cm::content_hash(""), 0xcbf29ce484222325ull);
    EXPECT_EQ(cm::content_hash("Owns the on-call rotation."), fnv1a64("Owns the on-call rotation."));
    EXPECT_EQ(cm::content_hash("caf\xc3\xa9"), fnv1a64("caf\xc3\xa9"));  // bytes, not characters
}

TEST(ContentHash, WhiteSpaceRunsCollapseAndEndsAreTrimmed) {
    const uint64_t h = fnv1a64("a b c");
    EXPECT_EQ(cm::content_hash("a b c"), h);
    EXPECT_EQ(cm::content_hash("a  b   c"), h);
    EXPECT_EQ(cm::content_hash("a\tb\nc"), h);
    EXPECT_EQ(cm::content_hash("a \r\n\t b\f\vc"), h);
    EXPECT_EQ(cm::content_hash("  a b c"), h);
    EXPECT_EQ(cm::content_hash("a b c \n"), h);
    EXPECT_EQ(cm::content_hash("\n\t a\n\nb c\t\t"), h);
    // Text that is only white space hashes like the empty text.
    EXPECT_EQ(cm::content_hash(" \n\t "), cm::content_hash(""));
}

TEST(ContentHash, AnyOtherChangeChangesTheHash) {
    const std::string base = "Leads incident reviews.";
    const uint64_t h = cm::content_hash(base);
    const char* variants[] = {
        "leads incident reviews.",   // case
        "Leads incident reviews",    // punctuation
        "Leads incident reviews!",
        "Leads incidentreviews.",    // a space removed
        "Leads incident review.",    // a letter removed
        "Leads incident reviews..",  // a letter added
        "Leads  incident reviews.x",
        "Leads incident reviews.\xc2\xa0",  // a no-break space is not white space here
    };
    for (const char* v : variants) EXPECT_NE(cm::content_hash(v), h) << v;
}

// [SECTION] hex

TEST(HashHex, RoundTrip) {
    const uint64_t values[] = {0, 1, 0xe71fa2190541574bull, 0xffffffffffffffffull, 0x0123456789abcdefull,
                               0x8000000000000000ull, cm::content_hash("abc")};
    for (uint64_t v : values) {
        std::string hex = cm::hash_to_hex(v);
        EXPECT_EQ(hex.size(), 16u);
        uint64_t back = ~v;
        EXPECT_TRUE(cm::hash_from_hex(hex, &back)) << hex;
        EXPECT_EQ(back, v) << hex;
    }
    EXPECT_EQ(cm::hash_to_hex(0), "0000000000000000");
    EXPECT_EQ(cm::hash_to_hex(0xe71fa2190541574bull), "e71fa2190541574b");
    EXPECT_EQ(cm::hash_to_hex(0x0123456789abcdefull), "0123456789abcdef");
}

TEST(HashHex, RejectsBadHexAndLeavesOutUntouched) {
    const char* bad[] = {
        "",
        "e71fa2190541574",    // 15 digits
        "e71fa2190541574b0",  // 17
        "E71FA2190541574B",   // upper case
        "e71fa2190541574g",
        "0x71fa2190541574b",
        " e71fa2190541574b",
        "e71fa219-541574b",
    };
    for (const char* s : bad) {
        uint64_t out = 42;
        EXPECT_FALSE(cm::hash_from_hex(s, &out)) << s;
        EXPECT_EQ(out, 42u) << s;
    }
    // A NUL inside the 16 bytes is not a digit either.
    uint64_t out = 42;
    EXPECT_FALSE(cm::hash_from_hex(std::string_view("e71fa219\0541574b", 16), &out));
    EXPECT_EQ(out, 42u);
}

// [SECTION] find_*

class FrameworkFind : public ::testing::Test {
protected:
    void SetUp() override {
        cm::Diagnostics diag;
        diag.file = "infrastructure.json";
        ASSERT_TRUE(cm::load_framework(test_data::infrastructure_text(), &fw, &diag)) << diag.to_string();
    }
    cm::Framework fw;
};

TEST_F(FrameworkFind, FindsEveryIdAtItsIndex) {
    for (size_t i = 0; i < fw.levels.size(); i++) EXPECT_EQ(fw.find_level(fw.levels[i].id), int(i));
    for (size_t i = 0; i < fw.areas.size(); i++) EXPECT_EQ(fw.find_area(fw.areas[i].id), int(i));
    for (size_t i = 0; i < fw.components.size(); i++) EXPECT_EQ(fw.find_component(fw.components[i].id), int(i));
    for (size_t i = 0; i < fw.expectations.size(); i++) EXPECT_EQ(fw.find_expectation(fw.expectations[i].id), int(i));
}

TEST_F(FrameworkFind, KnownIds) {
    EXPECT_EQ(fw.find_level("intern"), 0);
    EXPECT_EQ(fw.find_level("senior"), 3);
    EXPECT_EQ(fw.find_area("accountability"), 0);  // dimensions first
    int values_area = fw.find_area("values");
    ASSERT_GE(values_area, 0);
    EXPECT_EQ(fw.areas[size_t(values_area)].kind, cm::AreaKind::Section);
    // "values" is both a component and a section: separate namespaces.
    int values_component = fw.find_component("values");
    ASSERT_GE(values_component, 0);
    EXPECT_EQ(fw.areas[size_t(values_area)].component, values_component);
    int e = fw.find_expectation("values.collaboration");
    ASSERT_GE(e, 0);
    EXPECT_EQ(fw.expectations[size_t(e)].title, "Collaboration");
}

TEST_F(FrameworkFind, UnknownIdsAreMinusOne) {
    for (std::string_view id : {"", "Senior", "senior ", "nope", "autonomy"}) EXPECT_EQ(fw.find_level(id), -1) << id;
    for (std::string_view id : {"", "Autonomy", "senior", "department"}) EXPECT_EQ(fw.find_area(id), -1) << id;
    for (std::string_view id : {"", "autonomy", "Values"}) EXPECT_EQ(fw.find_component(id), -1) << id;
    for (std::string_view id : {"", "senior", "senior.autonomy", "senior.autonomy.999"}) EXPECT_EQ(fw.find_expectation(id), -1) << id;
}

TEST(Framework, FindOnEmptyFramework) {
    cm::Framework fw;
    EXPECT_EQ(fw.find_level("a"), -1);
    EXPECT_EQ(fw.find_area("a"), -1);
    EXPECT_EQ(fw.find_component("a"), -1);
    EXPECT_EQ(fw.find_expectation("a"), -1);
    fw.index();
    EXPECT_TRUE(fw.cells.empty());
    EXPECT_TRUE(fw.successors.empty());
}

TEST(Framework, IndexBuildsCellsAndSuccessorsByHand) {
    cm::Framework fw;
    fw.levels.resize(2);
    fw.levels[0].id = "a";
    fw.levels[0].order = 1;
    fw.levels[1].id = "b";
    fw.levels[1].order = 2;
    fw.areas.resize(2);
    fw.areas[0].id = "x";
    fw.areas[1].id = "y";
    auto add = [&](const char* id, int level, int area, int extends) {
        cm::Expectation e;
        e.id = id;
        e.level = level;
        e.area = area;
        e.extends = extends;
        fw.expectations.push_back(e);
    };
    add("a.x.1", 0, 0, -1);  // 0
    add("a.x.2", 0, 0, -1);  // 1
    add("a.y.1", 0, 1, -1);  // 2
    add("b.x.1", 1, 0, 0);   // 3
    add("b.x.2", 1, 0, 0);   // 4
    fw.index();
    ASSERT_EQ(fw.cells.size(), 4u);
    EXPECT_EQ(fw.cell(0, 0), (std::vector<int>{0, 1}));
    EXPECT_EQ(fw.cell(0, 1), (std::vector<int>{2}));
    EXPECT_EQ(fw.cell(1, 0), (std::vector<int>{3, 4}));
    EXPECT_TRUE(fw.cell(1, 1).empty());
    ASSERT_EQ(fw.successors.size(), 5u);
    EXPECT_EQ(fw.successors[0], (std::vector<int>{3, 4}));
    EXPECT_TRUE(fw.successors[1].empty());
    EXPECT_TRUE(fw.successors[3].empty());
    // index() rebuilds rather than appends.
    fw.index();
    EXPECT_EQ(fw.cell(0, 0), (std::vector<int>{0, 1}));
    EXPECT_EQ(fw.successors[0], (std::vector<int>{3, 4}));
}

}  // namespace
