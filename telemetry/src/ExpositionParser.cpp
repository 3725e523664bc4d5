#include "datamodel/Utf8.h"
#include "telemetry/Exposition.h"

#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <thread>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace twin::telemetry {

namespace {

// What a byte may be, looked up once per byte in the hot loops.
enum : std::uint8_t {
    kMetricNameStart = 1 << 0, // [a-zA-Z_:]
    kMetricNameRest = 1 << 1,  // [a-zA-Z0-9_:]
    kLabelNameStart = 1 << 2,  // [a-zA-Z_]
    kLabelNameRest = 1 << 3,   // [a-zA-Z0-9_]
    kTokenEnd = 1 << 4,        // ' ', '\t', '\n': ends a value or timestamp
    kLabelValueStop = 1 << 5,  // '"', '\\', '\n', or a byte >= 0x80: leaves the fast path of a label value
};

constexpr std::array<std::uint8_t, 256> makeByteClasses() {
    std::array<std::uint8_t, 256> classes{};
    for (int c = 0; c < 256; ++c) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        std::uint8_t bits = 0;
        if (letter || c == '_' || c == ':')
            bits |= kMetricNameStart;
        if (letter || digit || c == '_' || c == ':')
            bits |= kMetricNameRest;
        if (letter || c == '_')
            bits |= kLabelNameStart;
        if (letter || digit || c == '_')
            bits |= kLabelNameRest;
        if (c == ' ' || c == '\t' || c == '\n')
            bits |= kTokenEnd;
        if (c == '"' || c == '\\' || c == '\n' || c >= 0x80)
            bits |= kLabelValueStop;
        classes[std::size_t(c)] = bits;
    }
    return classes;
}
constexpr std::array<std::uint8_t, 256> kByteClass = makeByteClasses();

constexpr int kEndOfInput = -1;

// The first byte at or after `pos` that is not of `nameClass` (kMetricNameRest: letters, digits, '_' and
// ':'; kLabelNameRest: the same without ':'). Sixteen bytes per step where SSE2 is there.
std::size_t nameEnd(std::string_view text, std::size_t pos, std::uint8_t nameClass) {
#if defined(__SSE2__)
    const __m128i caseBit = _mm_set1_epi8(0x20);
    const __m128i beforeA = _mm_set1_epi8('a' - 1), afterZ = _mm_set1_epi8('z' + 1);
    const __m128i before0 = _mm_set1_epi8('0' - 1), after9 = _mm_set1_epi8('9' + 1);
    const __m128i underscore = _mm_set1_epi8('_');
    const __m128i colon = _mm_set1_epi8(nameClass == kMetricNameRest ? ':' : '_');
    while (pos + 16 <= text.size()) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
        // Signed compares: bytes >= 0x80 are negative and fall outside every range.
        const __m128i lower = _mm_or_si128(chunk, caseBit);
        const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, beforeA), _mm_cmpgt_epi8(afterZ, lower));
        const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(chunk, before0), _mm_cmpgt_epi8(after9, chunk));
        const __m128i other = _mm_or_si128(_mm_cmpeq_epi8(chunk, underscore), _mm_cmpeq_epi8(chunk, colon));
        const int inName = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), other));
        if (inName != 0xffff)
            return pos + std::size_t(__builtin_ctz(unsigned(~inName)));
        pos += 16;
    }
#endif
    while (pos < text.size() && (kByteClass[static_cast<unsigned char>(text[pos])] & nameClass))
        ++pos;
    return pos;
}

// The first byte at or after `pos` that ends the plain part of a label value: '"', '\\', '\n' or a
// byte >= 0x80 (or the end). Label values are most of a dcgm-exporter scrape's bytes, so this looks
// at 16 bytes per step where SSE2 is there (every x86-64), one at a time elsewhere and at the end.
std::size_t plainLabelValueEnd(std::string_view text, std::size_t pos) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i newline = _mm_set1_epi8('\n');
    while (pos + 16 <= text.size()) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
        const __m128i stops =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)),
                         _mm_cmpeq_epi8(chunk, newline));
        // movemask also takes each byte's top bit: bytes >= 0x80 stop the fast path too.
        const int mask = _mm_movemask_epi8(_mm_or_si128(stops, chunk));
        if (mask != 0)
            return pos + std::size_t(__builtin_ctz(unsigned(mask)));
        pos += 16;
    }
