#include "services/coverageindexer.h"

#include "services/relatedcoverage.h"
#include "storage/coveragequery.h"
#include "storage/coveragestore.h"

#include <algorithm>

namespace bulletin {

namespace {

// Links kept per story when it is indexed: twice what related coverage reads, so that the
// best few survive when newer stories add theirs.
constexpr int kStoredLinks = 20;

} // namespace

CoverageIndexer::CoverageIndexer(QSqlDatabase db, CoverageWeights weights)
    : m_db(std::move(db))
    , m_weights(weights)
{
}

int CoverageIndexer::index(QList<qint64> storyIds)
{
    std::sort(storyIds.begin(), storyIds.end());
    storyIds.erase(std::unique(storyIds.begin(), storyIds.end()), storyIds.end());
    CoverageStore store(m_db);
    const CoverageQuery sql(m_db);
    int indexed = 0;
    QHash<QString, int> frequencies; // headline document frequencies, read once a batch
    for (qint64 id : std::as_const(storyIds)) {
        if (store.isIndexed(id))
            continue;
        const std::optional<CoverageCandidate> story = sql.candidate(id);
        if (!story)
            continue; // deleted meanwhile
        const QList<CoverageLink> links = findCoverageLinks(m_db, *story, kStoredLinks, m_weights, &frequencies);
        // The event of the best link strong enough to be listed, if that story has one.
        qint64 event = id;
        for (const CoverageLink &link : links) {
            if (link.score < m_weights.threshold)
                break;
            if (const std::optional<qint64> other = store.eventOf(link.id)) {
                event = *other;
                break;
            }
        }
        if (!store.addLinks(id, links) || !store.setEvent(id, event))
            return -1;
        ++indexed;
    }
    return indexed;
}

int CoverageIndexer::indexPending(int limit)
{
    return index(CoverageStore(m_db).pending(limit));
}

} // namespace bulletin
