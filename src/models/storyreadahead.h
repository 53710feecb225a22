#pragma once

#include "models/storypager.h"
#include "models/storyrow.h"
#include "storage/coveragestore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace bulletin {

class ReadAheadWorker;

// Reads the story list's next page off the GUI thread: read() queues a request to a worker
// thread with its own connection to the cache file, whose StoryPager resumes the list's
// pager state and reads the page after it (and, when asked, each story's event), and
// pageRead arrives later on the thread that owns the reader. Only the newest request is
// answered: one asked for before it is skipped if the worker has not started it. A page
// that could not be read (the file could not be opened) arrives with `failed` set, so the
// list can read it itself. Destroying the reader waits for the page in progress and ends
// the thread.
class StoryReadAhead final : public QObject
{
    Q_OBJECT

public:
    struct Page
    {
        quint64 generation = 0; // as asked for
        QList<StoryRow> rows;
        StoryPager::State after; // the pager's state after the page
        QHash<qint64, StoryEvent> events; // by story, when asked for
        double ms = 0; // the worker's time for the page (its queries)
        bool failed = false;
    };

    explicit StoryReadAhead(const QString &cachePath, QObject *parent = nullptr);
    ~StoryReadAhead() override;

    // Reads the page after `from`; with `events`, the events of its stories too.
    void read(quint64 generation, const StoryPager::State &from, bool events);

signals:
    void pageRead(const bulletin::StoryReadAhead::Page &page);

private:
    QThread m_thread;
    std::shared_ptr<std::atomic<quint64>> m_latest; // the generation asked for last
    ReadAheadWorker *m_worker = nullptr; // lives on m_thread
};

} // namespace bulletin
