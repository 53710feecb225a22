#pragma once

#include "storage/records.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace bulletin {

class Cache;
class CoverageFinder;

// The reader's "Coverage elsewhere": other feeds' reports of a story's event, found off the
// GUI thread by a CoverageFinder and kept for the stories seen recently. addTo() puts what is
// known under a story's own related links, saying which are read by now, or asks the finder;
// pageChanged says when a story's list changed, for its page to be drawn again. Without a
// finder the reader lists none. Owned by the ReaderPage; GUI thread only.
class ReaderCoverage final : public QObject
{
    Q_OBJECT

public:
    ReaderCoverage(Cache &cache, QObject *parent);

    void setFinder(CoverageFinder *finder);
    // Adds the coverage known for `story` to its related links; asks the finder when none is.
    void addTo(StoryDetail &story);
    // Forgets what was found: new stories may be coverage of the ones seen so far.
    void forget();
    // Forgets the others and finds this story's coverage again, keeping its list meanwhile.
    void findAgain(qint64 storyId);

signals:
    // The story's coverage arrived and differs from what its page lists.
    void pageChanged(qint64 storyId);

private:
    void onFound(qint64 storyId, const QList<bulletin::RelatedStory> &coverage);

    Cache &m_cache;
    CoverageFinder *m_finder = nullptr;
    QHash<qint64, QList<RelatedStory>> m_coverage;
};

} // namespace bulletin
