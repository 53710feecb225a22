#include "services/coverageevents.h"

#include "storage/cache.h"
#include "storage/coveragestore.h"

#include <QHash>

namespace bulletin {

QList<EventGroup> groupByEvent(Cache &cache, const QList<StorySummary> &stories)
{
    return groupByEvent(cache.database().connection(), stories);
}

QList<EventGroup> groupByEvent(QSqlDatabase db, const QList<StorySummary> &stories)
{
    QList<qint64> ids;
    ids.reserve(stories.size());
    for (const StorySummary &s : stories)
        ids.append(s.id);
    const QHash<qint64, StoryEvent> events = CoverageStore(db).events(ids);

    QList<EventGroup> groups;
    QHash<qint64, qsizetype> groupOf; // event id -> index in groups
    for (const StorySummary &s : stories) {
        const auto event = events.constFind(s.id);
        // A story not indexed yet stands alone; its id cannot be another story's event.
        const qint64 eventId = event != events.cend() ? event->eventId : s.id;
        const auto found = groupOf.constFind(eventId);
        if (found != groupOf.cend()) {
            groups[*found].stories.append(s);
            continue;
        }
        groupOf.insert(eventId, groups.size());
        groups.append({eventId, event != events.cend() ? std::max(1, event->sources) : 1, {s}});
    }
    return groups;
}

} // namespace bulletin
