#include "gui/readonlynotice.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>

namespace bulletin {

ReadOnlyNotice::ReadOnlyNotice(QMainWindow *window, const QString &reason)
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

    const QString why = tr("The cache is read-only: %1").arg(reason);
    for (QAction *action : window->findChildren<QAction *>()) {
        if (!writingActions().contains(action->objectName()))
            continue;
        action->setEnabled(false);
        action->setToolTip(why);
        action->setStatusTip(why);
        // The window enables some of them again as the selection changes.
        connect(action, &QAction::changed, this, [action] {
            if (action->isEnabled())
                action->setEnabled(false);
        });
    }
}

const QStringList &ReadOnlyNotice::writingActions()
{
    static const QStringList names = {QStringLiteral("toggleBookmark"), QStringLiteral("toggleRead"),
                                      QStringLiteral("markAllRead"),    QStringLiteral("subscribe"),
                                      QStringLiteral("refreshAll"),     QStringLiteral("refreshSelected"),
                                      QStringLiteral("saveSearch")};
    return names;
}

} // namespace bulletin