#endif
    while (pos < text.size() && !(kByteClass[static_cast<unsigned char>(text[pos])] & kLabelValueStop))
        ++pos;
    return pos;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char x = a[i] >= 'A' && a[i] <= 'Z' ? char(a[i] - 'A' + 'a') : a[i];
        const char y = b[i] >= 'A' && b[i] <= 'Z' ? char(b[i] - 'A' + 'a') : b[i];
        if (x != y)
            return false;
    }
    return true;
}

// Go's strconv.ParseFloat as prometheus/common calls it: decimal with an optional sign and exponent,
// Inf/Infinity with an optional sign and NaN in any case; no hexadecimal, no underscores.
bool parseGoFloat(std::string_view text, double& value) {
    // Hexadecimal floats and digit separators, which Go would take in some forms, need a 'p' or a '_':
    // neither survives the checks below (from_chars in decimal form stops at them).
    if (text.empty())
        return false;
    std::size_t start = 0;
    const bool negative = text[0] == '-';
    if (text[0] == '+' || text[0] == '-')
        start = 1;
    const std::string_view digits = text.substr(start);
    if (equalsIgnoringCase(digits, "inf") || equalsIgnoringCase(digits, "infinity")) {
        value = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        return true;
    }
    if (start == 0 && equalsIgnoringCase(digits, "nan")) {
        value = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (digits.empty() || !((digits[0] >= '0' && digits[0] <= '9') || digits[0] == '.'))
        return false;
    const char* last = digits.data() + digits.size();
    const auto [end, error] = std::from_chars(digits.data(), last, value, std::chars_format::general);
    if (end != last)
        return false;
    if (error == std::errc::result_out_of_range) {
        // Go returns an error for overflow and rounds underflow to zero (or a subnormal).
        const std::string copy(digits);
        errno = 0;
        value = std::strtod(copy.c_str(), nullptr);
        if (std::isinf(value))
            return false;
    } else if (error != std::errc()) {
        return false;
    }
    if (negative)
        value = -value;
    return true;
}

bool parseGoInt64(std::string_view text, std::int64_t& value) {
    std::size_t start = text.size() > 1 && text[0] == '+' ? 1 : 0;
    if (start == 1 && text[1] == '-')
        return false;
    const char* last = text.data() + text.size();
    const auto [end, error] = std::from_chars(text.data() + start, last, value);
    return error == std::errc() && end == last && text.size() > start;
}

// Go's unicode.IsPrint, near enough for messages: graphic characters and the ASCII space; not the
// controls (C0, DEL, C1), the no-break space, the soft hyphen, the line and paragraph separators and
// the zero-width and direction marks.
bool goPrintable(std::uint32_t c) {
    if (c < 0x80)
        return c >= 0x20 && c < 0x7f;
    if (c < 0xa1 || c == 0xad || c == 0xfeff || (c >= 0x200b && c <= 0x200f) ||
        (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) || (c >= 0xfff9 && c <= 0xfffb) ||
        (c >= 0xe000 && c <= 0xf8ff))
        return false;
    return true;
}

// One code point the way Go's %q writes it inside quotes delimited by `quote`.
void appendGoQuoted(std::string& out, std::uint32_t c, char quote) {
    static constexpr char kHex[] = "0123456789abcdef";
    auto hex = [&](int digits) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
            out += kHex[(c >> shift) & 0xf];
    };
    if (c == std::uint32_t(quote) || c == '\\') {
        out += '\\';
        out += char(c);
        return;
    }
    if (goPrintable(c)) {
        if (c < 0x80) {
            out += char(c);
        } else { // back to UTF-8
            char bytes[4];
            int n = 0;
            if (c < 0x800) {
                bytes[n++] = char(0xc0 | (c >> 6));
            } else if (c < 0x10000) {
                bytes[n++] = char(0xe0 | (c >> 12));
                bytes[n++] = char(0x80 | ((c >> 6) & 0x3f));
            } else {
                bytes[n++] = char(0xf0 | (c >> 18));
                bytes[n++] = char(0x80 | ((c >> 12) & 0x3f));
                bytes[n++] = char(0x80 | ((c >> 6) & 0x3f));
            }
            bytes[n++] = char(0x80 | (c & 0x3f));
            out.append(bytes, std::size_t(n));
        }
        return;
    }
    switch (c) {
    case '\a':
        out += "\\a";
        return;
    case '\b':
        out += "\\b";
        return;
    case '\f':
        out += "\\f";
        return;
    case '\n':
        out += "\\n";
        return;
    case '\r':
        out += "\\r";
        return;
    case '\t':
        out += "\\t";
        return;
    case '\v':
        out += "\\v";
        return;
    default:
        break;
    }
    if (c < 0x20 || c == 0x7f) {
        out += "\\x";
        hex(2);
    } else if (c < 0x10000) {
        out += "\\u";
        hex(4);
    } else {
        out += "\\U";
        hex(8);
    }
}

