// The key to the colours in force, drawn in the view's lower-left corner (so snapshots carry it too):
// coloured swatches with names (kinds, installation states), or a colour bar from low to high with a
// grey "no data" swatch (values). Drawn as 2D overlay props, which cost no extra render pass. It hides
// itself in a view too small to hold it rather than cover the scene.
#pragma once

#include <QRect>
#include <QString>
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class vtkRenderer;

namespace twin::scene {

struct LegendEntry {
    QString label;
    std::array<unsigned char, 3> colour;
};

class OverlayPanel;

class Legend {
public:
    explicit Legend(vtkRenderer* renderer);
    ~Legend();
    Legend(const Legend&) = delete;
    Legend& operator=(const Legend&) = delete;
    // Hidden while suppressed (a tour's flights), shown again as it was after.
    void setSuppressed(bool suppressed);
    // Its panel, for another to keep clear of (the caption).
    const OverlayPanel* overlayPanel() const;

    void showEntries(const QString& title, std::vector<LegendEntry> entries);
    // `colourAt(t)` for t from 0 (low) to 1 (high); the ends are labelled with low and high. A
    // threshold is marked on the bar with a white tick and named on a line of its own ("Alert above
    // 85"), its entry coming after the no-data one.
    struct Threshold {
        float value;
        QString label;
    };
    void showColourBar(const QString& title, float low, float high,
                       const std::function<std::array<unsigned char, 3>(float)>& colourAt,
                       const LegendEntry& noData, const std::optional<Threshold>& threshold = std::nullopt);

    // Swatches for what is drawn in its own colours whatever the overlay says (supply and return pipes
    // under x-ray), listed after the overlay's own entries; the legend shown is redrawn with them.
    void setOwnColours(std::vector<LegendEntry> entries);

    // What the legend says now (for tests and the status bar): the title, and one entry per swatch
    // (for a colour bar: low, high and the no-data swatch).
    const QString& title() const;
    const std::vector<LegendEntry>& entries() const;
    // Whether it is drawn: false when the view is too small for it.
    bool drawn() const;
    // The panel's rectangle in an image of the view (top row first, pixels), empty when not drawn.
    QRect area(QSize viewSize) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace twin::scene
