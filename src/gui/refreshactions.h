#pragma once

#include "services/refreshresult.h"

#include <QObject>
#include <QPointer>

class QAction;
class QProgressBar;
class QTimer;
class QToolButton;
class QWidget;

namespace bulletin {

class Cache;
class RefreshService;
class StoryController;

// Refreshing subscriptions: Refresh All, Refresh Selected (the feed or folder chosen in the
// sidebar; a sync account's are its server's, see AccountActions) and Stop, and the refresh's
// progress in progressWidget() (a bar with a stop button, meant for the status bar, shown
// while a refresh runs). When a batch ends the status bar says how it went: how many feeds,
// new stories and failures, or how far it got when stopped. The sidebar follows a batch
// feed by feed, a few times a second at most; a new advisory is announced at once.
//
// Without a RefreshService (a window built without network access) the actions stay disabled.
class RefreshActions final : public QObject
{
    Q_OBJECT

public:
    RefreshActions(Cache &cache, StoryController &controller, RefreshService *refresh,
                   QWidget *window, QObject *parent = nullptr);

    QAction *refreshAllAction() const { return m_refreshAll; }
    QAction *refreshSelectedAction() const { return m_refreshSelected; }
    QAction *stopAction() const { return m_stop; }
    QWidget *progressWidget() const { return m_progress; }

    void refreshSelected();

signals:
    void statusMessage(const QString &message);
    // A refresh stored new or changed stories (said once the batch ends).
    void storiesChanged();
    // A refreshed feed stored new or changed stories with advisories (before the batch ends).
    void advisoriesChanged();

private:
    void updateState();
    void onFeedRefreshed(qint64 feedId, const RefreshResult &result);
    void onRefreshFinished();
    void onProgress(int done, int total);

    Cache &m_cache;
    StoryController &m_controller;
    QPointer<RefreshService> m_refresh;

    QAction *m_refreshAll = nullptr;
    QAction *m_refreshSelected = nullptr;
    QAction *m_stop = nullptr;
    QWidget *m_progress = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QToolButton *m_stopButton = nullptr;

    // The batch in flight, for the summary when it ends.
    int m_batchAdded = 0;
    int m_batchFailed = 0;
    int m_batchFeeds = 0;
    int m_batchStopped = 0; // feeds the user's stop left unrefreshed
    bool m_storiesDirty = false;
    bool m_refreshing = false; // between refreshStarted and refreshFinished
    QTimer *m_sidebarTimer = nullptr; // the sidebar follows a batch at most ~3 times a second
};

} // namespace bulletin
