// A tour stop's caption, large, centred at the bottom of the view, as a presenter's lower third: one
// or two lines, its type sized to the view's width so that a recording at 640x360 holds it as well as
// a 1920x1080 screen. The window's tour playback and `record --tour` both draw it.
#pragma once

#include <QRect>
#include <QString>
#include <memory>

class vtkRenderer;

namespace twin::scene {

class Legend;

class Caption {
public:
    explicit Caption(vtkRenderer* renderer);
    ~Caption();
    Caption(const Caption&) = delete;
    Caption& operator=(const Caption&) = delete;
    // Hidden while suppressed (a tour's flights), shown again as it was after.
    void setSuppressed(bool suppressed);

    // Kept beside the legend, or above it, never over it.
    void keepClearOf(const Legend& legend);
    // Shows `text` for a view `viewWidth` pixels wide (device pixels); empty text hides it.
    void show(const QString& text, int viewWidth);
    void hide();
    const QString& text() const; // "" when hidden
    int pointSize() const;       // pixels of its type, 0 when hidden
    bool drawn() const;
    QRect area(QSize viewSize) const;

    // The type size for a view this wide: a 1920-pixel screen gets 40 px, read from three metres.
    static int typeSizeFor(int viewWidth);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace twin::scene
