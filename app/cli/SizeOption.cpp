#include "cli/SizeOption.h"

#include "datamodel/Time.h"

#include <QRegularExpression>
#include <cmath>

namespace twin::app {

std::optional<QSize> parseImageSize(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})[xX](\\d{1,5})$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const int width = match.captured(1).toInt();
    const int height = match.captured(2).toInt();
    if (width < kMinImageSide || height < kMinImageSide || width > kMaxImageSide || height > kMaxImageSide)
        return std::nullopt;
    return QSize(width, height);
}

std::optional<double> parseBoundedNumber(const QString& text, double lowest, double highest) {
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < lowest || value > highest)
        return std::nullopt;
    return value;
}

std::optional<std::int64_t> parseCalendarDay(const QString& text) {
    if (text.size() != 10) // parseTime takes times of day too
        return std::nullopt;
    return datamodel::parseTime(text.toStdString());
}

} // namespace twin::app
