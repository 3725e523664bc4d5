// Schedules as Microsoft Project XML (MSPDI), read and written with Qt's XML streams. A task's entities,
// kind, crew and exact status travel in task text fields that the project names ("Entities", "Kind",
// "Crew", "Status") in its ExtendedAttributes, which is how Project carries custom columns. A file from
// Project without them still imports: its task names are matched to entities, dates give the status.
#include "ScheduleProblems.h"
#include "datamodel/FileOutput.h"
#include "importers/ScheduleExchange.h"

#include <QFile>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>
#include <map>

namespace twin::importers {

namespace {

using datamodel::kNoTime;
using datamodel::TaskStatus;

// Project's own ids for the task fields Text1..Text4.
struct CustomField {
    const char* alias;
    const char* fieldName;
    const char* fieldId;
};
constexpr CustomField kEntities{"Entities", "Text1", "188743731"};
constexpr CustomField kKind{"Kind", "Text2", "188743734"};
constexpr CustomField kCrew{"Crew", "Text3", "188743737"};
constexpr CustomField kStatus{"Status", "Text4", "188743740"};
constexpr const char* kFinishToStart = "1";

std::string text(QXmlStreamReader& xml) {
    return xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed().toStdString();
}

std::string projectTime(datamodel::TimePoint time) {
    std::string text = datamodel::formatTime(time);
    text[10] = 'T';
    return text;
}

// ISO 8601 as Project writes durations: PT<hours>H<minutes>M<seconds>S.
std::string projectDuration(datamodel::TimePoint seconds) {
    return "PT" + std::to_string(seconds / 3600) + "H" + std::to_string(seconds / 60 % 60) + "M" +
           std::to_string(seconds % 60) + "S";
}

// An element's text and the line it is on, for messages that point at the field itself.
struct Field {
    std::string text;
    int line = 0;
};

Field field(QXmlStreamReader& xml) {
    const int line = int(xml.lineNumber());
    return {text(xml), line};
}

struct ReadTask {
    ScheduleTask task;
    Field start, finish, actualStart, actualFinish, uid;
    std::string percentComplete;
    std::vector<Field> predecessorUids;
    std::map<std::string, Field> custom; // field id -> value
};

void readPredecessor(QXmlStreamReader& xml, ReadTask& read) {
    while (xml.readNextStartElement()) {
        if (xml.name() == u"PredecessorUID")
            read.predecessorUids.push_back(field(xml));
        else
            xml.skipCurrentElement();
    }
}

void readCustomValue(QXmlStreamReader& xml, std::map<std::string, Field>& custom) {
    std::string fieldId;
    Field value;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"FieldID")
            fieldId = text(xml);
        else if (xml.name() == u"Value")
            value = field(xml);
        else
            xml.skipCurrentElement();
    }
    custom[fieldId] = value;
}

ReadTask readTaskElement(QXmlStreamReader& xml) {
    ReadTask read;
    read.task.line = int(xml.lineNumber());
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == u"UID")
            read.uid = field(xml);
        else if (name == u"Name")
            read.task.name = text(xml);
        else if (name == u"Start")
            read.start = field(xml);
        else if (name == u"Finish")
            read.finish = field(xml);
        else if (name == u"ActualStart")
            read.actualStart = field(xml);
        else if (name == u"ActualFinish")
            read.actualFinish = field(xml);
        else if (name == u"PercentComplete")
            read.percentComplete = text(xml);
        else if (name == u"PredecessorLink")
            readPredecessor(xml, read);
        else if (name == u"ExtendedAttribute")
            readCustomValue(xml, read.custom);
        else
            xml.skipCurrentElement();
    }
    return read;
}

// The project's definitions of custom fields: alias ("Entities") -> field id.
void readFieldDefinitions(QXmlStreamReader& xml, std::map<std::string, std::string>& fieldByAlias) {
    while (xml.readNextStartElement()) {
        if (xml.name() != u"ExtendedAttribute") {
            xml.skipCurrentElement();
            continue;
        }
        std::string fieldId, alias;
        while (xml.readNextStartElement()) {
            if (xml.name() == u"FieldID")
                fieldId = text(xml);
            else if (xml.name() == u"Alias")
                alias = QString::fromStdString(text(xml)).toLower().toStdString();
            else
                xml.skipCurrentElement();
        }
        if (!alias.empty())
            fieldByAlias[alias] = fieldId;
    }
}

