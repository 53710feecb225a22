#pragma once

#include "core/related/coveragegraph.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace bulletin {

// How many sources report an event, for a story in a list.
struct StoryEvent
{
    qint64 eventId = 0;
    int sources = 0; // distinct feeds with a story in the event, the story's own included
};

// The kept side of related coverage (schema 10): each story's links to likely coverage of
// the same event, and the event each story was put in. This file is the whole API over
// coverage_links and coverage_events; SQL stays behind it, with bound parameters.
// Writes run inside the caller's transaction. Not thread-safe: use it on the thread that
// opened the connection.
class CoverageStore final
{
public:
    explicit CoverageStore(QSqlDatabase db);

    // Whether the story's links and event have been worked out.
    bool isIndexed(qint64 storyId) const;

    // The best `limit` links of each indexed story among `storyIds`, best first. A story
    // that is not indexed has no entry (an indexed story without links has an empty one).
    QHash<qint64, QList<CoverageLink>> links(const QList<qint64> &storyIds, int limit) const;

    // Stories whose headline is indexed but whose coverage is not, newest first.
    QList<qint64> pending(int limit) const;

    std::optional<qint64> eventOf(qint64 storyId) const;
    // The event and its number of sources for each of `storyIds` that has an event.
    QHash<qint64, StoryEvent> events(const QList<qint64> &storyIds) const;

    // Stores a story's links, each both ways (an older story learns of newer coverage).
    // Where a pair is already linked, from the other story's side, the lower score stays:
    // scores differ a little with the side they are worked out from (a candidate's own
    // words weigh like the query's typical word), and a link holds as strongly as its
    // weaker side. A link with a story that no longer exists is left out. False on a
    // database error.
    bool addLinks(qint64 storyId, const QList<CoverageLink> &links);
    // Does nothing for a story that no longer exists.
    bool setEvent(qint64 storyId, qint64 eventId);

private:
    QSqlDatabase m_db;
};

} // namespace bulletin
