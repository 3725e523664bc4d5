// What the editing commands (progress, punch, revert) share: the author (--by, else the login name,
// checked), the time (--at, else now), and an edit applied to the model file in one transaction with
// its refusals as one-line errors (exit 1) that leave the file as it was.
#pragma once

#include "cli/ExitCode.h"
#include "datamodel/Facility.h"
#include "datamodel/edits/Edit.h"

#include <QJsonArray>
#include <QString>
#include <functional>
#include <optional>

class QCommandLineParser;

namespace twin::app {

// --by NAME and --json, added to a parser.
void addEditOptions(QCommandLineParser& parser);
// The author, or nullopt after printing why (exit 1 through `code`).
std::optional<std::string> authorOf(const QCommandLineParser& parser, const char* command, ExitCode& code);
// A time the user gave ("YYYY-MM-DD HH:MM", UTC), or nullopt after printing why.
std::optional<datamodel::TimePoint> timeOf(const QString& text, const char* command, const char* option,
                                           ExitCode& code);
datamodel::TimePoint now();

// The entity `text` names (an id, or a name, hostname, serial or UUID that names one): exact lookups
// first, the search index only for the message when they find nothing.
datamodel::EntityIndex entityNamed(const datamodel::Facility& facility, const QString& text,
                                   const QString& model, QString& error);

// Opens MODEL for writing and runs `write` on it (an edit, a revert). A read-only file, a conflict with
// another writer or a refusal: the message, exit 1, nothing written.
ExitCode writeEdit(const QString& model, const char* command,
                   const std::function<datamodel::EditOutcome(datamodel::FacilityStorage&)>& write,
                   datamodel::EditOutcome& outcome);

QJsonArray idsOf(const std::vector<std::int64_t>& ids);

} // namespace twin::app
