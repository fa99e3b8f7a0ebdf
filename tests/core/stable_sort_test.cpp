#include "stable_sort.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace {

TEST(StableSort, KeepsEqualElementsInTheirOrder) {
    std::vector<std::pair<int, std::string>> v = {{2, "a"}, {1, "b"}, {2, "c"}, {1, "d"}, {0, "e"}, {2, "f"}};
    cm::stable_sort(v, [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::pair<int, std::string>> want = {{0, "e"}, {1, "b"}, {1, "d"}, {2, "a"}, {2, "c"}, {2, "f"}};
    EXPECT_EQ(v, want);
}

TEST(StableSort, DefaultOrderAndATail) {
    std::vector<std::string> v = {"pear", "apple", "fig"};
    cm::stable_sort(v);
    EXPECT_EQ(v, (std::vector<std::string>{"apple", "fig", "pear"}));
    std::vector<int> w = {9, 8, 5, 3, 4, 1};
    cm::stable_sort_from(w, 2);  // only from the third element on
    EXPECT_EQ(w, (std::vector<int>{9, 8, 1, 3, 4, 5}));
    std::vector<int> empty, one = {7};
    cm::stable_sort(empty);
    cm::stable_sort(one);
    cm::stable_sort_from(w, 6);
    EXPECT_EQ(one, std::vector<int>{7});
}

TEST(StableSort, MovesElementsThatCannotBeCopied) {
    std::vector<std::unique_ptr<int>> v;
    for (int i : {3, 1, 2}) v.push_back(std::make_unique<int>(i));
    cm::stable_sort(v, [](const auto& a, const auto& b) { return *a < *b; });
    EXPECT_EQ(*v[0], 1);
    EXPECT_EQ(*v[1], 2);
    EXPECT_EQ(*v[2], 3);
}

TEST(StableSort, ItemsFirstForWhichThePredicateHolds) {
    std::vector<int> v = {1, 2, 3, 4, 5, 6};
    cm::stable_partition(v, [](int x) { return x % 2 == 0; });
    EXPECT_EQ(v, (std::vector<int>{2, 4, 6, 1, 3, 5}));
}

}  // namespace
