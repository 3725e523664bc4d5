// Builds compressed sparse rows in two passes (count, then place): O(items + rows), no per-row vectors.
// Used for children, kind lists, task links and the graph adjacency.
#pragma once

#include "datamodel/Facility.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace twin::datamodel {

// Row r of the result holds values[i] for every i < count with rowOf(i) == r, in the order of i.
template <typename T, typename RowOf, typename ValueOf>
Csr<T> groupIntoRows(std::size_t rows, std::size_t count, const RowOf& rowOf, const ValueOf& valueOf) {
    Csr<T> csr;
    csr.start.assign(rows + 1, 0);
    for (std::size_t i = 0; i < count; ++i)
        ++csr.start[std::size_t(rowOf(i)) + 1];
    for (std::size_t r = 0; r < rows; ++r)
        csr.start[r + 1] += csr.start[r];
    csr.items.resize(count);
    std::vector<std::uint32_t> fill(csr.start.begin(), csr.start.end() - 1);
    for (std::size_t i = 0; i < count; ++i)
        csr.items[fill[std::size_t(rowOf(i))]++] = valueOf(i);
    return csr;
}

template <typename T, typename RowOf>
Csr<T> groupIntoRows(std::size_t rows, std::size_t count, const RowOf& rowOf, const std::vector<T>& values) {
    return groupIntoRows<T>(rows, count, rowOf, [&](std::size_t i) { return values[i]; });
}

} // namespace twin::datamodel
