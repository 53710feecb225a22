#pragma once

#include "services/refreshresult.h"
#include "services/subscriptionservice.h"
#include "storage/records.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace bulletin {

class Cache;
class FeedPurger;
class RefreshService;
class StoryController;

// Managing subscriptions: subscribe (by feed or web page address, into a folder), rename,
// move, unsubscribe, delete a folder, and mark a feed as an alert source. The dialogs only
// gather input (the Subscribe dialog also follows the service to its outcome, so an error or
// a page's choice of feeds is shown where the user is looking); the work is in the public
// functions (which the tests call) and in the services, which never block the GUI thread.
// Refreshing is RefreshActions' job, OPML import and export OpmlActions'.
//
// Without a RefreshService (a window built without network access) the subscribe action
// stays disabled; managing subscriptions still works.
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
    QAction *renameAction() const { return m_rename; }
    QAction *moveAction() const { return m_move; }
    QAction *removeAction() const { return m_remove; }
    QAction *alertSourceAction() const { return m_alertSource; }

    // The Subscribe dialog with the address filled in (a link dropped on the window), for the
    // user to confirm; nothing without a SubscriptionService.
    void askToSubscribeTo(const QString &address);

    // The work behind the actions, without dialogs.
    void subscribe(const SubscriptionService::Request &request);
    bool rename(const StoryFilter &source, const QString &name);
    bool moveFeed(qint64 feedId, const QStringList &folderPath);
    bool removeFeed(qint64 feedId); // its stories go; its bookmarks stay
    bool removeFolder(qint64 folderId); // its feeds move to the top level
    // Every story of an alert source is an advisory (user rule); re-evaluates cached stories.
    bool setAlertSource(qint64 feedId, bool alertSource);

    // Folder paths as the move and subscribe dialogs offer them ("News/Europe"), sorted.
    QStringList folderPaths() const;
    // The path of one folder ("News/Europe"); empty for 0.
    QString pathOfFolder(qint64 folderId) const;

signals:
    void statusMessage(const QString &message);
    void subscribed(qint64 feedId);
    void subscribeFailed(const QString &error);
    // Stories were added or changed (a subscription stored some, a feed was removed, ...).
    void storiesChanged();

private:
    void updateState();
    void askToSubscribe();
    void askToRename();
    void askToMove();
    void askToRemove();
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

    QAction *m_subscribe = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_move = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_alertSource = nullptr;
};

} // namespace bulletin
