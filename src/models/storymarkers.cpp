#include "models/storymarkers.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QtMath>

namespace bulletin {

namespace {

constexpr int kSlot = 14; // one marker, in device-independent pixels
constexpr int kGap = 2;
constexpr int kPixelRatio = 2; // drawn at 2x so the markers stay crisp on HiDPI screens

QPainterPath starPath(const QRectF &box)
{
    QPainterPath path;
    const QPointF centre = box.center();
    const qreal outer = box.width() / 2.0;
    const qreal inner = outer * 0.45;
    for (int i = 0; i < 10; ++i) {
        const qreal radius = (i % 2 == 0) ? outer : inner;
        const qreal angle = qDegreesToRadians(-90.0 + i * 36.0);
        const QPointF point(centre.x() + radius * qCos(angle), centre.y() + radius * qSin(angle));
        if (i == 0)
            path.moveTo(point);
        else
            path.lineTo(point);
    }
    path.closeSubpath();
    return path;
}

void paintStar(QPainter &painter, const QRectF &box)
{
    painter.setPen(QPen(QColor(0x8a, 0x66, 0x00), 1.0));
    painter.setBrush(QColor(0xf5, 0xc2, 0x18));
    painter.drawPath(starPath(box));
}

// A white exclamation mark as two shapes (a bar `barTop` below the box's top, `barHeight`
// tall, and a dot `dotUp` above its bottom), to avoid depending on fonts.
void paintExclamation(QPainter &painter, const QRectF &box, qreal barTop, qreal barHeight,
                      qreal dotUp)
{
    const qreal x = box.center().x();
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawRoundedRect(QRectF(x - 1.0, box.top() + barTop, 2.0, barHeight), 0.8, 0.8);
    painter.drawEllipse(QRectF(x - 1.0, box.bottom() - dotUp, 2.0, 2.0));
}

void paintWarning(QPainter &painter, const QRectF &box)
{
    QPainterPath triangle;
    triangle.moveTo(box.center().x(), box.top() + 0.5);
    triangle.lineTo(box.right() - 0.5, box.bottom() - 0.5);
    triangle.lineTo(box.left() + 0.5, box.bottom() - 0.5);
    triangle.closeSubpath();
    painter.setPen(QPen(QColor(0x8a, 0x3f, 0x00), 1.0));
    painter.setBrush(QColor(0xf0, 0x8c, 0x2e));
    painter.drawPath(triangle);
    paintExclamation(painter, box, 4.5, 5.0, 3.6);
}

// One marker alone, square, drawn by `paint` into the slot's box.
template<typename Paint>
QIcon squareIcon(Paint paint)
{
    QPixmap pixmap(QSize(kSlot, kSlot) * kPixelRatio);
    pixmap.setDevicePixelRatio(kPixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    paint(painter, QRectF(0.5, 0.5, kSlot - 1, kSlot - 1));
    painter.end();
    return QIcon(pixmap);
}

void paintError(QPainter &painter, const QRectF &box)
{
    painter.setPen(QPen(QColor(0x7a, 0x12, 0x12), 1.0));
    painter.setBrush(QColor(0xd0, 0x2b, 0x2b));
    painter.drawEllipse(box);
    paintExclamation(painter, box, 2.5, 5.5, 4.0);
}

} // namespace

QSize StoryMarkers::iconSize()
{
    return {2 * kSlot + kGap, kSlot};
}

QIcon StoryMarkers::icon(bool bookmarked, bool advisory) const
{
    QIcon &icon = m_icons[(bookmarked ? 1 : 0) + (advisory ? 2 : 0)];
    if (icon.isNull())
        icon = paint(bookmarked, advisory);
    return icon;
}

QIcon StoryMarkers::bookmarkIcon()
{
    return squareIcon(paintStar);
}

QIcon StoryMarkers::errorIcon() const
{
    if (m_error.isNull())
        m_error = squareIcon(paintError);
    return m_error;
}

QIcon StoryMarkers::paint(bool bookmarked, bool advisory)
{
    const QSize size = iconSize();
    QPixmap pixmap(size * kPixelRatio);
    pixmap.setDevicePixelRatio(kPixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (bookmarked)
        paintStar(painter, QRectF(0.5, 0.5, kSlot - 1, kSlot - 1));
    if (advisory)
        paintWarning(painter, QRectF(kSlot + kGap, 0.5, kSlot - 1, kSlot - 1));
    painter.end();
    return QIcon(pixmap);
}

} // namespace bulletin
