#include "services/refreshworker.h"

#include "services/coverageindexer.h"
#include "services/feedwriter.h"
#include "storage/cache.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QElapsedTimer>
#include <QTimer>

#include <utility>

namespace bulletin {

namespace {

// What a feed's result says once the transaction it was written in did not commit.
void undoWrite(RefreshResult &result, const QSqlDatabase &db)
{
    if (result.status == RefreshResult::Status::Cancelled)
        return;
    if (result.status == RefreshResult::Status::Error) {
        result.error += QStringLiteral(" (and the failure could not be recorded)");
    } else {
        result.status = RefreshResult::Status::Error;
        result.error = sql::withReason(QStringLiteral("cannot write to the cache"), db);
    }
    result.added = result.updated = result.unchanged = result.removed = 0;
    if (!result.movedFrom.isEmpty())
        result.url = std::exchange(result.movedFrom, QString());
}

} // namespace

RefreshWorker::RefreshWorker() = default;

RefreshWorker::~RefreshWorker() = default;

void RefreshWorker::open(const QString &cachePath)
{
    m_cache = Cache::open(cachePath, &m_openError);
    m_quietUntil = QDeadlineTimer(kQuietStart);
    if (!m_cache)
        return;
    m_cache->articles().setDeferIndexing(true);
}

void RefreshWorker::checkpointAsItGoes(bool on)
{
    // Each of the writer's commits adds its pages to the write-ahead log, and a page
    // written by many commits is there many times: indexing the related coverage of a
    // large cache's backlog in short steps left a 700 MiB log beside a 600 MiB cache.
    // During that work, past kCheckpointBytes the writer's commits copy the log into the
    // file (on this thread). Not while storing a refresh's batch: that would delay the
    // stories being readable, and the batch is as large as what was fetched.
    if (m_cache && std::exchange(m_checkpointing, on) != on)
        m_cache->database().setCheckpointThreshold(on ? kCheckpointBytes : 0);
}

void RefreshWorker::close()
{
    while (!m_jobs.isEmpty()) // what arrived before the close is still written
        writeQueued();
    m_cache.reset();
}

void RefreshWorker::write(qint64 feedId, const FetchResult &fetched,
                          const RetentionLimits &retention)
{
    enqueue({feedId, fetched, nullptr, retention});
}

void RefreshWorker::writePrepared(qint64 feedId, const FetchResult &fetched,
                                  const PreparedFeed &prepared, const RetentionLimits &retention)
{
    enqueue({feedId, fetched, std::make_shared<const PreparedFeed>(prepared), retention});
}

void RefreshWorker::enqueue(Job job)
{
    m_jobs.append(std::move(job));
    m_wrote = true;
    // Behind the jobs already queued: when the writer is busy, the ones that arrive
    // meanwhile are in m_jobs by the time this runs.
    if (!std::exchange(m_writeQueued, true))
        QMetaObject::invokeMethod(this, &RefreshWorker::writeQueued, Qt::QueuedConnection);
}

void RefreshWorker::writeQueued()
{
    m_writeQueued = false;
    QList<RefreshResult> results;
    if (!m_cache) {
        for (const Job &job : std::as_const(m_jobs)) {
            RefreshResult result;
            result.feedId = job.feedId;
            result.url = job.fetched.requestedUrl.toString();
            result.error = QStringLiteral("cannot open the cache: %1").arg(m_openError);
            results << result;
        }
        m_jobs.clear();
    } else {
        checkpointAsItGoes(false);
        Transaction batch(m_cache->database().connection());
        QElapsedTimer timer;
        timer.start();
        while (!m_jobs.isEmpty() && (results.isEmpty() || timer.elapsed() < kBatchMs)) {
            const Job job = m_jobs.takeFirst();
            FeedWriter writer(*m_cache);
            results << (job.prepared
                            ? writer.store(job.feedId, job.fetched, *job.prepared, job.retention)
                            : writer.write(job.feedId, job.fetched, job.retention));
        }
        // Without the batch's transaction (another writer held the lock too long, or the
        // disk is full) each feed's write failed at once, saying why: the feeds stay as they
        // were and are written again on their next refresh.
        if (batch.isActive() && !batch.commit()) {
            for (RefreshResult &result : results)
                undoWrite(result, m_cache->database().connection());
        }
        if (!m_jobs.isEmpty() && !std::exchange(m_writeQueued, true))
            QMetaObject::invokeMethod(this, &RefreshWorker::writeQueued, Qt::QueuedConnection);
    }
    for (const RefreshResult &result : std::as_const(results))
        emit feedWritten(result);
}

void RefreshWorker::indexPending()
{
    // ~250 stories take ~0.1 s to index here: short enough that the window, which writes
    // read marks on its own connection, never waits long for the write lock.
    constexpr int kBatch = 250;
    int indexed = 0;
    checkpointAsItGoes(true);
    if (m_cache) {
        Transaction transaction(m_cache->database().connection());
        indexed = transaction.isActive() ? m_cache->articles().indexPending(kBatch) : -1;
        if (indexed < 0 || !transaction.commit())
            indexed = -1;
    }
    if (indexed > 0)
        m_indexed += indexed;
    if (indexed == kBatch) {
        QMetaObject::invokeMethod(this, &RefreshWorker::indexPending, Qt::QueuedConnection);
        return;
    }
    emit indexingFinished(std::exchange(m_indexed, 0));
    if (!std::exchange(m_merging, true))
        QMetaObject::invokeMethod(this, &RefreshWorker::mergeIndexes, Qt::QueuedConnection);
}

void RefreshWorker::indexLeftOver()
{
    QTimer::singleShot(
        std::chrono::ceil<std::chrono::milliseconds>(m_quietUntil.remainingTimeAsDuration()), this,
        &RefreshWorker::indexPending);
}

void RefreshWorker::mergeIndexes()
{
    // A step writes at most ~200 pages (~70 ms over a large cache here), for the same reason
    // as the index batches above.
    constexpr int kPages = 200;
    bool merged = false;
    checkpointAsItGoes(true);
    if (m_cache) {
        Transaction transaction(m_cache->database().connection());
        merged = transaction.isActive() && m_cache->articles().mergeIndexes(kPages)
            && transaction.commit();
    }
    if (merged) {
        QMetaObject::invokeMethod(this, &RefreshWorker::mergeIndexes, Qt::QueuedConnection);
        return;
    }
    m_merging = false;
    // The refresh's pages go from the write-ahead log into the file here, once, rather than
    // after each commit (or after the window's next read mark: no connection checkpoints
    // on its own).
    if (m_cache)
        m_cache->database().checkpoint();
    emit indexesMerged();
    if (!std::exchange(m_indexingCoverage, true)) {
        const auto wait = m_wrote
            ? std::chrono::milliseconds(0)
            : std::chrono::ceil<std::chrono::milliseconds>(m_quietUntil.remainingTimeAsDuration());
        QTimer::singleShot(wait, this, &RefreshWorker::indexCoverage);
    }
}

void RefreshWorker::indexCoverage()
{
    // A step works for about CoverageIndexer::kStep outside any transaction, then stores
    // what it worked out in a short one: the window's writes (on their own connection)
    // never wait for the write lock longer than that store, and jobs queued meanwhile run
    // after at most one step.
    int indexed = 0;
    checkpointAsItGoes(true);
    if (m_cache)
        indexed = CoverageIndexer(m_cache->database().connection()).indexPending();
    if (indexed > 0) {
        m_coverageIndexed += indexed;
        QMetaObject::invokeMethod(this, &RefreshWorker::indexCoverage, Qt::QueuedConnection);
        return;
    }
    m_indexingCoverage = false;
    // The coverage's pages too, now that the writer is idle: the file then holds all of the
    // refresh's work, and the log is started again from its beginning by the next write.
    if (m_cache)
        m_cache->database().checkpoint();
    emit coverageIndexed(std::exchange(m_coverageIndexed, 0));
}

} // namespace bulletin
