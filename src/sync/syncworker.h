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

    // Syncs the account (0: every account); sendOnly pushes the changes waiting and pulls
    // nothing. Call on the worker's thread (queued).
    void run(qint64 accountId, bool sendOnly);

signals:
    void started(qint64 accountId);
    void finished(const bulletin::SyncReport &report);
    void pendingChanged(qint64 accountId, int pending);
    void done(bool sendOnly);

private:
    QString m_cachePath;
    std::unique_ptr<Cache> m_cache;
};

} // namespace bulletin