std::optional<std::int64_t> wholeNumber(const std::string& text) {
    bool ok = false;
    const qlonglong value = QString::fromStdString(text).toLongLong(&ok);
    return ok ? std::optional<std::int64_t>(value) : std::nullopt;
}

// Turns what was read into a task, now that the field definitions are known.
ScheduleTask finishTask(ReadTask& read, const std::map<std::string, std::string>& fieldByAlias,
                        ScheduleProblems& problems) {
    ScheduleTask& task = read.task;
    if (const auto uid = wholeNumber(read.uid.text))
        task.id = *uid;
    else
        problems.add(read.uid.line ? read.uid.line : task.line,
                     "UID: '" + read.uid.text + "' is not a whole number");
    auto time = [&](const Field& value, const char* name, bool required = false) {
        return parseScheduleTime(value.text, name, value.line ? value.line : task.line, problems, required);
    };
    task.plannedStart = time(read.start, "Start", true);
    task.plannedEnd = time(read.finish, "Finish", true);
    task.actualStart = time(read.actualStart, "ActualStart");
    task.actualEnd = time(read.actualFinish, "ActualFinish");
    for (const Field& uid : read.predecessorUids) {
        if (const auto value = wholeNumber(uid.text))
            task.predecessors.push_back(*value);
        else
            problems.add(uid.line, "PredecessorUID: '" + uid.text + "' is not a whole number");
    }
    auto custom = [&](const CustomField& wanted) -> const std::string* {
        const auto defined = fieldByAlias.find(QString::fromLatin1(wanted.alias).toLower().toStdString());
        if (defined == fieldByAlias.end())
            return nullptr;
        const auto value = read.custom.find(defined->second);
        return value == read.custom.end() ? nullptr : &value->second.text;
    };
    if (const std::string* entities = custom(kEntities)) {
        task.entities = splitList(*entities);
        task.entitiesLine = read.custom[fieldByAlias.at("entities")].line;
    }
    const std::string* kind = custom(kKind);
    task.kind = kind && !kind->empty() ? *kind : "task";
    if (const std::string* crew = custom(kCrew))
        task.crew = *crew;
    const std::string* status = custom(kStatus);
    if (status && !status->empty()) {
        if (const auto known = datamodel::taskStatusFromName(*status))
            task.status = *known;
        else
            problems.add(task.line,
                         "Status: '" + *status + "' is not one of not_started, in_progress, done, blocked");
    } else {
        task.status = datamodel::taskStatusOf(
            task.actualStart != kNoTime || (!read.percentComplete.empty() && read.percentComplete != "0"),
            task.actualEnd != kNoTime || read.percentComplete == "100");
    }
    return std::move(read.task);
}

} // namespace

ScheduleTable readMsProjectXml(const std::string& path) {
    ScheduleProblems problems(path);
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        throw ScheduleError({path + ": cannot be read: " + file.errorString().toStdString()});
    QXmlStreamReader xml(&file);
    if (!xml.readNextStartElement() || xml.name() != u"Project") {
        problems.add(int(xml.lineNumber()), xml.hasError() ? "not XML: " + xml.errorString().toStdString()
                                                           : "not an MS Project XML file (no <Project>)");
        problems.throwIfAny();
    }
    std::map<std::string, std::string> fieldByAlias;
    std::vector<ReadTask> read;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"ExtendedAttributes") {
            readFieldDefinitions(xml, fieldByAlias);
        } else if (xml.name() == u"Tasks") {
            while (xml.readNextStartElement()) {
                if (xml.name() == u"Task")
                    read.push_back(readTaskElement(xml));
                else
                    xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError()) {
        problems.add(int(xml.lineNumber()), "malformed XML: " + xml.errorString().toStdString());
        problems.throwIfAny();
    }
    ScheduleTable table;
    table.file = path;
    table.namesEntities = fieldByAlias.contains("entities");
    table.tasks.reserve(read.size());
    for (ReadTask& task : read) {
        if (task.uid.text == "0")
            continue; // Project's summary of the whole project, not a task
        table.tasks.push_back(finishTask(task, fieldByAlias, problems));
    }
    checkScheduleTable(table, problems);
    problems.throwIfAny(&table);
    return table;
}

