// A small stand-in data hall shown until a facility model is loaded: a floor, rows of racks with
// their CDUs, overhead trays and the supply/return pipes below. Built with instancing, as the real
// scene will be.
#pragma once

class vtkRenderer;

namespace twin::scene {

class ViewWidget;

struct DemoSceneCounts {
    int racks = 0;
    int cdus = 0;
    int trays = 0;
    int pipes = 0;
};

// Adds the demo hall to `renderer` and returns how many of each thing it placed.
DemoSceneCounts populateDemoScene(vtkRenderer* renderer);
// Into the view's own renderer (for app/, which never touches VTK objects).
DemoSceneCounts populateDemoScene(ViewWidget& view);

} // namespace twin::scene
