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
    const auto day = [](datamodel::TimePoint time) {
        return QString::fromStdString(datamodel::formatTime(time)).left(10);
    };
    for (const datamodel::Tour& tour : tours) {
        QJsonArray stops;
        text +=
            QStringLiteral("%1 (%2 stops)\n").arg(QString::fromStdString(tour.name)).arg(tour.stops.size());
        int position = 0;
        for (const datamodel::TourStop& stop : tour.stops) {
            const QString bookmark = stop.bookmarkMissing
                                         ? QStringLiteral("bookmark %1, missing").arg(stop.bookmark.id)
                                         : QString::fromStdString(stop.bookmark.name);
            QJsonObject shown{{QStringLiteral("bookmark"), bookmark},
                              {QStringLiteral("caption"), QString::fromStdString(stop.caption)},
                              {QStringLiteral("dwell_s"), stop.dwellSeconds}};
            QString span;
            if (!stop.span.empty() && stop.span.to != datamodel::kNoTime) {
                shown[QStringLiteral("span")] =
                    QJsonObject{{QStringLiteral("from"), day(stop.span.from)},
                                {QStringLiteral("to"), day(stop.span.to)},
                                {QStringLiteral("days_per_second"), stop.span.daysPerSecond}};
                span = QStringLiteral(", timeline %1 to %2 at %3 days/s")
                           .arg(day(stop.span.from), day(stop.span.to))
                           .arg(stop.span.daysPerSecond);
            }
            stops.append(shown);
            text += QStringLiteral("  %1. %2 (%3 s%4): %5\n")
                        .arg(++position)
                        .arg(bookmark)
                        .arg(stop.dwellSeconds)
                        .arg(span, QString::fromStdString(stop.caption));
        }
        QJsonObject shown{{QStringLiteral("name"), QString::fromStdString(tour.name)},
                          {QStringLiteral("stops"), stops}};
        if (const std::string problem = datamodel::tourProblem(tour); !problem.empty()) {
            shown[QStringLiteral("problem")] = QString::fromStdString(problem);
            text += QStringLiteral("  cannot be played: %1\n").arg(QString::fromStdString(problem));
        }
        list.append(shown);
    }
    if (parser.isSet(jsonOption))
        printOut(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("tours"), list}}).toJson(QJsonDocument::Compact)));
    else
        printOut(tours.empty() ? QStringLiteral("no tours") : text.trimmed());
    return ExitCode::Ok;
}

} // namespace twin::app