// Go's %q of a string, as prometheus/common's messages quote what they found: escapes for quotes,
// backslashes and every control, \xNN for each byte that is not UTF-8. A message never carries a raw
// CR, NUL or broken byte to the terminal.
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t c = 0;
        const std::size_t length = datamodel::utf8SequenceAt(text, i, &c);
        if (length == 0) {
            static constexpr char kHex[] = "0123456789abcdef";
            const auto byte = static_cast<unsigned char>(text[i]);
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
            ++i;
            continue;
        }
        appendGoQuoted(out, c, '"');
        i += length;
    }
    return out + "\"";
}

// Go's %q of a byte (prometheus/common's currentByte): a rune literal of the byte's value.
std::string quotedByte(int c) {
    std::string out = "'";
    appendGoQuoted(out, std::uint32_t(static_cast<unsigned char>(c)), '\'');
    return out + "'";
}

// A byte as Go's %c prints it, but escaped when it is not printable (a raw CR would rewrite the line).
std::string unquotedByte(int c) {
    const std::string literal = quotedByte(c);
    return literal.substr(1, literal.size() - 2);
}

std::optional<MetricType> metricTypeNamed(std::string_view name) {
    constexpr std::pair<std::string_view, MetricType> kTypes[] = {
        {"counter", MetricType::Counter},     {"gauge", MetricType::Gauge},
        {"summary", MetricType::Summary},     {"untyped", MetricType::Untyped},
        {"histogram", MetricType::Histogram}, {"gauge_histogram", MetricType::GaugeHistogram}};
    for (const auto& [typeName, type] : kTypes)
        if (equalsIgnoringCase(name, typeName))
            return type;
    return std::nullopt;
}

std::optional<std::string_view> withoutSuffix(std::string_view name, std::string_view suffix) {
    if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix)
        return name.substr(0, name.size() - suffix.size());
    return std::nullopt;
}

struct Family {
    std::string name;
    MetricType type = MetricType::Untyped;
    bool typeKnown = false; // a TYPE line, or a first sample (which fixes it at untyped)
    bool helpKnown = false;
    bool hasSamples = false;
    // Where this part of the text first declared them (0: it did not), for checks across parts.
    std::size_t typeLine = 0, helpLine = 0;
};

// How a part of the text, parsed on its own, found a sample's or comment's family; checked afterwards
// against what the parts before it had declared (see parseInParts).
struct FamilyLookup {
    enum class How { Exact, Base, Created } how;
    std::string name;
};

class Parser {
public:
    Parser(std::string_view text, const ExpositionOptions& options,
           const std::function<void(const Sample&)>& onSample, bool recordLookups = false)
        : text_(text), onSample_(onSample),
          virtualNewline_(!options.strict && !text.empty() && text.back() != '\n'),
          recordLookups_(recordLookups) {}

    // What a part parsed on its own leaves for parseInParts.
    std::map<std::string, Family, std::less<>>& families() { return families_; }
    const std::vector<FamilyLookup>& lookups() const { return lookups_; }
    std::size_t linesRead() const { return line_ - 1; } // after run(), when it found no error

