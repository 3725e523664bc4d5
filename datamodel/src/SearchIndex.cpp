#include "datamodel/SearchIndex.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace twin::datamodel {

namespace {

char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), lowerAscii);
    return out;
}

bool equalIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lowerAscii(x) == lowerAscii(y); });
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

SearchIndex::SearchIndex(const Facility& facility) {
    const EntityColumns& e = facility.entities();
    const CableColumns& cables = facility.cables();
    const TaskColumns& tasks = facility.tasks();
    entities_ = std::uint32_t(facility.entityCount());
    cables_ = std::uint32_t(cables.size());
    tasks_ = std::uint32_t(tasks.size());
    entityKind_ = e.kind;

    keyStart_.push_back(0);
    const auto add = [this](std::string_view text, std::uint32_t target, SearchField field) {
        if (text.empty())
            return;
        for (char c : text)
            text_.push_back(c == '\n' ? ' ' : lowerAscii(c));
        text_.push_back('\n');
        keyStart_.push_back(std::uint32_t(text_.size()));
        keyTarget_.push_back(target);
        keyField_.push_back(field);
    };
    for (std::uint32_t i = 0; i < entities_; ++i) {
        add(e.name[i], i, SearchField::Name);
        // A server's hostname is usually its name: one key is enough, and the name says it.
        if (!equalIgnoringCase(e.hostname[i], e.name[i]))
            add(e.hostname[i], i, SearchField::Hostname);
        add(e.serial[i], i, SearchField::Serial);
        add(e.uuid[i], i, SearchField::Uuid);
    }
    for (std::uint32_t c = 0; c < cables_; ++c)
        add(std::to_string(cables.id[c]), entities_ + c, SearchField::Cable);
    for (std::uint32_t t = 0; t < tasks_; ++t)
        add(tasks.name[t], entities_ + cables_ + t, SearchField::Task);

    sorted_.resize(keyTarget_.size());
    std::iota(sorted_.begin(), sorted_.end(), 0u);
    std::sort(sorted_.begin(), sorted_.end(), [this](std::uint32_t a, std::uint32_t b) {
        const std::string_view ka = key(a), kb = key(b);
        return ka < kb || (ka == kb && a < b);
    });
    text_.shrink_to_fit();
}

std::uint32_t SearchIndex::targetNumber(SearchTarget target) const {
    switch (target.kind) {
    case SearchTarget::Kind::Entity:
        return target.index;
    case SearchTarget::Kind::Cable:
        return entities_ + target.index;
    case SearchTarget::Kind::Task:
        return entities_ + cables_ + target.index;
    }
    return 0;
}

SearchTarget SearchIndex::targetOf(std::uint32_t number) const {
    if (number < entities_)
        return {SearchTarget::Kind::Entity, number};
    if (number < entities_ + cables_)
        return {SearchTarget::Kind::Cable, number - entities_};
    return {SearchTarget::Kind::Task, number - entities_ - cables_};
}

