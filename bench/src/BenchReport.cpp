#include "bench/BenchReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace twin::bench {

QString BenchReport::toTable() const {
    int caseWidth = 4, metricWidth = 6;
    for (const BenchRow& row : rows) {
        caseWidth = std::max(caseWidth, int(row.caseName.size()));
        metricWidth = std::max(metricWidth, int(row.metric.size()));
    }
    QString text = QStringLiteral("bench: %1\nmachine: %2\n").arg(bench, machine);
    text += QStringLiteral("%1  %2  %3  unit\n")
                .arg(QStringLiteral("case"), -caseWidth)
                .arg(QStringLiteral("metric"), -metricWidth)
                .arg(QStringLiteral("value"), 12);
    for (const BenchRow& row : rows)
        text += QStringLiteral("%1  %2  %3  %4\n")
                    .arg(row.caseName, -caseWidth)
                    .arg(row.metric, -metricWidth)
                    .arg(row.value, 12, 'f', 2)
                    .arg(row.unit);
    return text.trimmed();
}

QString BenchReport::toJson() const {
    QJsonArray jsonRows;
    for (const BenchRow& row : rows)
        jsonRows.append(QJsonObject{{QStringLiteral("case"), row.caseName},
                                    {QStringLiteral("metric"), row.metric},
                                    {QStringLiteral("value"), row.value},
                                    {QStringLiteral("unit"), row.unit}});
    const QJsonObject root{{QStringLiteral("bench"), bench},
                           {QStringLiteral("machine"), machine},
                           {QStringLiteral("rows"), jsonRows}};
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

} // namespace twin::bench