    ExpositionResult run() {
        ExpositionResult result;
        for (;;) {
            ++line_;
            skipBlanks();
            const int c = current();
            if (c == kEndOfInput)
                break;
            if (c == '\n') {
                ++pos_;
                continue;
            }
            const bool ok = c == '#' ? comment() : sampleLine();
            if (!ok)
                break;
        }
        if (error_) {
            result.error = error_;
            return result;
        }
        result.samples = samples_;
        for (const auto& [name, family] : families_)
            result.families += family.hasSamples ? 1 : 0;
        return result;
    }

private:
    std::string_view text_;
    const std::function<void(const Sample&)>& onSample_;
    bool virtualNewline_; // lenient mode, and the text lacks its final newline: one is implied
    bool recordLookups_;
    std::vector<FamilyLookup> lookups_;
    std::size_t pos_ = 0;
    std::size_t line_ = 0;
    std::size_t samples_ = 0;
    std::optional<ExpositionError> error_;
    std::map<std::string, Family, std::less<>> families_;
    std::string_view lastSampleName_; // samples of one family come together: skip the lookup
    Family* lastFamily_ = nullptr;
    std::vector<Label> labels_;
    std::deque<std::string> unescaped_; // label values that had escapes, reused line after line (a deque:
                                        // views into earlier ones stay valid)
    std::size_t unescapedUsed_ = 0;