SearchResult SearchIndex::search(std::string_view rawQuery, std::size_t limit,
                                 std::optional<EntityKind> onlyKind, std::size_t countLimit) const {
    SearchResult result;
    std::string query = lowered(trimmed(rawQuery));
    std::replace(query.begin(), query.end(), '\n', ' '); // as the keys hold it: a hit never spans two keys
    if (query.empty() || keyTarget_.empty())
        return result;
    // Each target once, under its best match: the tiers run best first, so the first match wins.
    std::vector<std::uint64_t> seen((std::size_t(entities_) + cables_ + tasks_ + 63) / 64, 0);
    const auto accept = [&](std::uint32_t k, MatchQuality quality) {
        const std::uint32_t target = keyTarget_[k];
        if (onlyKind && (target >= entities_ || entityKind_[target] != *onlyKind))
            return;
        std::uint64_t& word = seen[target / 64];
        const std::uint64_t bit = std::uint64_t(1) << (target % 64);
        if (word & bit)
            return;
        word |= bit;
        ++result.count;
        if (result.matches.size() < limit)
            result.matches.push_back(SearchMatch{targetOf(target), keyField_[k], quality});
    };
    const auto enough = [&] {
        if (result.count < countLimit || result.matches.size() < limit)
            return false;
        result.countIsAtLeast = true;
        return true;
    };

    // Exact, then prefix: the keys that start with the query are one run of the sorted keys, the
    // equal ones first. A run of moderate size is taken shortest first: "h2-r05-k1" lists the racks
    // K10 to K19 before K10's CDU and tasks (longer runs, a letter or two typed, stay in key order).
    auto run = std::lower_bound(sorted_.begin(), sorted_.end(), query,
                                [this](std::uint32_t k, const std::string& q) { return key(k) < q; });
    const auto startsWithQuery = [&](std::uint32_t k) {
        const std::string_view text = key(k);
        return text.size() >= query.size() && text.compare(0, query.size(), query) == 0;
    };
    constexpr std::size_t kRankedRun = 4096;
    std::vector<std::uint32_t> ranked;
    for (auto at = run; at != sorted_.end() && ranked.size() <= kRankedRun && startsWithQuery(*at); ++at)
        ranked.push_back(*at);
    if (ranked.size() <= kRankedRun) {
        std::stable_sort(ranked.begin(), ranked.end(),
                         [this](std::uint32_t a, std::uint32_t b) { return key(a).size() < key(b).size(); });
        for (auto at = ranked.begin(); at != ranked.end() && !enough(); ++at)
            accept(*at, key(*at).size() == query.size() ? MatchQuality::Exact : MatchQuality::Prefix);
    } else {
        for (; run != sorted_.end() && !enough() && startsWithQuery(*run); ++run)
            accept(*run, key(*run).size() == query.size() ? MatchQuality::Exact : MatchQuality::Prefix);
    }

    // Substrings: one scan of the buffer (memmem), one hit per key, those that start with the query
    // already taken above. A query never holds '\n', so a hit never spans two keys.
    const char* const begin = text_.data();
    const char* const end = begin + text_.size();
    // glibc's memmem (two-way, vectorised): std::boyer_moore_horspool_searcher measured 1.7x slower
    // here, the names sharing most of their letters.
    const char* from = begin;
    while (from < end && !enough()) {
        const void* found = memmem(from, std::size_t(end - from), query.data(), query.size());
        if (!found)
            break;
        const auto at = std::uint32_t(static_cast<const char*>(found) - begin);
        const auto k =
            std::uint32_t(std::upper_bound(keyStart_.begin(), keyStart_.end(), at) - keyStart_.begin() - 1);
        if (keyStart_[k] != at && keyField_[k] != SearchField::Cable)
            accept(k, MatchQuality::Substring);
        from = begin + keyStart_[k + 1]; // the next key
    }
    return result;
}

std::size_t SearchIndex::memoryBytes() const {
    return text_.capacity() + keyStart_.capacity() * sizeof(std::uint32_t) +
           keyTarget_.capacity() * sizeof(std::uint32_t) + keyField_.capacity() * sizeof(SearchField) +
           sorted_.capacity() * sizeof(std::uint32_t) + entityKind_.capacity() * sizeof(EntityKind);
}

std::string searchValue(const Facility& facility, const SearchMatch& match) {
    const std::uint32_t i = match.target.index;
    switch (match.field) {
    case SearchField::Name:
        return std::string(facility.entities().name[i]);
    case SearchField::Hostname:
        return std::string(facility.entities().hostname[i]);
    case SearchField::Serial:
        return std::string(facility.entities().serial[i]);
    case SearchField::Uuid:
        return std::string(facility.entities().uuid[i]);
    case SearchField::Cable:
        return std::to_string(facility.cables().id[i]);
    case SearchField::Task:
        return std::string(facility.tasks().name[i]);
    }
    return {};
}

std::string_view searchFieldName(SearchField field) {
    switch (field) {
    case SearchField::Name:
        return "name";
    case SearchField::Hostname:
        return "hostname";
    case SearchField::Serial:
        return "serial";
    case SearchField::Uuid:
        return "uuid";
    case SearchField::Cable:
        return "cable";
    case SearchField::Task:
        return "task";
    }
    return "name";
}

} // namespace twin::datamodel
