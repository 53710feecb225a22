#pragma once

#include "net/fetchresult.h"
#include "services/refreshresult.h"
#include "services/retention.h"

#include <QDeadlineTimer>
#include <QObject>

#include <QList>

#include <chrono>
#include <memory>

namespace bulletin {

class Cache;
struct PreparedFeed;

// The refresh's writer: lives on its own thread and owns its own Cache (Qt SQL connections
// belong to the thread that opened them), so parsing and writing never run on the GUI
// thread. Jobs arrive as queued calls, run one after another, and each answers with exactly
// one feedWritten, in order. Jobs that queue up while the writer is busy are written
// together, in one transaction of at most ~kBatchMs of work (each feed in a savepoint of
// its own, so one feed's failure leaves the others stored): a commit writes every page the
// transaction touched, and feeds written together share most of them.
class RefreshWorker final : public QObject
{
    Q_OBJECT

public:
    RefreshWorker();
    ~RefreshWorker() override;

    // Call on the worker's thread (queued). A failed open turns every write into an error.
    void open(const QString &cachePath);
    void close();
    void write(qint64 feedId, const bulletin::FetchResult &fetched,
               const bulletin::RetentionLimits &retention);
    // write() for a response FeedWriter::prepare() has already parsed on another thread.
    void writePrepared(qint64 feedId, const bulletin::FetchResult &fetched,
                       const bulletin::PreparedFeed &prepared,
                       const bulletin::RetentionLimits &retention);
    // Stories are stored without being indexed for search (readable at once); this indexes
    // the waiting ones, a bounded batch per transaction, queueing itself again after any
    // jobs that arrived meanwhile, and reports indexingFinished when none wait.
    void indexPending();
    // What an earlier run left: indexPending once kQuietStart has passed since the writer
    // opened the cache. A search index merge step over a large cache is ~70 ms of work, and
    // at the window's start it took a core from the first paint (a third of the process's
    // CPU before it was idle, at 1,000,000 stories). A refresh's stories do not wait.
    void indexLeftOver();
    // After indexing, the search indexes' segments are merged (ArticleStore::mergeIndexes),
    // a short step per transaction, queued behind any jobs; then the write-ahead log is
    // checkpointed (Database::checkpoint), and indexesMerged reports it is all done.
    void mergeIndexes();
    // Then the related coverage of the new stories is worked out (CoverageIndexer), a step
    // of about 100 ms at a time, outside any transaction, each step's results stored in a
    // short one; queued behind any jobs, and coverageIndexed reports how many stories it
    // indexed when none wait, once the write-ahead log is checkpointed again. (The command
    // line does not wait for it: the reader works out a story's coverage on the spot until
    // it is stored.) Stories left waiting by an earlier run (an upgraded cache, an import)
    // start kQuietStart after the writer opened the cache, as indexLeftOver does, so that
    // the window's start does not share the cores with them; a refresh's new stories start
    // at once.
    void indexCoverage();

signals:
    void feedWritten(const bulletin::RefreshResult &result);
    void indexingFinished(int indexed);
    void indexesMerged();
    void coverageIndexed(int stories);

private:
    struct Job
    {
        qint64 feedId = 0;
        FetchResult fetched;
        std::shared_ptr<const PreparedFeed> prepared; // null: parse here (or nothing to parse)
        RetentionLimits retention;
    };
    static constexpr int kBatchMs = 100;
    static constexpr std::chrono::milliseconds kQuietStart{1000};
    // The write-ahead log's size past which the writer's own commits checkpoint it, while it
    // indexes, merges and works out coverage.
    static constexpr qint64 kCheckpointBytes = 32 * 1024 * 1024;

    void enqueue(Job job);
    // Whether the writer's commits checkpoint the log past kCheckpointBytes (see .cpp).
    void checkpointAsItGoes(bool on);
    void writeQueued();

    std::unique_ptr<Cache> m_cache;
    QList<Job> m_jobs;
    bool m_writeQueued = false;
    QString m_openError;
    int m_indexed = 0; // since the last indexingFinished
    bool m_merging = false; // a mergeIndexes step is queued
    bool m_indexingCoverage = false; // an indexCoverage step is queued
    int m_coverageIndexed = 0; // since the last coverageIndexed
    QDeadlineTimer m_quietUntil; // see indexCoverage
    bool m_wrote = false; // a feed was written since open()
    bool m_checkpointing = false; // see checkpointAsItGoes
};

} // namespace bulletin
