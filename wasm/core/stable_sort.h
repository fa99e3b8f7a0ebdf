// One sort for the core and the views. std::sort and std::stable_sort are
// instantiated once per element type and comparator, 1-4 KB of wasm each; this
// one sorts positions with a single shared instantiation and then moves the
// elements into place. It is stable, so it also serves where equal elements'
// order does not matter. For the vectors here (at most some tens of thousands
// of items) the indirect comparison costs nothing that shows.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace cm {

namespace detail {
using LessAt = bool (*)(const void* context, uint32_t a, uint32_t b);
struct PositionLess {
    LessAt less;
    const void* context;
    bool operator()(uint32_t a, uint32_t b) const { return less(context, a, b); }
};
inline void stable_order(std::vector<uint32_t>& order, LessAt less, const void* context) {
    std::stable_sort(order.begin(), order.end(), PositionLess{less, context});
}
}  // namespace detail

// As std::stable_sort(v.begin() + first, v.end(), less).
template <class T, class Less = std::less<>>
void stable_sort_from(std::vector<T>& v, size_t first, Less less = Less()) {
    if (v.size() < first + 2) return;
    std::vector<uint32_t> order(v.size() - first);
    for (uint32_t i = 0; i < uint32_t(order.size()); i++) order[i] = uint32_t(first) + i;
    struct Context {
        const std::vector<T>* items;
        Less* less;
    } context{&v, &less};
    detail::stable_order(order, [](const void* c, uint32_t a, uint32_t b) {
        const Context& x = *static_cast<const Context*>(c);
        return bool((*x.less)((*x.items)[a], (*x.items)[b]));
    }, &context);
    std::vector<T> sorted;
    sorted.reserve(order.size());
    for (uint32_t i : order) sorted.push_back(std::move(v[i]));
    std::move(sorted.begin(), sorted.end(), v.begin() + long(first));
}

// As std::stable_sort(v.begin(), v.end(), less).
template <class T, class Less = std::less<>>
void stable_sort(std::vector<T>& v, Less less = Less()) {
    stable_sort_from(v, 0, less);
}

// As std::stable_partition: the items for which `first` holds come first, in their order.
template <class T, class Pred>
void stable_partition(std::vector<T>& v, Pred first) {
    stable_sort(v, [&](const T& a, const T& b) { return first(a) && !first(b); });
}

}  // namespace cm
