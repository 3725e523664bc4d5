// Opening the model a query command reads (find, inspect, impact): read-only, checked as `info` checks
// it, and the one-line error ("FILE: ...") when it is not a sound model. Also how those commands name
// an entity: by its id, or by anything `find` matches exactly once.
#pragma once

#include "cli/ExitCode.h"
#include "datamodel/Facility.h"

#include <QString>
#include <QStringList>
#include <memory>

class QCommandLineParser;

namespace twin::datamodel {
class SearchIndex;
}

namespace twin::app {

// Empty on success, else the error to print.
QString loadModel(const QString& path, std::shared_ptr<const datamodel::Facility>& facility);

// The entity `text` names: an id of the model, else the one entity it matches exactly (name, hostname,
// serial, UUID). On failure kNoEntity and `error` says why, quoting the text ("no entity 'X' in
// MODEL", "'X' is ambiguous: ...").
datamodel::EntityIndex resolveEntity(const datamodel::Facility& facility, const datamodel::SearchIndex& index,
                                     const QString& text, const QString& modelPath, QString& error);

// inspect and impact: MODEL ENTITY [--json] (and the caller's own options, added before) parsed, the
// model loaded and the entity resolved. Ok, or the exit code after printing why; --help prints the
// help and `helpShown` says so (the caller then returns Ok).
struct QueryInput {
    std::shared_ptr<const datamodel::Facility> facility;
    datamodel::EntityIndex entity = datamodel::kNoEntity;
    bool helpShown = false;
};
ExitCode readQuery(const char* name, QCommandLineParser& parser, const QStringList& arguments,
                   QueryInput& input);

} // namespace twin::app
