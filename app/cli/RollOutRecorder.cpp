#include "cli/RollOutRecorder.h"

#include "datamodel/Schedule.h"
#include "scene/CameraPath.h"
#include "scene/FacilityScene.h"
#include "scene/OffscreenView.h"
#include "view/ViewPainter.h"

namespace twin::app {

std::vector<RecordingFrame> framesOf(const RecordingPlan& plan) {
    std::vector<RecordingFrame> frames;
    const int perDay = std::max(1, plan.framesPerDay);
    const datamodel::TimePoint slice = datamodel::kSecondsPerDay / perDay;
    const int days = int((plan.lastDay - plan.firstDay) / datamodel::kSecondsPerDay) + 1;
    for (int day = 0; day < days; ++day)
        for (int s = 0; s < perDay; ++s) {
            RecordingFrame frame;
            frame.day = day;
            frame.slice = s;
            frame.from = plan.firstDay + datamodel::TimePoint(day) * datamodel::kSecondsPerDay + s * slice;
            // The last slice runs to the day's end, whatever the division left over.
            frame.shownAt = s + 1 == perDay ? frame.from - s * slice + datamodel::kSecondsPerDay - 1
                                            : frame.from + slice - 1;
            frames.push_back(frame);
        }
    for (std::size_t i = 0; i < frames.size(); ++i)
        frames[i].along = frames.size() > 1 ? double(i) / double(frames.size() - 1) : 0.0;
    return frames;
}

QString frameStampLabel(const RecordingFrame& frame, int framesPerDay) {
    if (framesPerDay <= 1)
        return QString::fromStdString(datamodel::formatDate(frame.from));
    return QString::fromStdString(datamodel::formatTime(frame.shownAt + 1)).left(16);
}

bool recordRollOut(std::shared_ptr<const datamodel::Facility> facility, const RecordingPlan& plan,
                   const std::function<bool(const RecordingFrame&, const QImage&)>& take) {
    scene::OffscreenView view(plan.size);
    scene::FacilityScene facilityScene(facility, view.renderer());
    const datamodel::Schedule schedule(*facility);
    const ColouringSources sources{*facility, schedule};
    ViewPainter painter;
    ViewSettings settings;
    for (const RecordingFrame& frame : framesOf(plan)) {
        const QString when = frameStampLabel(frame, plan.framesPerDay);
        settings.colouring = Colouring{Colouring::By::Timeline, nullptr, TimelineMode::ActualVsPlanned,
                                       frame.from, frame.shownAt};
        settings.camera = scene::turnedAboutFocalPoint(scene::poseAlongPath(plan.path, frame.along),
                                                       plan.orbitDegrees * frame.along);
        painter.paintAll(settings, sources, facilityScene, when); // the detail around the camera too
        view.setCameraPose(*settings.camera);
        if (!take(frame, view.capture()))
            return false;
    }
    return true;
}

} // namespace twin::app
