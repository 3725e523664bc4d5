#include "gui/workbench/InspectorText.h"

#include "datamodel/edits/Edit.h"
#include "gui/window/Utf8.h"

#include <QCoreApplication>
#include <QLocale>
#include <QUrl>
#include <cmath>

namespace twin::app {

namespace {

using datamodel::EntityIndex;
using datamodel::Facility;

QString tr(const char* text) {
    return QCoreApplication::translate("twin::app::InspectorText", text);
}

QString escaped(std::string_view text) {
    return utf8(text).toHtmlEscaped();
}

QString kindText(const Facility& f, EntityIndex e) {
    return utf8(datamodel::entityKindName(f.kind(e))).replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString link(const Facility& f, EntityIndex e) {
    return QStringLiteral("<a href=\"entity:%1\">%2</a>").arg(e).arg(escaped(f.name(e)));
}

QString date(datamodel::TimePoint time) {
    return time == datamodel::kNoTime ? QStringLiteral("-")
                                      : QString::fromStdString(datamodel::formatTime(time)).left(16);
}

QString row(const QString& label, const QString& value) {
    return QStringLiteral("<tr><td style='color:#666;padding-right:10px'>%1</td><td>%2</td></tr>")
        .arg(label, value);
}

// Nearest first, a link each; a run of more than three of one kind and subtype folded into a count
// with its first member ("64 spine switches: H1-SPINE193 ...").
QString chain(const Facility& f, const std::vector<EntityIndex>& upstream) {
    if (upstream.empty())
        return tr("(none)");
    QStringList links;
    const auto group = [&f](EntityIndex e) {
        return std::pair(f.kind(e), f.entities().subtype[std::size_t(e)]);
    };
    for (std::size_t i = 0; i < upstream.size();) {
        std::size_t end = i;
        while (end < upstream.size() && group(upstream[end]) == group(upstream[i]))
            ++end;
        if (end - i > 3) {
            const std::string_view subtype = f.entities().subtype[std::size_t(upstream[i])];
            links << tr("%1 %2%3 (%4 ...)")
                         .arg(end - i)
                         .arg(subtype.empty() ? QString() : escaped(subtype) + QLatin1Char(' '),
                              kindText(f, upstream[i]), link(f, upstream[i]));
        } else {
            for (std::size_t j = i; j < end; ++j)
                links << link(f, upstream[j]);
        }
        i = end;
    }
    return links.join(QStringLiteral(" &larr; "));
}

} // namespace

QString inspectorHtml(const WorkbenchIndexes& indexes, EntityIndex entity,
                      const std::optional<LiveReading>& live,
                      const std::vector<datamodel::AuditRecord>& history) {
    const Facility& f = indexes.facility();
    if (entity == datamodel::kNoEntity || std::size_t(entity) >= f.entityCount())
        return tr(
            "<p style='color:#666'>Select something in the view, the tree or the search field to see what "
            "it is, what it is plugged into, and what cools and feeds it.</p>");
    const datamodel::Inspection found = indexes.inspector->inspect(entity, &f);
    const datamodel::EntityColumns& e = f.entities();
    const std::size_t i = std::size_t(entity);
    QString html =
        QStringLiteral("<h3 style='margin:0'>%1 <span style='color:#666;font-weight:normal'>%2</span></h3>")
            .arg(escaped(f.name(entity)), kindText(f, entity));
    // Breadcrumbs: the site down to the parent, each a link.
    QStringList crumbs;
    for (std::size_t p = 0; p + 1 < found.path.size(); ++p)
        crumbs << link(f, found.path[p]);
    if (!crumbs.isEmpty())
        html +=
            QStringLiteral("<p style='margin-top:2px'>%1</p>").arg(crumbs.join(QStringLiteral(" &rsaquo; ")));

    html += QStringLiteral("<table>");
    html += row(tr("Id"), QString::number(e.id[i]));
    if (!e.hostname[i].empty())
        html += row(tr("Hostname"), escaped(e.hostname[i]));
    if (!e.serial[i].empty())
        html += row(tr("Serial"), escaped(e.serial[i]));
    if (!e.uuid[i].empty())
        html += row(tr("UUID"), escaped(e.uuid[i]));
    if (!e.model[i].empty())
        html += row(tr("Model"), escaped(e.model[i]));
    if (!e.subtype[i].empty())
        html += row(tr("Type"), escaped(e.subtype[i]));
    if (e.slot[i] >= 0)
        html += row(tr("Slot"), QString::number(e.slot[i]));
    const datamodel::Pose& pose = e.pose[i];
    html += row(tr("Size"), tr("%1 x %2 x %3 m")
                                .arg(pose.width, 0, 'f', 2)
                                .arg(pose.depth, 0, 'f', 2)
                                .arg(pose.height, 0, 'f', 2));
    html +=
        row(tr("Place"),
            tr("x %1, y %2, z %3 m").arg(pose.x, 0, 'f', 1).arg(pose.y, 0, 'f', 1).arg(pose.z, 0, 'f', 1));
    if (!e.attributes[i].empty())
        html += row(tr("Attributes"), escaped(e.attributes[i]));
    if (live) {
        const QString value =
            std::isnan(live->value) ? tr("no value") : QLocale().toString(double(live->value), 'f', 1);
        html += row(tr("Live"),
                    QStringLiteral("%1: <b>%2</b> <span style='color:%3'>%4</span>")
                        .arg(live->metric.toHtmlEscaped(), value,
                             std::isnan(live->value) ? QStringLiteral("#c0392b") : QStringLiteral("#666"),
                             live->age.toHtmlEscaped()));
    }
    QStringList holds;
    for (const datamodel::EntityKindInfo& info : datamodel::kEntityKinds)
        if (const std::uint32_t count = found.contains[std::size_t(info.kind)]; count > 0)
            holds << QStringLiteral("%1 %2").arg(QLocale().toString(count),
                                                 utf8(info.name).replace(QLatin1Char('_'), QLatin1Char(' ')));
    if (!holds.isEmpty())
        html += row(tr("Holds"), holds.join(QStringLiteral(", ")));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h4>%1</h4>").arg(tr("Cooling upstream")) + chain(f, found.coolingUpstream);
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Power upstream")) + chain(f, found.powerUpstream);
    // The feeds into it and into its parts (a rack's power shelves, a server's PSUs): side and rating.
    const datamodel::FeedColumns& feeds = f.feeds();
    QStringList feedRows;
    for (std::size_t feed = 0; feed < feeds.size(); ++feed) {
        const EntityIndex to = feeds.to[feed];
        if (to != entity && f.parent(to) != entity)
            continue;
        feedRows << QStringLiteral("%1 &rarr; %2: %3, %4 kW")
                        .arg(link(f, feeds.from[feed]), link(f, to),
                             tr("feed %1").arg(utf8(datamodel::powerFeedName(feeds.feed[feed]))),
                             QString::number(double(feeds.ratingKw[feed]), 'f', 0));
    }
    if (!feedRows.isEmpty())
        html += QStringLiteral("<p style='margin:4px 0 0 0'>%1<br>%2</p>")
                    .arg(tr("Feeds (side, rating):"), feedRows.join(QStringLiteral("<br>")));
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Network upstream")) + chain(f, found.networkUpstream);

    const datamodel::CableColumns& cables = f.cables();
    html += QStringLiteral("<h4>%1 (%2)</h4>").arg(tr("Connections")).arg(found.cables.size());
    if (!found.cables.empty()) {
        html += QStringLiteral("<table>");
        for (const datamodel::CableEnd& end : found.cables) {
            QStringList trays;
            for (EntityIndex tray : cables.route.row(end.cable))
                trays << link(f, tray);
            html +=
                QStringLiteral(
                    "<tr><td>%1 port %2</td><td>&rarr; %3 port %4</td><td>%5 %6G, %7 m%8</td></tr>")
                    .arg(link(f, end.near), QString::number(end.port), link(f, end.farEnd),
                         QString::number(end.farPort), utf8(datamodel::cableTypeName(cables.type[end.cable])),
                         QString::number(cables.speedGbps[end.cable]),
                         QString::number(double(cables.lengthM[end.cable]), 'f', 1),
                         trays.isEmpty() ? QString() : tr(", along ") + trays.join(QStringLiteral(", ")));
        }
        html += QStringLiteral("</table>");
    }

    const datamodel::TaskColumns& tasks = f.tasks();
    html += QStringLiteral("<h4>%1 (%2)</h4>").arg(tr("Tasks")).arg(found.tasks.size());
    if (!found.tasks.empty()) {
        html +=
            QStringLiteral("<table><tr style='color:#666'><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                .arg(tr("Task"), tr("Status"), tr("Planned"), tr("Actual"));
        for (std::uint32_t t : found.tasks)
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3 - %4</td><td>%5 - %6</td></tr>")
                        .arg(escaped(tasks.name[t]), utf8(datamodel::taskStatusName(tasks.status[t])),
                             date(tasks.plannedStart[t]), date(tasks.plannedEnd[t]),
                             date(tasks.actualStart[t]), date(tasks.actualEnd[t]));
        html += QStringLiteral("</table>");
    }
    const datamodel::NoteColumns& notes = f.notes();
    if (!found.notes.empty()) {
        html += QStringLiteral("<h4>%1 (%2)</h4><ul>").arg(tr("Notes")).arg(found.notes.size());
        for (std::uint32_t n : found.notes)
            html += QStringLiteral("<li>%1 <span style='color:#666'>(%2, %3)</span></li>")
                        .arg(escaped(notes.text[n]), escaped(notes.author[n]),
                             notes.closedAt[n] == datamodel::kNoTime ? tr("open") : tr("closed"));
        html += QStringLiteral("</ul>");
    }
    if (!history.empty()) {
        // What was recorded on it, newest first: who, when, what, from what to what; each revertable.
        html += QStringLiteral("<h4>%1</h4><ul style='margin-left:-20px'>")
                    .arg(tr("History (latest %1)").arg(history.size()));
        for (const datamodel::AuditRecord& line : history) {
            QString change;
            if (line.task != 0) {
                const auto before = datamodel::taskFieldsFromJson(line.before);
                const auto after = datamodel::taskFieldsFromJson(line.after);
                change = escaped(line.taskName) +
                         (before && after ? QStringLiteral(": %1 &rarr; %2")
                                                .arg(utf8(datamodel::taskStatusName(before->status)),
                                                     utf8(datamodel::taskStatusName(after->status)))
                                          : QString());
            } else if (line.note != 0) {
                const auto after =
                    line.after.empty() ? std::nullopt : datamodel::noteFieldsFromJson(line.after);
                change = tr("punch item %1 %2").arg(line.note).arg(escaped(line.detail)) +
                         (after ? QStringLiteral(": %1").arg(utf8(datamodel::noteStatusName(after->status)))
                                : tr(": deleted"));
            } else {
                change = escaped(line.detail);
            }
            // A list, not a table: it wraps in a narrow dock instead of scrolling sideways.
            html += QStringLiteral(
                        "<li><span style='color:#666'>%1 %2:</span> %3, %4 <a href='revert:%5'>%6</a></li>")
                        .arg(QString::fromStdString(datamodel::formatTime(line.at)).left(16),
                             escaped(line.author), escaped(line.action), change)
                        .arg(line.id)
                        .arg(tr("Revert"));
        }
        html += QStringLiteral("</ul>");
    }
    return html;
}

std::int64_t auditOfLink(const QString& link) {
    if (!link.startsWith(QLatin1String("revert:")))
        return 0;
    bool ok = false;
    const qint64 id = link.mid(7).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

EntityIndex entityOfLink(const QString& link) {
    if (!link.startsWith(QLatin1String("entity:")))
        return datamodel::kNoEntity;
    bool ok = false;
    const int entity = link.mid(7).toInt(&ok);
    return ok && entity >= 0 ? EntityIndex(entity) : datamodel::kNoEntity;
}

} // namespace twin::app