void writeMsProjectXml(const ScheduleTable& table, const std::string& path, const std::string& projectName) {
    // Built in memory and written whole (writeFileAtomically): a full disk leaves no half file.
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument(QStringLiteral("1.0"), true);
    xml.writeDefaultNamespace(QStringLiteral("http://schemas.microsoft.com/project"));
    xml.writeStartElement(QStringLiteral("Project"));
    xml.writeTextElement(QStringLiteral("SaveVersion"), QStringLiteral("14"));
    xml.writeTextElement(QStringLiteral("Name"), QString::fromStdString(projectName));
    xml.writeTextElement(QStringLiteral("ScheduleFromStart"), QStringLiteral("1"));
    datamodel::TimePoint start = std::numeric_limits<datamodel::TimePoint>::max(), finish = kNoTime;
    for (const ScheduleTask& task : table.tasks) {
        start = std::min(start, task.plannedStart);
        finish = std::max(finish, task.plannedEnd);
    }
    if (!table.tasks.empty()) {
        xml.writeTextElement(QStringLiteral("StartDate"), QString::fromStdString(projectTime(start)));
        xml.writeTextElement(QStringLiteral("FinishDate"), QString::fromStdString(projectTime(finish)));
    }
    xml.writeStartElement(QStringLiteral("ExtendedAttributes"));
    for (const CustomField& field : {kEntities, kKind, kCrew, kStatus}) {
        xml.writeStartElement(QStringLiteral("ExtendedAttribute"));
        xml.writeTextElement(QStringLiteral("FieldID"), QLatin1String(field.fieldId));
        xml.writeTextElement(QStringLiteral("FieldName"), QLatin1String(field.fieldName));
        xml.writeTextElement(QStringLiteral("Alias"), QLatin1String(field.alias));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("Tasks"));
    int row = 0;
    for (const ScheduleTask& task : table.tasks) {
        xml.writeStartElement(QStringLiteral("Task"));
        xml.writeTextElement(QStringLiteral("UID"), QString::number(task.id));
        xml.writeTextElement(QStringLiteral("ID"), QString::number(++row));
        xml.writeTextElement(QStringLiteral("Name"), QString::fromStdString(task.name));
        xml.writeTextElement(QStringLiteral("Start"), QString::fromStdString(projectTime(task.plannedStart)));
        xml.writeTextElement(QStringLiteral("Finish"), QString::fromStdString(projectTime(task.plannedEnd)));
        xml.writeTextElement(QStringLiteral("Duration"),
                             QString::fromStdString(projectDuration(task.plannedEnd - task.plannedStart)));
        const int percent = task.status == TaskStatus::Done ? 100 : task.actualStart != kNoTime ? 50 : 0;
        xml.writeTextElement(QStringLiteral("PercentComplete"), QString::number(percent));
        if (task.actualStart != kNoTime)
            xml.writeTextElement(QStringLiteral("ActualStart"),
                                 QString::fromStdString(projectTime(task.actualStart)));
        if (task.actualEnd != kNoTime)
            xml.writeTextElement(QStringLiteral("ActualFinish"),
                                 QString::fromStdString(projectTime(task.actualEnd)));
        for (const std::int64_t predecessor : task.predecessors) {
            xml.writeStartElement(QStringLiteral("PredecessorLink"));
            xml.writeTextElement(QStringLiteral("PredecessorUID"), QString::number(predecessor));
            xml.writeTextElement(QStringLiteral("Type"), QLatin1String(kFinishToStart));
            xml.writeEndElement();
        }
        const std::string entities = joined(task.entities);
        const std::pair<const CustomField*, std::string> values[] = {
            {&kEntities, entities},
            {&kKind, task.kind},
            {&kCrew, task.crew},
            {&kStatus, std::string(datamodel::taskStatusName(task.status))}};
        for (const auto& [field, value] : values) {
            if (value.empty())
                continue;
            xml.writeStartElement(QStringLiteral("ExtendedAttribute"));
            xml.writeTextElement(QStringLiteral("FieldID"), QLatin1String(field->fieldId));
            xml.writeTextElement(QStringLiteral("Value"), QString::fromStdString(value));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    if (const std::string error =
            datamodel::writeFileAtomically(path, {bytes.constData(), std::size_t(bytes.size())});
        !error.empty())
        throw ScheduleError({error});
}

} // namespace twin::importers
