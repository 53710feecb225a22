#pragma once

#include "core/related/coveragescorer.h"

#include <QList>
#include <QSqlDatabase>

namespace bulletin {

// Keeps related coverage up to date as stories arrive (schema 10): for each new story it
// works out the story's links (findCoverageLinks), stores them both ways, and puts the story
// in the event of its best-linked story that already has one, or in an event of its own.
// That is single-pass clustering, as event detection does it on a stream of news: each
// story is looked at once, when it arrives, against what the cache holds then, so a refresh
// of N stories costs N candidate look-ups whatever the size of the cache, and nothing
// already stored is worked out again.
//
// Runs on the thread that owns the connection, inside the caller's transaction (writes
// only coverage_links and coverage_events). Not thread-safe.
class CoverageIndexer final
{
public:
    explicit CoverageIndexer(QSqlDatabase db, CoverageWeights weights = {});

    // Indexes these stories, oldest first, skipping any already indexed. Returns how many
    // were indexed, or -1 after a database error (roll the transaction back).
    int index(QList<qint64> storyIds);
    // Indexes up to `limit` of the stories waiting (CoverageStore::pending), newest first.
    int indexPending(int limit);

private:
    QSqlDatabase m_db;
    CoverageWeights m_weights;
};

} // namespace bulletin
