#include "gui/unreadbadge.h"

#include "models/sidebarmodel.h"

#include <QApplication>
#include <QFont>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace bulletin {

namespace {

constexpr int kIconSizes[] = {16, 22, 24, 32, 48, 64};
constexpr int kMostShown = 99;

// Without an application icon (a test, an unusual build): a plain rounded square, so that
// the badge still has something to sit on.
QPixmap plainIcon(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x2b, 0x5d, 0x9b));
    const qreal margin = size / 8.0;
    painter.drawRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin),
                            size / 6.0, size / 6.0);
    return pixmap;
}

} // namespace

UnreadBadge::UnreadBadge(const SidebarModel &model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    connect(&m_model, &QAbstractItemModel::modelReset, this, &UnreadBadge::update);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &UnreadBadge::update);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &UnreadBadge::update);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &UnreadBadge::update);
    connect(&m_model, &QAbstractItemModel::layoutChanged, this, &UnreadBadge::update);
    update();
}

void UnreadBadge::update()
{
    const QModelIndex unread = m_model.indexFor({StoryFilter::Kind::Unread});
    const int count = std::max(0, unread.data(SidebarModel::CountRole).toInt());
    if (count == m_count)
        return;
    m_count = count;
    emit changed(count);
}

QString UnreadBadge::toolTip() const
{
    if (m_count <= 0)
        return tr("Bulletin \u2014 no unread stories");
    return tr("Bulletin \u2014 %n unread", nullptr, m_count);
}

QString UnreadBadge::badgeText(int count)
{
    if (count <= 0)
        return {};
    if (count > kMostShown)
        return QStringLiteral("%1+").arg(kMostShown);
    return QString::number(count);
}

QPixmap UnreadBadge::paint(const QIcon &base, int count, int size)
{
    QPixmap pixmap = base.isNull() ? plainIcon(size) : base.pixmap(size, size);
    if (pixmap.size() != QSize(size, size))
        pixmap = pixmap.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const QString text = badgeText(count);
    if (text.isEmpty())
        return pixmap;
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    QFont font = QApplication::font();
    font.setBold(true);
    // The digits fill most of the disc's height, whatever the size.
    font.setPixelSize(std::max(6, int(size * (text.size() > 2 ? 0.36 : 0.46))));
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const qreal height = std::min<qreal>(size * 0.62, metrics.height() + 2);
    const qreal width = std::min<qreal>(
        size, std::max(height, metrics.horizontalAdvance(text) + height * 0.5));
    const QRectF disc(size - width, 0, width, height);
    QPainterPath path;
    path.addRoundedRect(disc, height / 2, height / 2);
    painter.setPen(QPen(QColor(Qt::white), std::max(1.0, size / 24.0)));
    painter.setBrush(QColor(0xd0, 0x21, 0x21));
    painter.drawPath(path);
    painter.setPen(Qt::white);
    painter.drawText(disc, Qt::AlignCenter, text);
    return pixmap;
}

QIcon UnreadBadge::icon() const
{
    const QIcon base = QApplication::windowIcon();
    QIcon icon;
    for (int size : kIconSizes)
        icon.addPixmap(paint(base, m_count, size));
    return icon;
}

} // namespace bulletin
