#pragma once

#include "storage/records.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace bulletin {

class CoverageWorker;

// Finds related coverage for the reader off the GUI thread: find() queues a request to a
// worker thread that has its own connection to the cache file, and coverageFound arrives
// later with the result (possibly empty). Requests are answered in order; the reader drops
// answers for a story it no longer shows. Destroying the finder waits for the current
// query (a few milliseconds) and ends the thread.
class CoverageFinder final : public QObject
{
    Q_OBJECT

public:
    explicit CoverageFinder(const QString &cachePath, int limit = 5, QObject *parent = nullptr);
    ~CoverageFinder() override;

    void find(qint64 storyId);

signals:
    void coverageFound(qint64 storyId, const QList<bulletin::RelatedStory> &coverage);

private:
    QThread m_thread;
    std::shared_ptr<std::atomic<qint64>> m_latest; // the story asked for last
    CoverageWorker *m_worker = nullptr; // lives on m_thread
};

} // namespace bulletin

Q_DECLARE_METATYPE(QList<bulletin::RelatedStory>)
