#pragma once

#include "services/opmlservice.h"
#include "services/refreshresult.h"
#include "services/subscriptionservice.h"
#include "storage/records.h"

#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QProgressBar;
class QTimer;
class QToolButton;
class QWidget;

namespace bulletin {

class Cache;
class FeedPurger;
class RefreshService;
class StoryController;

// Everything the user does with subscriptions: subscribe (by feed or web page address, into a
// folder), refresh all / the selected feed or folder, stop a refresh, rename, move,
// unsubscribe, delete a folder, and OPML import/export. The dialogs only gather input (the
// Subscribe dialog also follows the service to its outcome, so an error or a page's choice
// of feeds is shown where the user is looking); the work is in the public functions (which
// the tests call) and in the services, which never block the GUI thread. Refresh progress shows in progressWidget(), meant for the status bar.
//
// Without a RefreshService (a window built without network access) the refresh and
// subscribe actions stay disabled; managing subscriptions and OPML still work.
class FeedActions final : public QObject
{
    Q_OBJECT

public:
    // Without a purger an unsubscribed feed's stories stay in the cache, hidden with it, until
    // a window that has one starts.
    FeedActions(Cache &cache, StoryController &controller, RefreshService *refresh,
                SubscriptionService *subscriptions, FeedPurger *purger, QWidget *dialogParent,
                QObject *parent = nullptr);

    QAction *subscribeAction() const { return m_subscribe; }
    QAction *refreshAllAction() const { return m_refreshAll; }
    QAction *refreshSelectedAction() const { return m_refreshSelected; }
    QAction *stopAction() const { return m_stop; }
    QAction *renameAction() const { return m_rename; }
    QAction *moveAction() const { return m_move; }
    QAction *removeAction() const { return m_remove; }
    QAction *alertSourceAction() const { return m_alertSource; }
    QAction *importOpmlAction() const { return m_importOpml; }
    QAction *exportOpmlAction() const { return m_exportOpml; }
    QWidget *progressWidget() const { return m_progress; }

    // The Subscribe dialog with the address filled in (a link dropped on the window), for the
    // user to confirm; nothing without a SubscriptionService.
    void askToSubscribeTo(const QString &address);
    // Imports an OPML file as File ▸ Import Subscriptions does once the file is chosen: the
    // summary in the status bar, a box when nothing or not everything was imported, then a
    // refresh of the new subscriptions.
    void importOpmlFileAndReport(const QString &path);

    // The work behind the actions, without dialogs.
    void subscribe(const SubscriptionService::Request &request);
    void refreshSelected();
    bool rename(const StoryFilter &source, const QString &name);
    bool moveFeed(qint64 feedId, const QStringList &folderPath);
    bool removeFeed(qint64 feedId);     // its stories go; its bookmarks stay
    bool removeFolder(qint64 folderId); // its feeds move to the top level
    // Every story of an alert source is an advisory (user rule); re-evaluates cached stories.
    bool setAlertSource(qint64 feedId, bool alertSource);
    OpmlService::ImportReport importOpmlFile(const QString &path);
    bool exportOpmlFile(const QString &path);

    // Folder paths as the move and subscribe dialogs offer them ("News/Europe"), sorted.
    QStringList folderPaths() const;
    // The path of one folder ("News/Europe"); empty for 0.
    QString pathOfFolder(qint64 folderId) const;

signals:
    void statusMessage(const QString &message);
    void subscribed(qint64 feedId);
    void subscribeFailed(const QString &error);
    // Stories were added or changed (a refresh stored some, a feed was removed, ...).
    void storiesChanged();
    // A refreshed feed stored new or changed stories with advisories (before the batch ends).
    void advisoriesChanged();

private:
    void updateState();
    void askToSubscribe();
    void askToRename();
    void askToMove();
    void askToRemove();
    void chooseOpmlToImport();
    void chooseOpmlToExport();
    void onFeedRefreshed(qint64 feedId, const RefreshResult &result);
    void onRefreshFinished();
    void onProgress(int done, int total);
    void onSubscribed(qint64 feedId, const RefreshResult &result);
    void onSubscribeFailed(const QString &error);
    // Deletes the stories of unsubscribed feeds on the purger's thread; once none are left,
    // the views follow (storiesChanged).
    void purgeRemoved();
    QString sourceName(const StoryFilter &source) const;

    Cache &m_cache;
    StoryController &m_controller;
    QPointer<RefreshService> m_refresh;
    QPointer<SubscriptionService> m_subscriptions;
    FeedPurger *m_purger = nullptr;
    QWidget *m_dialogParent = nullptr;
    bool m_showErrors = true;               // a failed subscription from the dialog gets a box

    QAction *m_subscribe = nullptr;
    QAction *m_refreshAll = nullptr;
    QAction *m_refreshSelected = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_move = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_alertSource = nullptr;
    QAction *m_importOpml = nullptr;
    QAction *m_exportOpml = nullptr;

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
