// How fast a shown view repaints: the one measurement loop behind every frames-per-second figure.
#pragma once

namespace twin::scene {
class ViewWidget;
}

namespace twin::bench {

// Waits until the view's window is on screen; false after ten seconds without it.
bool waitUntilExposed(scene::ViewWidget& view);
// Repaints as fast as it goes for `seconds` (after a few warm-up frames) and returns frames per second.
double measureFramesPerSecond(scene::ViewWidget& view, double seconds);

} // namespace twin::bench
