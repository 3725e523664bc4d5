// The bytes an HttpClient holds for the responses it is reading, all of them together, against one
// budget: without it, every response in flight may grow to the per-response cap, and a few endless
// bodies at once take gigabytes. Internal to HttpClient.cpp (one io thread updates it; atomics so that
// other threads may read the counters).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <string>

namespace twin::telemetry {

class ResponseBudget {
public:
    explicit ResponseBudget(std::size_t limit) : limit_(limit) {}
    std::size_t limit() const { return limit_; }
    std::size_t inFlight() const { return inFlight_; }
    std::size_t peak() const { return peak_; }

    // Takes `more` bytes if they fit under the limit; false, and nothing taken, if not.
    bool take(std::size_t more) {
        std::size_t now = inFlight_.load();
        do {
            if (more > limit_ || now > limit_ - more)
                return false;
        } while (!inFlight_.compare_exchange_weak(now, now + more));
        std::size_t highest = peak_.load();
        while (now + more > highest && !peak_.compare_exchange_weak(highest, now + more)) {
        }
        return true;
    }
    void give(std::size_t bytes) { inFlight_ -= bytes; }

private:
    const std::size_t limit_;
    std::atomic<std::size_t> inFlight_{0};
    std::atomic<std::size_t> peak_{0};
};

// What one response holds of the budget; grown as its buffers grow, given back when it goes.
class BudgetLease {
public:
    explicit BudgetLease(ResponseBudget& budget) : budget_(budget) {}
    ~BudgetLease() { budget_.give(held_); }
    BudgetLease(const BudgetLease&) = delete;
    BudgetLease& operator=(const BudgetLease&) = delete;

    // Holds `bytes` in all from now on (giving back what it held beyond); false, nothing changed, and
    // `refused()`, when the budget has not that much left.
    bool holdExactly(std::size_t bytes) {
        if (bytes <= held_) {
            budget_.give(held_ - bytes);
            held_ = bytes;
            return true;
        }
        if (!budget_.take(bytes - held_)) {
            refused_ = true;
            return false;
        }
        held_ = bytes;
        return true;
    }

    // Makes room in `text` for `more` bytes as std::string would (doubling), but asks first, for the
    // moment both the old and the new buffer exist, and holds the new size after; `others`: what the
    // response holds besides `text`. A string never grows behind the budget's back this way.
    bool reserve(std::string& text, std::size_t more, std::size_t others) {
        if (text.capacity() - text.size() >= more)
            return true;
        const std::size_t grown = std::max(text.size() + more, 2 * text.capacity());
        if (!holdExactly(others + text.capacity() + grown))
            return false;
        text.reserve(grown);
        return holdExactly(others + text.capacity());
    }
    bool refused() const { return refused_; }

private:
    ResponseBudget& budget_;
    std::size_t held_ = 0;
    bool refused_ = false;
};

} // namespace twin::telemetry
