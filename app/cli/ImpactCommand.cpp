// `colossus-twin impact MODEL ENTITY [--domain cooling|power|network] [--json]`: what loses its supply
// when ENTITY fails (lost), and what only loses its redundancy (degraded: another supply stands).
#include "cli/Console.h"
#include "cli/EntityJson.h"
#include "cli/ModelInput.h"
#include "cli/Subcommands.h"
#include "datamodel/EntityInspector.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace twin::app {

using datamodel::EntityIndex;
using datamodel::Facility;

ExitCode runImpact(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "What fails with an entity: what loses its cooling, power or network (lost), and what keeps a "
        "redundant supply (degraded)."));
    const QCommandLineOption domainOption(
        QStringLiteral("domain"),
        QStringLiteral("cooling, power or network (default: what the entity supplies)."),
        QStringLiteral("D"));
    parser.addOption(domainOption);
    QueryInput input;
    if (const ExitCode code = readQuery("impact", parser, arguments, input);
        code != ExitCode::Ok || input.helpShown)
        return code;
    const Facility& facility = *input.facility;
    const datamodel::EntityInspector inspector(facility);
    std::optional<datamodel::GraphDomain> domain;
    if (parser.isSet(domainOption)) {
        domain = datamodel::graphDomainFromName(parser.value(domainOption).toStdString());
        if (!domain)
            return fail(ExitCode::Usage,
                        QStringLiteral("impact: unknown --domain '%1' (known: cooling, power, network)")
                            .arg(parser.value(domainOption)));
    } else {
        domain = inspector.domainOf(input.entity);
        if (!domain)
            return fail(
                ExitCode::BadInput,
                QStringLiteral("impact: %1 '%2' supplies nothing in cooling, power or network; name a "
                               "--domain to see that")
                    .arg(text(datamodel::entityKindName(facility.kind(input.entity))),
                         text(facility.name(input.entity))));
    }
    const datamodel::Impact impact = inspector.impact(input.entity, *domain);
    QJsonArray lostIds, degradedIds;
    for (EntityIndex e : impact.lost)
        lostIds.append(qint64(facility.entities().id[std::size_t(e)]));
    for (EntityIndex e : impact.degraded)
        degradedIds.append(qint64(facility.entities().id[std::size_t(e)]));
    const QJsonObject lost = countsByKind(facility, impact.lost),
                      degraded = countsByKind(facility, impact.degraded);
    if (parser.isSet(QStringLiteral("json"))) {
        printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("entity"), reference(facility, input.entity)},
                                      {QStringLiteral("domain"), text(datamodel::graphDomainName(*domain))},
                                      {QStringLiteral("lost"), lost},
                                      {QStringLiteral("degraded"), degraded},
                                      {QStringLiteral("lost_ids"), lostIds},
                                      {QStringLiteral("degraded_ids"), degradedIds}})
                .toJson(QJsonDocument::Compact)));
        return ExitCode::Ok;
    }
    const auto summary = [](const QJsonObject& counts) {
        QStringList parts;
        for (auto it = counts.begin(); it != counts.end(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.value().toInteger()).arg(it.key());
        return parts.isEmpty() ? QStringLiteral("nothing") : parts.join(QStringLiteral(", "));
    };
    printOut(QStringLiteral("If %1 %2 fails (%3):\n  lost      %4\n  degraded  %5")
                 .arg(text(datamodel::entityKindName(facility.kind(input.entity))),
                      text(facility.name(input.entity)), text(datamodel::graphDomainName(*domain)),
                      summary(lost), summary(degraded)));
    return ExitCode::Ok;
}

} // namespace twin::app
