#include "telemetry/UnexpectedBody.h"

#include <algorithm>
#include <cctype>

namespace twin::telemetry {

namespace {

constexpr std::size_t kMaxTitle = 80;

char lower(char c) {
    return char(std::tolower(static_cast<unsigned char>(c)));
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(),
                                                      [](char wanted, char got) { return wanted == lower(got); });
}

std::string_view skipSpaceAndBom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    return text;
}

bool isHtml(std::string_view contentType, std::string_view body) {
    contentType = skipSpaceAndBom(contentType);
    if (startsWithNoCase(contentType, "text/html") || startsWithNoCase(contentType, "application/xhtml+xml"))
        return true;
    const std::string_view start = skipSpaceAndBom(body);
    return startsWithNoCase(start, "<!doctype html") || startsWithNoCase(start, "<html");
}

// The text of the first <title>, white space folded, cut to kMaxTitle; empty without one.
std::string titleOf(std::string_view html) {
    const std::string_view head = html.substr(0, 64 * 1024); // a title sits near the top
    std::string lowered(head);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), lower);
    const std::size_t open = lowered.find("<title");
    const std::size_t textStart = open == std::string::npos ? open : lowered.find('>', open);
    const std::size_t close = textStart == std::string::npos ? textStart : lowered.find("</title", textStart);
    if (close == std::string::npos)
        return {};
    std::string title;
    for (const char c : head.substr(textStart + 1, close - textStart - 1)) {
        const bool space = std::isspace(static_cast<unsigned char>(c));
        if (space && (title.empty() || title.back() == ' '))
            continue;
        title += space ? ' ' : c;
    }
    while (!title.empty() && title.back() == ' ')
        title.pop_back();
    if (title.size() > kMaxTitle)
        title = title.substr(0, kMaxTitle) + "...";
    return title;
}

} // namespace

std::optional<std::string> unexpectedBody(std::string_view contentType, std::string_view body,
                                          ExpectedBody expected) {
    if (isHtml(contentType, body)) {
        const std::string title = titleOf(body);
        return "an HTML page" + (title.empty() ? std::string() : " (\"" + title + "\")") + ", not metrics";
    }
    // Prometheus's own URL given where an exporter's belongs: its API answers JSON, never exposition text.
    if (expected == ExpectedBody::Exposition &&
        (startsWithNoCase(skipSpaceAndBom(contentType), "application/json") ||
         skipSpaceAndBom(body).substr(0, 1) == "{"))
        return std::string("JSON, not exposition text (a Prometheus API URL rather than an exporter's?)");
    return std::nullopt;
}

} // namespace twin::telemetry
