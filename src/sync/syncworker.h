#pragma once

#include "sync/syncengine.h"

#include <QObject>

#include <memory>
#include <unordered_map>

namespace bulletin {

class Cache;

// A change to an account's feeds made through its server (SyncService::subscribe,
// unsubscribe and moveFeed), and, once done, what came of it.
struct FeedChange
{
    enum class Kind { Subscribe, Unsubscribe, Move };
    Kind kind = Kind::Subscribe;
    qint64 accountId = 0; // Subscribe: the account asked; otherwise the feed's, once found
    QString url; // Subscribe: the feed's address
    qint64 feedId = 0; // Unsubscribe, Move; after a Subscribe, the new feed here
    qint64 folderId = 0; // Subscribe, Move: a folder of the account (0: the top level)
    RemoteError error; // why it did not happen (nothing changed here then); none when it did
};

// The sync's writer: lives on SyncService's thread and owns its own Cache, opened at the
// first job. Jobs arrive as queued calls and run one after another; each answers with
// started/finished per account, then done. It keeps one client per account from job to
// job, so that a sync reuses the account's session instead of logging in each time (a
// session that ended logs in again on its own). Its destructor (on its thread's end) closes
// the cache and the clients.
class SyncWorker final : public QObject
{
    Q_OBJECT

public:
    explicit SyncWorker(const QString &cachePath);
    ~SyncWorker() override;

    enum class Job {
        Send, // push the changes waiting, pull nothing
        Purge, // only delete the stories of removed accounts and feeds, in steps
        Sync, // push, then pull
        Update, // ask the server to fetch the feeds (or feedId alone) first, then sync
    };
    Q_ENUM(Job)
    // Runs the job for the account (0: every account). Every job but Send ends by deleting
    // the stories of removed feeds and accounts. Call on the worker's thread (queued).
    void run(qint64 accountId, Job job, qint64 feedId = 0);
    // Makes the change through the account's server (SyncEngine::subscribe, unsubscribe,
    // moveFeed: the cache follows the server's answer, and only when it agreed); an
    // unsubscribed feed's stories leave the cache at once, its bookmarks stay. Answers with
    // changed(). Call on the worker's thread (queued).
    void change(bulletin::FeedChange change);

signals:
    void started(qint64 accountId);
    void finished(const bulletin::SyncReport &report);
    void pendingChanged(qint64 accountId, int pending);
    void done(bulletin::SyncWorker::Job job);
    void changed(const bulletin::FeedChange &change);

private:
    // The account's client, made at its first job (nullptr, with *error, when its password
    // cannot be read or its kind is unknown).
    RemoteAccount *remoteFor(const AccountRecord &account, QString *error);
    // Deletes the stories of removed feeds and accounts, in steps.
    void purgeRemoved();

    QString m_cachePath;
    std::unique_ptr<Cache> m_cache;
    struct Remote
    {
        QString kind;
        QString url;
        QString user;
        std::unique_ptr<RemoteAccount> account;
    };
    std::unordered_map<qint64, Remote> m_remotes; // by account id
};

} // namespace bulletin

Q_DECLARE_METATYPE(bulletin::FeedChange)
