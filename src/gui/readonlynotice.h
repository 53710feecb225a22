#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QAction;

namespace bulletin {

class MainWindow;

// What the window shows over a cache that opened read-only (Database::isReadOnly: a
// read-only mount or folder, an immutable file): a permanent notice in the status bar
// saying why and what still works, "(read-only)" in the title, and the actions that write
// (bookmarking and notes, marking read, subscribing, refreshing, renaming, moving,
// unsubscribing, importing, saving a search) kept disabled with a tooltip that says why,
// even when the window enables them again for a new selection; the advisory banner's
// Dismiss is off too (AdvisoryBanner::setReadOnly). Reading, searching and
// exporting (bookmarks, subscriptions) work as usual.
//
// Child of the window; GUI thread.
class ReadOnlyNotice final : public QObject
{
    Q_OBJECT

public:
    ReadOnlyNotice(MainWindow *window, const QString &reason);

    // The window's actions that write to the cache.
    static QList<QAction *> writingActions(const MainWindow &window);
};

} // namespace bulletin
