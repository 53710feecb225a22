#include "services/coverageindexer.h"

#include "storage/cache.h"
#include "storage/coveragestore.h"
#include "storage/transaction.h"

#include <QElapsedTimer>

#include <algorithm>

namespace bulletin {

namespace {

// Links kept per story when it is indexed: twice what related coverage reads, so that the
// best few survive when newer stories add theirs.
constexpr int kStoredLinks = 20;

// Stories looked at per step at most: more than a step works out.
constexpr int kPendingPerStep = 500;

} // namespace

CoverageIndexer::CoverageIndexer(QSqlDatabase db, CoverageWeights weights)
    : m_db(db)
    , m_weights(weights)
    , m_linker(std::move(db), weights)
{
}

CoverageIndexer::CoverageIndexer(Cache &cache, CoverageWeights weights)
    : CoverageIndexer(cache.database().connection(), weights)
{
}

CoverageIndexer::Work CoverageIndexer::workOut(const QList<qint64> &storyIds,
                                               std::chrono::milliseconds budget)
{
    Work work;
    const CoverageStore store(m_db);
    QElapsedTimer timer;
    timer.start();
    for (qint64 id : storyIds) {
        if (!work.stories.isEmpty() && timer.elapsed() >= budget.count())
            break;
        ++work.consumed;
        if (store.isIndexed(id))
            continue;
        const std::optional<CoverageCandidate> story = m_linker.story(id);
        if (!story)
            continue; // deleted meanwhile
        work.stories.append({id, m_linker.links(*story, kStoredLinks)});
    }
    return work;
}

int CoverageIndexer::store(const Work &work)
{
    if (work.stories.isEmpty())
        return 0;
    Transaction transaction(m_db);
    CoverageStore store(m_db);
    int stored = 0;
    for (const Work::Story &story : work.stories) {
        // Another writer may have indexed it since it was worked out.
        if (store.isIndexed(story.id))
            continue;
        // The event of the best link strong enough to be listed, if that story has one
        // (stories stored earlier in this step included).
        qint64 event = story.id;
        for (const CoverageLink &link : story.links) {
            if (link.score < m_weights.threshold)
                break;
            if (const std::optional<qint64> other = store.eventOf(link.id)) {
                event = *other;
                break;
            }
        }
        if (!store.addLinks(story.id, story.links) || !store.setEvent(story.id, event))
            return -1;
        if (store.isIndexed(story.id)) // else deleted since, and nothing was stored
            ++stored;
    }
    return transaction.commit() ? stored : -1;
}

int CoverageIndexer::index(QList<qint64> storyIds)
{
    std::sort(storyIds.begin(), storyIds.end());
    storyIds.erase(std::unique(storyIds.begin(), storyIds.end()), storyIds.end());
    int indexed = 0;
    for (qsizetype start = 0; start < storyIds.size();) {
        const Work work = workOut(storyIds.mid(start, kPendingPerStep));
        const int stored = store(work);
        if (stored < 0)
            return -1;
        indexed += stored;
        start += work.consumed;
    }
    return indexed;
}

int CoverageIndexer::indexPending(std::chrono::milliseconds budget)
{
    const Work work = workOut(CoverageStore(m_db).pending(kPendingPerStep), budget);
    return store(work) < 0 ? -1 : int(work.consumed);
}

} // namespace bulletin