    int current() const {
        if (pos_ < text_.size())
            return static_cast<unsigned char>(text_[pos_]);
        return pos_ == text_.size() && virtualNewline_ ? '\n' : kEndOfInput;
    }
    void skipBlanks() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t'))
            ++pos_;
    }
    bool fail(std::string message) {
        error_ = ExpositionError{line_, std::move(message)};
        return false;
    }
    bool unexpectedEnd() { return fail("unexpected end of input stream"); }

    // Up to a blank or the end of the line; empty when already there.
    std::string_view tokenUntilWhitespace() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && !(kByteClass[static_cast<unsigned char>(text_[pos_])] & kTokenEnd))
            ++pos_;
        return text_.substr(start, pos_ - start);
    }
    std::string_view restOfLine() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != '\n')
            ++pos_;
        return text_.substr(start, pos_ - start);
    }
    std::string_view nameWhile(std::uint8_t startClass, std::uint8_t restClass) {
        const std::size_t start = pos_;
        if (pos_ >= text_.size() || !(kByteClass[static_cast<unsigned char>(text_[pos_])] & startClass))
            return {};
        pos_ = nameEnd(text_, pos_ + 1, restClass);
        return text_.substr(start, pos_ - start);
    }

    // prometheus/common's setOrCreateCurrentMF: a _sum, _count (or _bucket) sample belongs to the
    // summary (or histogram) of its base name when that family is declared so.
    Family& familyFor(std::string_view name) {
        auto noted = [&](FamilyLookup::How how, Family& family) -> Family& {
            if (recordLookups_)
                lookups_.push_back({how, std::string(name)});
            return family;
        };
        if (auto found = families_.find(name); found != families_.end())
            return noted(FamilyLookup::How::Exact, found->second);
        for (std::string_view suffix : {"_count", "_sum"})
            if (const auto base = withoutSuffix(name, suffix))
                if (auto found = families_.find(*base);
                    found != families_.end() && found->second.type == MetricType::Summary)
                    return noted(FamilyLookup::How::Base, found->second);
        for (std::string_view suffix : {"_bucket", "_count", "_sum"})
            if (const auto base = withoutSuffix(name, suffix))
                if (auto found = families_.find(*base);
                    found != families_.end() && found->second.type == MetricType::Histogram)
                    return noted(FamilyLookup::How::Base, found->second);
        Family& created = families_[std::string(name)];
        created.name = std::string(name);
        return noted(FamilyLookup::How::Created, created);
    }

    bool comment() {
        ++pos_; // '#'
        skipBlanks();
        if (current() == kEndOfInput)
            return unexpectedEnd();
        if (current() == '\n') {
            ++pos_;
            return true;
        }
        const std::string_view keyword = tokenUntilWhitespace();
        if (current() == kEndOfInput)
            return unexpectedEnd();
        if (current() == '\n') {
            ++pos_;
            return true;
        }
        if (keyword != "HELP" && keyword != "TYPE") {
            restOfLine();
            if (current() == kEndOfInput)
                return unexpectedEnd();
            ++pos_;
            return true;
        }
        skipBlanks();
        const std::string_view name = nameWhile(kMetricNameStart, kMetricNameRest);
        if (current() == kEndOfInput)
            return unexpectedEnd();
        if (current() == '\n') {
            ++pos_;
            return true;
        }
        if (current() != ' ' && current() != '\t')
            return fail("invalid metric name in comment");
        Family& family = familyFor(name);
        skipBlanks();
        if (current() == kEndOfInput)
            return unexpectedEnd();
        if (current() == '\n') {
            ++pos_;
            return true;
        }
        if (keyword == "HELP") {
            if (family.helpLine == 0)
                family.helpLine = line_;
            if (family.helpKnown)
                return fail("second HELP line for metric name " + quoted(family.name));
            // The docstring: backslash escapes only \\ and \n.
            while (current() != '\n') {
                if (current() == kEndOfInput)
                    return unexpectedEnd();
                if (current() == '\\') {
                    ++pos_;
                    if (current() == kEndOfInput)
                        return unexpectedEnd();
                    if (current() != '\\' && current() != 'n')
                        return fail("invalid escape sequence '\\" + unquotedByte(current()) + "'");
                }
                ++pos_;
            }
            family.helpKnown = true;
        } else {
            if (family.typeLine == 0)
                family.typeLine = line_;
            if (family.typeKnown)
                return fail("second TYPE line for metric name " + quoted(family.name) +
                            ", or TYPE reported after samples");
            const std::string_view typeName = restOfLine();
            if (current() == kEndOfInput)
                return unexpectedEnd();
            const auto type = metricTypeNamed(typeName);
            if (!type)
                return fail("unknown metric type " + quoted(typeName));
            family.type = *type;
            family.typeKnown = true;
        }
        ++pos_; // '\n'
        return true;
    }

    bool sampleLine() {
        const std::size_t line = line_;
        const std::string_view name = nameWhile(kMetricNameStart, kMetricNameRest);
        if (name.empty())
            return fail("invalid metric name");
        if (name != lastSampleName_ || !lastFamily_) {
            lastFamily_ = &familyFor(name);
            lastSampleName_ = name;
        }
        Family& family = *lastFamily_;
        if (!family.typeKnown) {
            family.typeKnown = true;
            family.type = MetricType::Untyped;
        }
        skipBlanks();
        labels_.clear();
        unescapedUsed_ = 0;
        if (current() == '{') {
            ++pos_;
            if (!labelSet(family))
                return false;
        }
        const std::string_view valueText = tokenUntilWhitespace();
        if (current() == kEndOfInput)
            return unexpectedEnd();
        Sample sample;
        if (!parseGoFloat(valueText, sample.value))
            return fail("expected float as value, got " + quoted(valueText));
        if (current() != '\n') {
            skipBlanks();
            const std::string_view timestampText = tokenUntilWhitespace();
            if (current() == kEndOfInput)
                return unexpectedEnd();
            std::int64_t timestamp = 0;
            if (!parseGoInt64(timestampText, timestamp))
                return fail("expected integer as timestamp, got " + quoted(timestampText));
            sample.timestampMs = timestamp;
            const std::string_view rest = restOfLine();
            if (current() == kEndOfInput)
                return unexpectedEnd();
            if (!rest.empty())
                return fail("spurious string after timestamp: " + quoted(rest));
        }
        ++pos_; // '\n'
        ++samples_;
        family.hasSamples = true;
        if (onSample_) {
            sample.name = name;
            sample.family = family.name;
            sample.type = family.type;
            sample.labels = labels_;
            sample.line = line;
            onSample_(sample);
        }
        return true;
    }

    // After '{': label pairs up to '}', and the blanks after it.
    bool labelSet(const Family& family) {
        for (;;) {
            skipBlanks();
            if (current() == kEndOfInput)
                return unexpectedEnd();
            if (current() == '}') {
                ++pos_;
                skipBlanks();
                return current() == kEndOfInput ? unexpectedEnd() : true;
            }
            const std::string_view labelName = nameWhile(kLabelNameStart, kLabelNameRest);
            if (labelName.empty())
                return fail("invalid label name for metric " + quoted(family.name));
            if (labelName == "__name__")
                return fail("label name \"__name__\" is reserved");
            skipBlanks();
            if (current() == kEndOfInput)
                return unexpectedEnd();
            if (current() != '=')
                return fail("expected '=' after label name, found " + quotedByte(current()));
            // le (histograms) and quantile (summaries) are not labels to prometheus/common: they are
            // not checked for duplicates.
            const bool bucketOrQuantile = (family.type == MetricType::Histogram && labelName == "le") ||
                                          (family.type == MetricType::Summary && labelName == "quantile");
            if (!bucketOrQuantile)
                for (const Label& earlier : labels_)
                    if (earlier.name == labelName)
                        return fail("duplicate label names for metric " + quoted(family.name));
            ++pos_; // '='
            skipBlanks();
            if (current() == kEndOfInput)
                return unexpectedEnd();
            if (current() != '"')
                return fail("expected '\"' at start of label value, found " + quotedByte(current()));
            ++pos_;
            std::string_view value;
            if (!labelValue(value))
                return false;
            if (bucketOrQuantile) {
                double bound = 0.0;
                if (!parseGoFloat(value, bound))
                    return fail(std::string("expected float as value for '") + std::string(labelName) +
                                "' label, got " + quoted(value));
            }
            labels_.push_back(Label{labelName, value});
            skipBlanks();
            if (current() == kEndOfInput)
                return unexpectedEnd();
            if (current() == ',') {
                ++pos_;
                continue;
            }
            if (current() == '}')
                continue; // closed at the top of the loop
            return fail("unexpected end of label value " + quoted(value));
        }
    }

    // After the opening quote: the value up to the closing quote (consumed), unescaped.
    bool labelValue(std::string_view& value) {
        const std::size_t start = pos_;
        // Fast path: plain bytes up to the closing quote, viewed in place.
        pos_ = plainLabelValueEnd(text_, pos_);
        if (pos_ < text_.size() && text_[pos_] == '"') {
            value = text_.substr(start, pos_ - start);
            ++pos_;
            return true;
        }
        // Escapes, a raw newline or non-ASCII bytes: copy into a reused buffer.
        if (unescapedUsed_ == unescaped_.size())
            unescaped_.emplace_back();
        std::string& out = unescaped_[unescapedUsed_++];
        out.assign(text_.substr(start, pos_ - start));
        for (;;) {
            if (pos_ >= text_.size())
                return unexpectedEnd();
            const char c = text_[pos_++];
            if (c == '"')
                break;
            if (c == '\n')
                return fail("label value " + quoted(out) + " contains unescaped new-line");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= text_.size())
                return unexpectedEnd();
            const char escaped = text_[pos_++];
            if (escaped == '"' || escaped == '\\')
                out += escaped;
            else if (escaped == 'n')
                out += '\n';
            else
                return fail("invalid escape sequence '\\" + unquotedByte(escaped) + "'");
        }
        if (!datamodel::isValidUtf8(out))
            return fail("invalid label value " + quoted(out));
        value = out;
        return true;
    }
};

