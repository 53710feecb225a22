#include "gui/readonlynotice.h"

#include "gui/advisorybanner.h"
#include "gui/bookmarkactions.h"
#include "gui/feedactions.h"
#include "gui/feedpropertiesaction.h"
#include "gui/mainwindow.h"
#include "gui/opmlactions.h"
#include "gui/readingactions.h"
#include "gui/refreshactions.h"

#include <QAction>
#include <QLabel>
#include <QStatusBar>

namespace bulletin {

ReadOnlyNotice::ReadOnlyNotice(MainWindow *window, const QString &reason)
    : QObject(window)
{
    window->setWindowTitle(tr("%1 (read-only)").arg(window->windowTitle()));
    auto *label = new QLabel(tr("Read-only cache: %1. Reading, searching and exporting work; "
                                "nothing can be bookmarked, marked read or refreshed.")
                                 .arg(reason),
                             window);
    label->setObjectName(QStringLiteral("readOnlyNotice"));
    label->setWordWrap(true);
    window->statusBar()->addPermanentWidget(label, 1);

    window->advisoryBanner()->setReadOnly(reason);
    const QString why = tr("The cache is read-only: %1").arg(reason);
    for (QAction *action : writingActions(*window)) {
        action->setEnabled(false);
        action->setToolTip(why);
        action->setStatusTip(why);
        // The window enables some of them again as the selection changes, and words some
        // tooltips by what is selected (bookmarked or not): both are put back.
        connect(action, &QAction::changed, this, [action, why] {
            if (action->isEnabled())
                action->setEnabled(false);
            if (action->toolTip() != why)
                action->setToolTip(why);
        });
    }
}

QList<QAction *> ReadOnlyNotice::writingActions(const MainWindow &window)
{
    const BookmarkActions *bookmarks = window.bookmarkActions();
    const FeedActions *feeds = window.feedActions();
    const RefreshActions *refresh = window.refreshActions();
    const ReadingActions *reading = window.readingActions();
    return {bookmarks->toggleAction(),
            bookmarks->noteAction(),
            reading->toggleReadAction(),
            reading->markAllReadAction(),
            feeds->subscribeAction(),
            refresh->refreshAllAction(),
            refresh->refreshSelectedAction(),
            feeds->renameAction(),
            feeds->moveAction(),
            feeds->removeAction(),
            feeds->alertSourceAction(),
            window.opmlActions()->importAction(),
            window.saveSearchAction(),
            window.feedPropertiesAction()->action()};
}

} // namespace bulletin
