#include "gui/readercoverage.h"

#include "services/coveragefinder.h"
#include "storage/cache.h"

#include <QSet>

#include <algorithm>

namespace bulletin {

ReaderCoverage::ReaderCoverage(Cache &cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
{
}

void ReaderCoverage::setFinder(CoverageFinder *finder)
{
    if (m_finder)
        disconnect(m_finder, nullptr, this, nullptr);
    m_finder = finder;
    if (finder)
        connect(finder, &CoverageFinder::coverageFound, this, &ReaderCoverage::onFound);
}

void ReaderCoverage::addTo(StoryDetail &story)
{
    const qint64 storyId = story.summary.id;
    const auto known = m_coverage.constFind(storyId);
    if (known == m_coverage.constEnd()) {
        if (m_finder)
            m_finder->find(storyId);
        return;
    }
    // Which of them are read now: the user may have read one since it was found.
    QList<qint64> ids;
    for (const RelatedStory &r : *known) {
        if (r.id)
            ids << *r.id;
    }
    QSet<qint64> read;
    for (const StorySummary &s : m_cache.articles().summaries(ids)) {
        if (s.read)
            read.insert(s.id);
    }
    for (RelatedStory r : *known) {
        const bool listed = std::any_of(
            story.related.cbegin(), story.related.cend(),
            [&](const RelatedStory &p) { return p.id && p.id == r.id; });
        if (listed)
            continue;
        r.read = r.id && read.contains(*r.id);
        story.related << r;
    }
}

void ReaderCoverage::forget()
{
    m_coverage.clear();
}

void ReaderCoverage::findAgain(qint64 storyId)
{
    const QList<RelatedStory> shown = m_coverage.value(storyId);
    m_coverage.clear();
    if (storyId) {
        m_coverage.insert(storyId, shown);
        if (m_finder)
            m_finder->find(storyId);
    }
}

void ReaderCoverage::onFound(qint64 storyId, const QList<RelatedStory> &coverage)
{
    if (m_coverage.size() > 500)
        m_coverage.clear();
    const bool listed = !m_coverage.value(storyId).isEmpty();
    m_coverage.insert(storyId, coverage);
    if (listed || !coverage.isEmpty())
        emit pageChanged(storyId);
}

} // namespace bulletin
