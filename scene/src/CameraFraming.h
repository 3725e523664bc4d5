// Where the camera goes when the user asks to "see everything": one definition for the interactive
// views, the keyboard reset and offscreen snapshots, so they all agree.
#pragma once

class vtkRenderer;

namespace twin::scene {

// Looks at everything visible from above and to the south-west, z up (the facility frame),
// close enough that the bounds fill the view.
void frameAllFromDefaultDirection(vtkRenderer* renderer);

} // namespace twin::scene
