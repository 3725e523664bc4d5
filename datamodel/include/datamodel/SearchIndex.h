// Find anything by what is written on it: an entity by name, hostname, serial or UUID, a cable by its
// id, a task by its name. Case-insensitive for ASCII letters (labels, hostnames, serials and UUIDs
// are ASCII; other letters match as written); exact matches first, then prefixes, then substrings. Built
// once per loaded model (off the GUI thread), then read by any number of threads: a query touches no
// shared state.
//
// Why hand-written: SQLite's FTS5 tokenises words and cannot do "GPU-89c6" or "r07-k0" as a substring
// without a trigram table the size of the model file, and it would be a query per keystroke through the
// file. One lowercase buffer, a sorted key array for exact and prefix (binary search) and memmem for
// substrings answers a keystroke on the 200,000-GPU model in milliseconds (bench workbench).
#pragma once

#include "datamodel/Facility.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twin::datamodel {

enum class SearchField : std::uint8_t { Name, Hostname, Serial, Uuid, Cable, Task };
enum class MatchQuality : std::uint8_t { Exact, Prefix, Substring };

// What a match points at: an entity (dense index), a cable (row of CableColumns), a task (row of
// TaskColumns).
struct SearchTarget {
    enum class Kind : std::uint8_t { Entity, Cable, Task };
    Kind kind = Kind::Entity;
    std::uint32_t index = 0;
    bool operator==(const SearchTarget&) const = default;
};

struct SearchMatch {
    SearchTarget target;
    SearchField field = SearchField::Name;
    MatchQuality quality = MatchQuality::Exact;
};

struct SearchResult {
    std::size_t count = 0;            // every target that matched (each once, by its best match)...
    bool countIsAtLeast = false;      // ... or at least that many: the search stopped at its count limit
    std::vector<SearchMatch> matches; // the best `limit` of them, best first
};

class SearchIndex {
public:
    SearchIndex() = default;
    explicit SearchIndex(const Facility& facility);

    // `onlyKind`: entities of that kind only (cables and tasks left out). An empty or blank query
    // matches nothing. Cable ids match exactly or as a prefix, never inside another number.
    // `countLimit`: stop counting there (a search field as someone types: "1" matches half the model,
    // and "10,000+ matches" says enough).
    SearchResult search(std::string_view query, std::size_t limit,
                        std::optional<EntityKind> onlyKind = std::nullopt,
                        std::size_t countLimit = std::size_t(-1)) const;

    std::size_t keyCount() const { return keyTarget_.size(); }
    std::size_t memoryBytes() const;

private:
    std::uint32_t targetNumber(SearchTarget target) const;
    SearchTarget targetOf(std::uint32_t number) const;
    std::string_view key(std::uint32_t key) const {
        return std::string_view(text_).substr(keyStart_[key], keyStart_[key + 1] - keyStart_[key] - 1);
    }

    std::string text_;                     // every key lowercased, each followed by '\n'
    std::vector<std::uint32_t> keyStart_;  // where each key starts in text_, and the end
    std::vector<std::uint32_t> keyTarget_; // per key: its target number (entities, then cables, then tasks)
    std::vector<SearchField> keyField_;
    std::vector<std::uint32_t> sorted_; // keys ordered by text
    std::vector<EntityKind> entityKind_;
    std::uint32_t entities_ = 0, cables_ = 0, tasks_ = 0;
};

// The text the match was found in, as written in the model ("GPU-89c60553-...", "H1-R07-K03").
std::string searchValue(const Facility& facility, const SearchMatch& match);
std::string_view searchFieldName(SearchField field); // "name", "hostname", "serial", "uuid", "cable", "task"

} // namespace twin::datamodel
