#pragma once

#include <QObject>
#include <QString>

class QMainWindow;

namespace bulletin {

// What the window shows over a cache that opened read-only (Database::isReadOnly: a
// read-only mount or folder, an immutable file): a permanent notice in the status bar
// saying why and what still works, "(read-only)" in the title, and the actions that write
// (bookmarking, marking read, subscribing, refreshing, saving a search) kept disabled with
// a tooltip that says why, even when the window enables them again for a new selection.
// Reading, searching and exporting (bookmarks, subscriptions) work as usual.
//
// Child of the window; GUI thread.
class ReadOnlyNotice final : public QObject
{
    Q_OBJECT

public:
    ReadOnlyNotice(QMainWindow *window, const QString &reason);

    // The object names of the window's actions that write to the cache.
    static const QStringList &writingActions();
};

} // namespace bulletin
