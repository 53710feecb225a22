#pragma once

#include "storage/records.h"

#include <QList>
#include <QSqlDatabase>

namespace bulletin {

class Cache;

// The reports of one news event among the stories of a list.
struct EventGroup
{
    qint64 eventId = 0; // the event's id; a story not yet indexed is an event of its own
    int sources = 1; // distinct feeds reporting the event in the whole cache
    QList<StorySummary> stories; // in the list's order (newest first)
};

// Groups a list's stories by the event CoverageIndexer put them in: one group per event,
// in the order of each event's first story in the list (a newest-first list gives the
// events with the newest report first). Stories keep their order within a group. Only the
// listed stories are grouped; `sources` counts the event's sources in the whole cache.
// Reads only, one query per 500 stories; on the thread that owns the connection.
QList<EventGroup> groupByEvent(QSqlDatabase db, const QList<StorySummary> &stories);
QList<EventGroup> groupByEvent(Cache &cache, const QList<StorySummary> &stories);

} // namespace bulletin
