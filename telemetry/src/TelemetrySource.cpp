#include "telemetry/TelemetrySource.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace twin::telemetry {

namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

std::optional<std::string> validateUrl(const std::string& url) {
    if (!startsWith(url, "http://") && !startsWith(url, "https://"))
        return "must start with http:// or https://";
    const std::size_t hostStart = url.find("://") + 3;
    const std::size_t hostEnd = url.find_first_of("/?#", hostStart);
    const std::string authority =
        url.substr(hostStart, hostEnd == std::string::npos ? std::string::npos : hostEnd - hostStart);
    if (authority.empty())
        return "has no host";
    if (authority.find('@') != std::string::npos)
        return "holds credentials; use the source's authentication (a secret file) instead";
    if (url.find_first_of(" \t\r\n") != std::string::npos)
        return "contains white space";
    return std::nullopt;
}

} // namespace

std::optional<std::string> validateSource(const TelemetrySource& source) {
    if (source.name.empty())
        return std::string("name: empty");
    if (source.urls.empty())
        return std::string("URL: none given");
    if (source.kind == SourceKind::Prometheus && source.urls.size() != 1)
        return std::string("URL: a Prometheus source has one base URL");
    for (std::size_t i = 0; i < source.urls.size(); ++i)
        if (const auto problem = validateUrl(source.urls[i]))
            return (source.urls.size() == 1 ? std::string("URL") : "URL " + std::to_string(i + 1)) + " '" +
                   (source.urls[i].find('@') == std::string::npos ? source.urls[i] : std::string("...")) +
                   "': " + *problem;
    if (source.auth != SourceAuth::None && source.secretFile.empty())
        return std::string("secret file: needed for this authentication");
    if (source.auth == SourceAuth::BasicPasswordFile && source.user.empty())
        return std::string("user: needed for basic authentication");
    for (const std::string* label :
         {&source.hostLabel, &source.gpuLabel, &source.uuidLabel, &source.rackLabelName})
        if (!label->empty() &&
            (!(std::isalpha(static_cast<unsigned char>((*label)[0])) || (*label)[0] == '_') ||
             label->find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") !=
                 std::string::npos))
            return "label names: '" + *label + "' is not a Prometheus label name";
    return std::nullopt;
}

SourceClient clientOptionsFor(const TelemetrySource& source) {
    SourceClient client;
    client.options.verifyPeer = source.verifyTls;
    client.options.caFile = source.caFile;
    if (source.auth == SourceAuth::None)
        return client;
    struct stat status {};
    if (::stat(source.secretFile.c_str(), &status) != 0) {
        client.error = source.secretFile + ": cannot read the secret file";
        return client;
    }
    if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        client.error = source.secretFile + ": others can read this secret file; chmod 600 it";
        return client;
    }
    std::ifstream file(source.secretFile, std::ios::binary);
    std::ostringstream content;
    content << file.rdbuf();
    std::string secret = content.str();
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r'))
        secret.pop_back(); // editors end files with a newline; it is not part of the secret
    if (!file || secret.empty()) {
        client.error = source.secretFile + ": the secret file is empty or unreadable";
        return client;
    }
    if (source.auth == SourceAuth::BearerTokenFile) {
        client.options.bearerToken = std::move(secret);
    } else {
        client.options.basicUser = source.user;
        client.options.basicPassword = std::move(secret);
    }
    return client;
}

MappingRules mappingRulesFor(const TelemetrySource& source) {
    MappingRules rules;
    if (!source.hostLabel.empty())
        rules.hostnameLabels = {source.hostLabel};
    if (!source.gpuLabel.empty())
        rules.gpuIndexLabels = {source.gpuLabel};
    if (!source.uuidLabel.empty())
        rules.uuidLabels = {source.uuidLabel};
    if (!source.rackLabelName.empty())
        rules.rackLabels = {source.rackLabelName};
    return rules;
}

QueryTarget queryTargetFor(const TelemetrySource& source) {
    QueryTarget target;
    if (!source.hostLabel.empty())
        target.hostnameLabel = source.hostLabel;
    if (!source.gpuLabel.empty())
        target.gpuLabel = source.gpuLabel;
    target.rackLabel = source.kind == SourceKind::Prometheus && source.rackLabel;
    return target;
}

std::string testUrl(const TelemetrySource& source) {
    if (source.urls.empty())
        return {};
    std::string base = source.urls.front();
    if (source.kind == SourceKind::Exporters)
        return base;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    return base + "/api/v1/status/buildinfo";
}

} // namespace twin::telemetry
