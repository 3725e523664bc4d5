#include "gui/live/SourceSettings.h"

#include <QSettings>
#include <QStringList>

namespace twin::app {

namespace {
const QString kGroup = QStringLiteral("telemetry/sources");
const QString kActive = QStringLiteral("telemetry/activeSource");

QString kindName(telemetry::SourceKind kind) {
    return kind == telemetry::SourceKind::Prometheus ? QStringLiteral("prometheus")
                                                     : QStringLiteral("exporters");
}

QString authName(telemetry::SourceAuth auth) {
    switch (auth) {
    case telemetry::SourceAuth::BearerTokenFile:
        return QStringLiteral("bearer-token-file");
    case telemetry::SourceAuth::BasicPasswordFile:
        return QStringLiteral("basic-password-file");
    case telemetry::SourceAuth::None:
        break;
    }
    return QStringLiteral("none");
}
} // namespace

SourceSettings SourceSettings::load() {
    QSettings settings;
    SourceSettings result;
    const int count = settings.beginReadArray(kGroup);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        telemetry::TelemetrySource source;
        source.name = settings.value(QStringLiteral("name")).toString().toStdString();
        source.kind = settings.value(QStringLiteral("kind")).toString() == QLatin1String("exporters")
                          ? telemetry::SourceKind::Exporters
                          : telemetry::SourceKind::Prometheus;
        for (const QString& url : settings.value(QStringLiteral("urls")).toStringList())
            source.urls.push_back(url.toStdString());
        const QString auth = settings.value(QStringLiteral("auth")).toString();
        source.auth = auth == QLatin1String("bearer-token-file") ? telemetry::SourceAuth::BearerTokenFile
                      : auth == QLatin1String("basic-password-file")
                          ? telemetry::SourceAuth::BasicPasswordFile
                          : telemetry::SourceAuth::None;
        source.user = settings.value(QStringLiteral("user")).toString().toStdString();
        source.secretFile = settings.value(QStringLiteral("secretFile")).toString().toStdString();
        source.verifyTls = settings.value(QStringLiteral("verifyTls"), true).toBool();
        source.caFile = settings.value(QStringLiteral("caFile")).toString().toStdString();
        source.rackLabel = settings.value(QStringLiteral("rackLabel"), false).toBool();
        source.hostLabel = settings.value(QStringLiteral("hostLabel")).toString().toStdString();
        source.gpuLabel = settings.value(QStringLiteral("gpuLabel")).toString().toStdString();
        source.uuidLabel = settings.value(QStringLiteral("uuidLabel")).toString().toStdString();
        source.rackLabelName = settings.value(QStringLiteral("rackLabelName")).toString().toStdString();
        result.sources.push_back(std::move(source));
    }
    settings.endArray();
    result.active = settings.value(kActive).toString();
    return result;
}

void SourceSettings::save() const {
    QSettings settings;
    settings.remove(kGroup);
    settings.beginWriteArray(kGroup, int(sources.size()));
    for (int i = 0; i < int(sources.size()); ++i) {
        const telemetry::TelemetrySource& source = sources[std::size_t(i)];
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), QString::fromStdString(source.name));
        settings.setValue(QStringLiteral("kind"), kindName(source.kind));
        QStringList urls;
        for (const std::string& url : source.urls)
            urls << QString::fromStdString(url);
        settings.setValue(QStringLiteral("urls"), urls);
        settings.setValue(QStringLiteral("auth"), authName(source.auth));
        settings.setValue(QStringLiteral("user"), QString::fromStdString(source.user));
        settings.setValue(QStringLiteral("secretFile"), QString::fromStdString(source.secretFile));
        settings.setValue(QStringLiteral("verifyTls"), source.verifyTls);
        settings.setValue(QStringLiteral("caFile"), QString::fromStdString(source.caFile));
        settings.setValue(QStringLiteral("rackLabel"), source.rackLabel);
        settings.setValue(QStringLiteral("hostLabel"), QString::fromStdString(source.hostLabel));
        settings.setValue(QStringLiteral("gpuLabel"), QString::fromStdString(source.gpuLabel));
        settings.setValue(QStringLiteral("uuidLabel"), QString::fromStdString(source.uuidLabel));
        settings.setValue(QStringLiteral("rackLabelName"), QString::fromStdString(source.rackLabelName));
    }
    settings.endArray();
    settings.setValue(kActive, active);
}

std::optional<telemetry::TelemetrySource> SourceSettings::activeSource() const {
    for (const telemetry::TelemetrySource& source : sources)
        if (!active.isEmpty() && QString::fromStdString(source.name) == active)
            return source;
    return std::nullopt;
}

} // namespace twin::app
