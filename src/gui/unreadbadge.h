#pragma once

#include <QIcon>
#include <QObject>

namespace bulletin {

class SidebarModel;

// The unread count as the tray shows it, kept apart from the tray so that it can be checked
// where there is none (offscreen, a desktop without a status notifier host): the count is
// the sidebar's Unread view's, followed as the model changes (a refresh, a story read, Mark
// All Read), and changed() is emitted only when the number itself changes, so the tray is
// not redrawn for every story read elsewhere. The icon is the application's own with the
// count painted over its corner in a red disc (99+ above 99, nothing at 0): a tray icon is
// 16 to 24 pixels, and three digits there are unreadable. GUI thread only; the model must
// outlive the badge.
class UnreadBadge final : public QObject
{
    Q_OBJECT

public:
    explicit UnreadBadge(const SidebarModel &model, QObject *parent = nullptr);

    int count() const { return m_count; }
    // "Bulletin — 12 unread", or "Bulletin — no unread stories".
    QString toolTip() const;
    // The application's icon (QApplication::windowIcon, or a plain one without it) with the
    // count; at several sizes, for the tray to choose.
    QIcon icon() const;

    // What the badge says for a count: "" for 0, "7", "99+".
    static QString badgeText(int count);
    // `base` at `size` pixels with the badge for `count` painted over its top right corner.
    static QPixmap paint(const QIcon &base, int count, int size);

signals:
    void changed(int count);

private:
    void update();

    const SidebarModel &m_model;
    int m_count = -1;
};

} // namespace bulletin
