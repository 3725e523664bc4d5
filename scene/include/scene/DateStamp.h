// The timeline's date, large, in the view's upper-right corner, as 4D tools stamp their frames: the day
// (and hour when zoomed in) on the first line, what is shown on the second ("day 111, 43,520 of
// 100,000 GPUs installed"). Snapshots and recordings carry it too. Hides itself in a view too small
// to hold it.
#pragma once

#include <QRect>
#include <QString>
#include <memory>

class vtkRenderer;

namespace twin::scene {

class DateStamp {
public:
    explicit DateStamp(vtkRenderer* renderer);
    ~DateStamp();
    DateStamp(const DateStamp&) = delete;
    DateStamp& operator=(const DateStamp&) = delete;
    // Hidden while suppressed (a tour's flights), shown again as it was after.
    void setSuppressed(bool suppressed);

    void show(const QString& headline, const QString& detail);
    void hide();
    // What it says ("" when hidden), whether it is drawn, and where in an image of the view (top row
    // first, pixels; empty when not drawn).
    const QString& headline() const;
    const QString& detail() const;
    bool drawn() const;
    QRect area(QSize viewSize) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace twin::scene
