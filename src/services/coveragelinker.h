#pragma once

#include "core/related/coveragegraph.h"
#include "core/related/coveragescorer.h"
#include "storage/coveragequery.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>

namespace bulletin {

// Works out stories' direct coverage links from the cache, one story after another: each
// story's candidates (the headline index, within the time window) scored against it
// (CoverageScorer::links), best first.
//
// The stories of one refresh or import are close in time and share most of their
// candidates and headline words, so a linker remembers, for as long as it lives, what
// it has read and worked out: the statements it prepared, the cache's size, each headline
// word's document frequency and each candidate's terms and text stems (the text itself is
// not kept). The results are the same as with a new linker per story as long as the
// cache does not change meanwhile; keep one for a batch of work, not across refreshes.
// Memory is bounded: candidates far in time from the story at hand are forgotten first.
//
// Reads only, in whatever transaction the caller has open (none is needed). Not
// thread-safe: use it on the thread that opened the connection, and destroy it before the
// connection closes.
class CoverageLinker final
{
public:
    explicit CoverageLinker(QSqlDatabase db, CoverageWeights weights = {});

    // The story's links: its candidates scoring at least the link threshold, best first,
    // at most `limit`. Empty for a story without a headline.
    QList<CoverageLink> links(const CoverageCandidate &story, int limit);

    // The story's links as CoverageIndexer stores them once the stories around it are
    // indexed too: its own (links()), and those of its candidates that would link to it,
    // each candidate scored from its own side among the story's candidates, a pair at the
    // lower score of the sides that link (CoverageStore::addLinks); best first, at most
    // `limit`. For the reader, when a story or its neighbour is not indexed yet. Only
    // candidates within half the link threshold from the story's side are scored back.
    QList<CoverageLink> linksBothWays(const CoverageCandidate &story, int limit);

    // The story as a query, as stored; nullopt when no story has this id (deleted).
    std::optional<CoverageCandidate> story(qint64 id) const;

private:
    // Reads the frequencies of the scorer's query words that are not known yet.
    void addFrequencies(CoverageScorer &scorer);
    // The story's candidates fetched by `terms`, analysed.
    QList<CoverageCandidate> candidatesFor(const CoverageCandidate &story,
                                           const CoverageScorer &scorer, const QStringList &terms);
    void forgetFarFrom(const QDateTime &at, qint64 window);

    CoverageQuery m_sql;
    CoverageWeights m_weights;
    int m_storyCount = -1; // read once, at the first story
    QHash<QString, int> m_frequencies; // headline document frequencies; 0: in no headline
    QHash<qint64, CoverageCandidate> m_candidates; // analysed, without their text
};

} // namespace bulletin
