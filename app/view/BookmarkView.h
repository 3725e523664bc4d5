// A bookmark's view apart from its camera, as the JSON object the model keeps (bookmark.view_state):
// the colouring (by kind, status, a live metric, or the timeline's mode and day), the layers shown,
// x-ray and the selection (by entity id, so that it survives a reload and another file's order).
// The Bookmarks dock saves and restores it; a tour's stops are bookmarks; `record --tour` draws it.
#pragma once

#include "datamodel/Facility.h"
#include "datamodel/Tours.h"
#include "view/ViewSettings.h"

#include <QString>
#include <string>

namespace twin::app {

// `settings` (its camera and impact aside) as JSON text.
std::string bookmarkViewJson(const ViewSettings& settings, const datamodel::Facility& facility);

// `base` with the view `json` holds (its camera untouched). What cannot be restored exactly goes into
// `problems`, naming it ("entity 4711 of the selection is not in the model", "live metric 'x' is not
// known"); the rest still applies. Empty text restores nothing (a camera-only bookmark).
ViewSettings withBookmarkView(ViewSettings base, std::string_view json, const datamodel::Facility& facility,
                              QStringList* problems = nullptr);

// A bookmark of `settings` (camera included) named `name`.
datamodel::Bookmark bookmarkOf(const std::string& name, const ViewSettings& settings,
                               const datamodel::Facility& facility);
// The settings a bookmark shows: `base` with its camera and view.
ViewSettings settingsOf(const datamodel::Bookmark& bookmark, ViewSettings base,
                        const datamodel::Facility& facility, QStringList* problems = nullptr);

} // namespace twin::app
