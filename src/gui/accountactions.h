#pragma once

#include <QObject>
#include <QPointer>

#include <chrono>

class QAction;
class QLabel;
class QWidget;

namespace bulletin {

class Cache;
class StoryController;
class SyncService;
struct SyncReport;

// Everything the window does with sync accounts, through SyncService (which syncs on a thread
// of its own; nothing here touches a server or the sync's connection):
// - File › Add Account… (AddAccountDialog) and Remove Account… (asks first; the account's
//   stories leave the cache in steps on the sync's thread, its bookmarks stay as local ones);
// - Refresh: the server of the selected account (or of every account, for Refresh All)
//   fetches its feeds, then the account syncs (SyncService::updateAndSync);
// - a story marked, bookmarked or noted here is sent within seconds
//   (SyncService::changesMade), and what waits is sent before the window closes, bounded;
// - the automatic sync interval from the preferences;
// - the account's health: after each sync the sidebar's node shows the last sync and the
//   error in words (the sync recorded them in the cache); progressWidget() (meant for the
//   status bar) says which account is syncing; once every account is synced the lists
//   reload in place (storiesChanged).
// Without a SyncService (a window built without network access) the account actions do
// nothing. GUI thread only.
class AccountActions final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kCloseWait{8000};

    AccountActions(Cache &cache, StoryController &controller, SyncService *sync,
                   QWidget *dialogParent, QObject *parent = nullptr);

    QAction *addAction() const { return m_add; }
    QAction *removeAction() const { return m_remove; }
    QWidget *progressWidget() const;

    // The work behind the actions, without dialogs. The added account syncs at once.
    void accountAdded(qint64 accountId);
    bool removeAccount(qint64 accountId);

    // Refresh All: every account's server fetches its feeds, then each account syncs.
    void refreshAll();
    // Refresh of the selected source: when it is an account's (the account, a folder or a
    // feed of it), its server fetches (that feed alone, or all its feeds) and it syncs.
    void refreshSelected();
    // 0 (or less): no automatic sync.
    void setIntervalMinutes(int minutes);
    // Sends the changes waiting, and waits for the answer at most `bound` (the window is
    // closing). Returns at once when nothing waits.
    void sendBeforeClose(std::chrono::milliseconds bound = kCloseWait);

signals:
    void statusMessage(const QString &message);
    // A sync stored stories (through its own connection): the lists reload in place.
    void storiesChanged();

private:
    void askToAdd();
    void askToRemove();
    void updateState();
    void onSyncStarted(qint64 accountId);
    void onSyncFinished(const SyncReport &report);
    void onStoriesMarked();
    QString accountName(qint64 accountId) const;
    int pendingTotal() const;

    Cache &m_cache;
    StoryController &m_controller;
    QPointer<SyncService> m_sync;
    QWidget *m_dialogParent = nullptr;
    QLabel *m_progress = nullptr;
    QAction *m_add = nullptr;
    QAction *m_remove = nullptr;
};

} // namespace bulletin
