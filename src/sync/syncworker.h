#pragma once

#include "sync/syncengine.h"

#include <QObject>

#include <memory>

namespace bulletin {

class Cache;

// The sync's writer: lives on SyncService's thread and owns its own Cache, opened at the
// first job. Jobs arrive as queued calls and run one after another; each answers with
// started/finished per account, then done. Its destructor (on its thread's end) closes the
// cache.
class SyncWorker final : public QObject
{
    Q_OBJECT

public:
    explicit SyncWorker(const QString &cachePath);
    ~SyncWorker() override;

    enum class Job {
        Send,   // push the changes waiting, pull nothing
        Purge,  // only delete the stories of removed accounts and feeds, in steps
        Sync,   // push, then pull
        Update, // ask the server to fetch the feeds (or feedId alone) first, then sync
    };
    Q_ENUM(Job)
    // Runs the job for the account (0: every account). Every job but Send ends by deleting
    // the stories of removed feeds and accounts. Call on the worker's thread (queued).
    void run(qint64 accountId, Job job, qint64 feedId = 0);

signals:
    void started(qint64 accountId);
    void finished(const bulletin::SyncReport &report);
    void pendingChanged(qint64 accountId, int pending);
    void done(bulletin::SyncWorker::Job job);

private:
    QString m_cachePath;
    std::unique_ptr<Cache> m_cache;
};

} // namespace bulletin
