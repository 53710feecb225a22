#pragma once

#include "core/related/coveragegraph.h"
#include "core/related/coveragescorer.h"
#include "services/coveragelinker.h"

#include <QList>
#include <QSqlDatabase>

#include <chrono>

namespace bulletin {

class Cache;

// Keeps related coverage up to date as stories arrive (schema 10): for each new story it
// works out the story's links (CoverageLinker), stores them both ways, and puts the story
// in the event of its best-linked story that already has one, or in an event of its own.
// That is single-pass clustering, as event detection does it on a stream of news: each
// story is looked at once, when it arrives, against what the cache holds then, so a refresh
// of N stories costs N candidate look-ups whatever the size of the cache, and nothing
// already stored is worked out again.
//
// Working a story out only reads, and takes milliseconds (hundreds on a feed of
// near-identical headlines); storing it takes microseconds. So the work runs outside any
// transaction and the results of each step (about kStep of work) are stored in a short
// transaction of their own: another writer (the window marking a story read, a refresh in
// another process) never waits for the write lock longer than a store. Do not call
// index() or indexPending() inside a transaction of your own, which would hold the lock
// through the work.
//
// A story deleted while its coverage is worked out is not stored, and no link is stored to
// one; a story another writer indexed meanwhile keeps what that writer stored.
//
// Runs on the thread that owns the connection; writes only coverage_links and
// coverage_events. Not thread-safe. Keeps a CoverageLinker (see there) for its lifetime:
// use one indexer for a batch of stories, not across refreshes.
class CoverageIndexer final
{
public:
    // How much work is stored at a time: near the ~100 ms of the refresh's other steps.
    static constexpr std::chrono::milliseconds kStep{100};

    explicit CoverageIndexer(QSqlDatabase db, CoverageWeights weights = {});
    explicit CoverageIndexer(Cache &cache, CoverageWeights weights = {});

    // Stories' coverage worked out and not stored yet.
    struct Work
    {
        struct Story
        {
            qint64 id = 0;
            QList<CoverageLink> links; // best first
        };
        QList<Story> stories;
        qsizetype consumed = 0; // of the ids given: worked out, indexed already or deleted
    };

    // Works out the coverage of `storyIds` in the order given, skipping stories indexed
    // already or deleted, until `budget` has been spent (at least one story). Reads only.
    Work workOut(const QList<qint64> &storyIds, std::chrono::milliseconds budget = kStep);
    // Stores worked-out coverage in one transaction of its own (a savepoint inside the
    // caller's). Returns how many stories it stored, or -1 after a database error, when
    // nothing of it is kept.
    int store(const Work &work);

    // Indexes these stories, oldest first, skipping any already indexed, a step at a time.
    // Returns how many were indexed, or -1 after a database error (steps stored before it
    // are kept; the rest wait, see CoverageStore::pending).
    int index(QList<qint64> storyIds);
    // One step over the stories waiting (CoverageStore::pending), newest first: about
    // `budget` of work, then stored. Returns how many stories it took off the waiting list
    // (0: none wait), or -1 after a database error.
    int indexPending(std::chrono::milliseconds budget = kStep);

private:
    QSqlDatabase m_db;
    CoverageWeights m_weights;
    CoverageLinker m_linker;
};

} // namespace bulletin
