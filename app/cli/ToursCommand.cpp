// `colossus-twin tours MODEL [--json]`: the model's guided tours, each stop's bookmark, caption and
// dwell (CLI.md: {"tours": [{"name", "stops": [{"bookmark", "caption", "dwell_s"}]}]}).
#include "cli/Console.h"
#include "cli/Subcommands.h"
#include "datamodel/ModelError.h"
#include "datamodel/Store.h"
#include "datamodel/Tours.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace twin::app {

ExitCode runTours(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List a model's guided tours with their stops."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("tours"), QStringLiteral("the subcommand"));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("the model file"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOption(jsonOption);
    if (!parser.parse(arguments))
        return fail(ExitCode::Usage, QStringLiteral("tours: ") + parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() != 1)
        return fail(ExitCode::Usage, QStringLiteral("tours: name one MODEL file"));
    std::vector<datamodel::Tour> tours;
    try {
        tours =
            datamodel::Store::open(positional.first().toStdString(), datamodel::Access::ReadOnly)->tours();
    } catch (const datamodel::ModelError& error) {
        return fail(ExitCode::BadInput, QString::fromStdString(error.what()));
    }
    QJsonArray list;
    QString text;
    for (const datamodel::Tour& tour : tours) {
        QJsonArray stops;
        text +=
            QStringLiteral("%1 (%2 stops)\n").arg(QString::fromStdString(tour.name)).arg(tour.stops.size());
        int position = 0;
        for (const datamodel::TourStop& stop : tour.stops) {
            stops.append(QJsonObject{{QStringLiteral("bookmark"), QString::fromStdString(stop.bookmark.name)},
                                     {QStringLiteral("caption"), QString::fromStdString(stop.caption)},
                                     {QStringLiteral("dwell_s"), stop.dwellSeconds}});
            text += QStringLiteral("  %1. %2 (%3 s): %4\n")
                        .arg(++position)
                        .arg(QString::fromStdString(stop.bookmark.name))
                        .arg(stop.dwellSeconds)
                        .arg(QString::fromStdString(stop.caption));
        }
        list.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(tour.name)},
                                {QStringLiteral("stops"), stops}});
    }
    if (parser.isSet(jsonOption))
        printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("tours"), list}}).toJson(QJsonDocument::Compact)));
    else
        printOut(tours.empty() ? QStringLiteral("no tours") : text.trimmed());
    return ExitCode::Ok;
}

} // namespace twin::app
