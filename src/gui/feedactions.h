#pragma once

#include "services/refreshresult.h"
#include "services/subscriptionservice.h"
#include "storage/records.h"
#include "sync/syncworker.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace bulletin {

class Cache;
class FeedPurger;
class RefreshService;
class StoryController;
class SyncService;

// Managing subscriptions: subscribe (by feed or web page address, into a folder), rename,
// move, unsubscribe, delete a folder, and mark a feed as an alert source. The dialogs only
// gather input (the Subscribe dialog also follows the service to its outcome, so an error or
// a page's choice of feeds is shown where the user is looking); the work is in the public
// functions (which the tests call) and in the services, which never block the GUI thread.
// Refreshing is RefreshActions' job, OPML import and export OpmlActions'.
//
// A sync account's feeds are its server's: subscribed (the Subscribe dialog offers where,
// when there is an account), unsubscribed and moved to another of its categories through
// SyncService, which asks the server on the sync's thread. The status bar says so while it
// runs; nothing changes here unless the server agreed (its error is told in words), and
// then the sidebar follows. An account's feeds and folders are not renamed here, nor its
// folders deleted: the next sync would undo it.
//
// Without a RefreshService (a window built without network access) the subscribe action
// stays disabled; managing subscriptions still works. Without a SyncService an account's
// feeds cannot be changed.
class FeedActions final : public QObject
{
    Q_OBJECT

public:
    // Without a purger an unsubscribed feed's stories stay in the cache, hidden with it, until
    // a window that has one starts.
    FeedActions(Cache &cache, StoryController &controller, RefreshService *refresh,
                SubscriptionService *subscriptions, FeedPurger *purger, SyncService *sync,
                QWidget *dialogParent, QObject *parent = nullptr);

    QAction *subscribeAction() const { return m_subscribe; }
    QAction *renameAction() const { return m_rename; }
    QAction *moveAction() const { return m_move; }
    QAction *removeAction() const { return m_remove; }
    QAction *alertSourceAction() const { return m_alertSource; }

    // The Subscribe dialog with the address filled in (a link dropped on the window), for the
    // user to confirm; nothing without a SubscriptionService.
    void askToSubscribeTo(const QString &address);

    // The work behind the actions, without dialogs.
    void subscribe(const SubscriptionService::Request &request);
    // Subscribes through the account's server, into one of its folders (0: the top level);
    // the outcome follows (subscribed or subscribeFailed, feedChanged).
    void subscribeThroughAccount(qint64 accountId, const QString &url, qint64 folderId = 0);
    bool rename(const StoryFilter &source, const QString &name);
    // A feed of an account moves to one of the account's folders (by name; empty: the top
    // level) and is unsubscribed through its server: these return whether the server was
    // asked; the outcome follows (status bar, sidebar, feedChanged).
    bool moveFeed(qint64 feedId, const QStringList &folderPath);
    bool removeFeed(qint64 feedId); // its stories go; its bookmarks stay
    bool removeFolder(qint64 folderId); // its feeds move to the top level
    // Every story of an alert source is an advisory (user rule); re-evaluates cached stories.
    bool setAlertSource(qint64 feedId, bool alertSource);

    // Folder paths of the local feeds as the move and subscribe dialogs offer them
    // ("News/Europe"), sorted.
    QStringList folderPaths() const;
    // The folders of an account (its server's categories) by name, sorted by name.
    QList<FolderRecord> accountFolders(qint64 accountId) const;
    // The path of one folder ("News/Europe"); empty for 0.
    QString pathOfFolder(qint64 folderId) const;

signals:
    void statusMessage(const QString &message);
    void subscribed(qint64 feedId);
    void subscribeFailed(const QString &error);
    // Stories were added or changed (a subscription stored some, a feed was removed, ...).
    void storiesChanged();
    // A change of an account's feed through its server came back (made, or error.words).
    void feedChanged(const bulletin::FeedChange &change);

private:
    void updateState();
    void askToSubscribe();
    void askToRename();
    void askToMove();
    void askToRemove();
    void onSubscribed(qint64 feedId, const RefreshResult &result);
    void onSubscribeFailed(const QString &error);
    void onFeedChanged(const FeedChange &change);
    // The account whose feed it is (0: a local feed), as the sidebar knows it.
    qint64 accountOfFeed(qint64 feedId) const;
    QString accountName(qint64 accountId) const;
    // Deletes the stories of unsubscribed feeds on the purger's thread; once none are left,
    // the views follow (storiesChanged).
    void purgeRemoved();
    QString sourceName(const StoryFilter &source) const;

    Cache &m_cache;
    StoryController &m_controller;
    QPointer<RefreshService> m_refresh;
    QPointer<SubscriptionService> m_subscriptions;
    FeedPurger *m_purger = nullptr;
    QPointer<SyncService> m_sync;
    // Names of the feeds being changed through a server, for the outcome's message (an
    // unsubscribed feed has left the cache by then).
    QHash<qint64, QString> m_changing;
    QWidget *m_dialogParent = nullptr;

    QAction *m_subscribe = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_move = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_alertSource = nullptr;
};

} // namespace bulletin
