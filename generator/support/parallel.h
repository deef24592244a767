// A minimal fork-join loop over an index range on all cores. Work items must be independent;
// results go to pre-sized slots, so output order never depends on thread timing.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace tsunagu {

inline unsigned default_thread_count() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

// Calls fn(i) for every i in [0, n), spread over `threads` threads (0 = all cores).
// Items are handed out in small chunks so uneven work still balances.
template <class Fn>
void parallel_for(size_t n, Fn&& fn, unsigned threads = 0) {
    if (threads == 0) threads = default_thread_count();
    threads = static_cast<unsigned>(std::min<size_t>(threads, n));
    if (threads <= 1) {
        for (size_t i = 0; i < n; ++i) fn(i);
        return;
    }
    std::atomic<size_t> next{0};
    const size_t chunk = std::max<size_t>(1, n / (threads * 16));
    auto worker = [&] {
        for (;;) {
            const size_t begin = next.fetch_add(chunk);
            if (begin >= n) return;
            const size_t end = std::min(n, begin + chunk);
            for (size_t i = begin; i < end; ++i) fn(i);
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();
}

}  // namespace tsunagu
