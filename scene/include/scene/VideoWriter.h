// A video of rendered frames, for executive updates beside the PNG sequence: Ogg Theora through VTK's
// vtkOggTheoraWriter (the encoder Debian's VTK ships; no FFmpeg module is packaged).
#pragma once

#include <QImage>
#include <QString>
#include <memory>

namespace twin::scene {

class VideoWriter {
public:
    // Opens `path` (.ogv) for frames of `size` at `framesPerSecond`.
    VideoWriter(const QString& path, QSize size, int framesPerSecond);
    ~VideoWriter();
    VideoWriter(const VideoWriter&) = delete;
    VideoWriter& operator=(const VideoWriter&) = delete;

    // Appends a frame (scaled to the video's size if it differs). False, with error(), on failure.
    bool addFrame(const QImage& frame);
    // Ends the stream and closes the file; the error, or empty. Called by the destructor if need be.
    QString finish();
    QString error() const { return error_; }
    int frames() const { return frames_; }

private:
    struct Private;
    std::unique_ptr<Private> d;
    QString error_;
    int frames_ = 0;
};

} // namespace twin::scene