using Families = std::map<std::string, Family, std::less<>>;

// A large exposition without a sample callback (a check, a count) is cut at line boundaries into one
// part per core, each parsed on its own, then joined in order. What a part cannot know on its own is
// what the parts before it declared; it records how it found every family, and the join checks that
// against them. A second TYPE or HELP across parts is the same error a single pass would report, at
// the same line. Where an earlier part's summary or histogram would have changed how a later part
// reads its samples (rare: a family split across parts with such a type), the whole text is parsed
// again in one pass, so the answer is always that of one pass.
constexpr std::size_t kMinimumPartBytes = 4u << 20;

bool joinedAsOnePassWould(Families& before, Parser& part, std::size_t lineOffset,
                          std::optional<ExpositionError>& error) {
    auto isSummaryOrHistogram = [](const Family& family) {
        return family.type == MetricType::Summary || family.type == MetricType::Histogram;
    };
    for (const FamilyLookup& lookup : part.lookups()) {
        if (lookup.how == FamilyLookup::How::Base && before.count(lookup.name))
            return false; // one pass would have found the exact name first
        if (lookup.how == FamilyLookup::How::Created && !before.count(lookup.name)) {
            for (std::string_view suffix : {"_count", "_sum", "_bucket"})
                if (const auto base = withoutSuffix(lookup.name, suffix))
                    if (auto found = before.find(*base);
                        found != before.end() && isSummaryOrHistogram(found->second))
                        return false; // one pass would have put it in that summary or histogram
        }
    }
    std::optional<ExpositionError> acrossParts;
    auto conflict = [&](std::size_t line, std::string message) {
        if (!acrossParts || line < acrossParts->line)
            acrossParts = ExpositionError{line, std::move(message)};
    };
    for (const auto& [name, family] : part.families()) {
        const auto earlier = before.find(name);
        if (earlier == before.end())
            continue;
        if (isSummaryOrHistogram(earlier->second))
            return false;
        if (family.typeLine != 0 && earlier->second.typeKnown)
            conflict(family.typeLine + lineOffset,
                     "second TYPE line for metric name " + quoted(name) + ", or TYPE reported after samples");
        if (family.helpLine != 0 && earlier->second.helpKnown)
            conflict(family.helpLine + lineOffset, "second HELP line for metric name " + quoted(name));
    }
    // The earliest error wins, as in one pass; at the same line the check across parts comes first.
    if (error)
        error->line += lineOffset;
    if (acrossParts && (!error || acrossParts->line <= error->line))
        error = std::move(acrossParts);
    if (error)
        return true;
    for (auto& [name, family] : part.families()) {
        const auto earlier = before.find(name);
        if (earlier == before.end()) {
            before.emplace(name, family);
            continue;
        }
        Family& joined = earlier->second;
        if (!joined.typeKnown && family.typeKnown)
            joined.type = family.type;
        joined.typeKnown = joined.typeKnown || family.typeKnown;
        joined.helpKnown = joined.helpKnown || family.helpKnown;
        joined.hasSamples = joined.hasSamples || family.hasSamples;
    }
    return true;
}

