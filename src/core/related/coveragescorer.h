#pragma once

#include "core/related/relatedterms.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace bulletin {

// A cached story as related-coverage scoring needs it (the storage layer fills these).
struct CoverageCandidate
{
    qint64 id = 0;
    qint64 feedId = 0;
    QString title;
    QString text; // plain text, possibly cut short; empty for headline-only stories
    QStringList categories;
    QDateTime published; // the story's date (its sort date when it has no published date)

    // The headline's terms and the text's stems, once analyseCandidate() has worked them
    // out: the stories of one refresh share most of their candidates, and a candidate kept
    // analysed is not tokenised again for each of them.
    bool analysed = false;
    QList<RelatedTerm> terms; // headlineTerms(title)
    QStringList stems; // textStems(text)
};

// Fills in terms and stems; scoring no longer reads the text after it, so the caller may
// drop it to keep the candidate small.
void analyseCandidate(CoverageCandidate &candidate);

struct ScoredCoverage
{
    CoverageCandidate candidate;
    double score = 0;
};

// Tunable weights. The defaults were tuned on the UCI News Aggregator set of
// shared/corpus/related (see docs/related.md); change them together with it.
struct CoverageWeights
{
    double nameBoost = 1.3; // idf multiplier for proper nouns and acronyms
    double timeScaleHours = 30; // time factor is 1 / (1 + (dt / scale)^2)
    double sameFeedFactor = 0.7; // a feed seldom covers one event twice in a few hours
    double otherCategoryFactor = 0.5; // both categorised, no category in common
    double textWeight = 0.35; // body-text cosine added to the headline cosine
    double threshold = 0.23; // below this a candidate is not listed at all
    // A cache of fewer headlines weighs its words as if it held this many. A small cache
    // is a day or two of news in which one big event's words fill a tenth of the headlines:
    // counted out of the cache itself they weigh hardly more than a common word, and the
    // event's reports, which share little else, never meet. Out of a few thousand they
    // weigh what they do in a cache of weeks. A cache this size or larger is unaffected.
    int smallCacheHeadlines = 4000;
    // Links through shared neighbours (see combineNeighbours in coveragegraph.h): a story
    // keeps its best neighbourCount links at or above linkThreshold, and a candidate gains
    // neighbourWeight x min(query-neighbour, neighbour-candidate) for each shared neighbour.
    double linkThreshold = 0.12;
    double neighbourWeight = 0.4;
    int neighbourCount = 10;
};

// Scores cached stories as coverage of one news event against a query story.
//
// The core is a TF-IDF cosine over headline terms (idf from the cache's title index, names
// boosted), plus a smaller body-text cosine when both stories have text, times a time
// proximity factor and penalties for the same feed and for unrelated categories. Pure and
// cheap: the caller fetches candidates and document frequencies.
//
// Document frequencies are needed for the query's words only. Reading them costs a walk of
// each word's doclist, too slow for every word of 200 candidates in a 100,000-story cache;
// a candidate's other words only lengthen its vector, so they get the query words' mean idf.
class CoverageScorer final
{
public:
    // documentCount: stories in the cache. Then give the frequencies of querySurfaces().
    // Term weights are worked out of max(documentCount, weights.smallCacheHeadlines).
    CoverageScorer(const CoverageCandidate &query, int documentCount, CoverageWeights weights = {});

    // Surface forms of the query headline's terms, for the document-frequency lookup.
    QStringList querySurfaces() const;
    void addDocumentFrequencies(const QHash<QString, int> &frequencies);

    // The query's most distinctive headline terms (highest idf first), all surface forms
    // of each, for the candidate fetch. A term held by more than a quarter of the cache's
    // headlines, and by more than 200, is left out (it still counts in the score):
    // fetching by it costs much and finds stories of no one event.
    QStringList distinctiveSurfaces(int count) const;
    // How far from the query a candidate can be and still reach the threshold.
    qint64 windowSeconds() const;

    double score(const CoverageCandidate &candidate) const;

    // Candidates at or above the threshold, best first, at most `limit`. Syndicated copies
    // (same headline from several feeds) collapse into their best-placed entry, and copies
    // of the query story itself are dropped.
    QList<ScoredCoverage> rank(const QList<CoverageCandidate> &candidates, int limit) const;

    // The query's links: candidates at or above linkThreshold, best first, at most `limit`,
    // copies included (a copy links the query to the copy's own neighbours). The query
    // story itself is left out.
    QList<ScoredCoverage> links(const QList<CoverageCandidate> &candidates, int limit) const;

private:
    using Vector = QHash<QString, double>; // stem -> weight, L2-normalised

    int documentFrequency(const RelatedTerm &term) const; // -1: not given
    double idf(const RelatedTerm &term) const;
    Vector headlineVector(const QList<RelatedTerm> &terms) const;
    double timeFactor(const QDateTime &a, const QDateTime &b) const;
    // Every candidate scoring at least minScore, best first (ties by id).
    QList<ScoredCoverage> scoreAll(const QList<CoverageCandidate> &candidates,
                                   double minScore) const;

    CoverageCandidate m_query;
    QList<RelatedTerm> m_queryTerms;
    QStringList m_queryText;
    QString m_queryKey;
    int m_documentCount = 1;
    double m_weightedCount = 1; // the count idf is worked out of (see smallCacheHeadlines)
    CoverageWeights m_weights;
    QHash<QString, int> m_df;
    double m_unknownIdf = 0; // what a word the query does not hold weighs (see the class comment)
};

} // namespace bulletin