ExpositionResult parseInParts(std::string_view text, const ExpositionOptions& options, std::size_t parts) {
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    for (std::size_t k = 1; k < parts && start < text.size(); ++k) {
        const std::size_t newline = text.find('\n', std::max(start, text.size() * k / parts));
        if (newline == std::string_view::npos)
            break;
        pieces.push_back(text.substr(start, newline + 1 - start));
        start = newline + 1;
    }
    if (start < text.size())
        pieces.push_back(text.substr(start));
    const std::function<void(const Sample&)> noCallback;
    std::vector<std::unique_ptr<Parser>> parsers;
    std::vector<ExpositionResult> results(pieces.size());
    for (std::string_view piece : pieces)
        parsers.push_back(std::make_unique<Parser>(piece, options, noCallback, true));
    std::vector<std::thread> workers;
    for (std::size_t i = 1; i < pieces.size(); ++i)
        workers.emplace_back([&, i] { results[i] = parsers[i]->run(); });
    results[0] = parsers[0]->run();
    for (std::thread& worker : workers)
        worker.join();

    if (results[0].error)
        return results[0];
    ExpositionResult joined;
    Families& families = parsers[0]->families();
    std::size_t lineOffset = parsers[0]->linesRead();
    joined.samples = results[0].samples;
    for (std::size_t i = 1; i < pieces.size(); ++i) {
        if (!joinedAsOnePassWould(families, *parsers[i], lineOffset, results[i].error))
            return Parser(text, options, noCallback).run();
        if (results[i].error)
            return ExpositionResult{0, 0, results[i].error};
        joined.samples += results[i].samples;
        lineOffset += parsers[i]->linesRead();
    }
    for (const auto& [name, family] : families)
        joined.families += family.hasSamples ? 1 : 0;
    return joined;
}

} // namespace

ExpositionResult parseExposition(std::string_view text, const ExpositionOptions& options,
                                 const std::function<void(const Sample&)>& onSample) {
    const std::size_t cores =
        options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    const std::size_t parts = std::min<std::size_t>(cores, text.size() / kMinimumPartBytes);
    if (onSample || parts < 2)
        return Parser(text, options, onSample).run();
    return parseInParts(text, options, parts);
}

} // namespace twin::telemetry
