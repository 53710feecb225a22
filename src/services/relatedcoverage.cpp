#include "services/relatedcoverage.h"

#include "core/related/coveragescorer.h"
#include "storage/coveragequery.h"

#include <QHash>
#include <QSqlQuery>

namespace bulletin {

namespace {

// The query story's most distinctive headline terms that go into the FTS5 MATCH, and how
// many candidates bm25 hands to the C++ scorer. Eight terms cover a headline's names and
// event words; 200 candidates keep re-scoring under a few milliseconds.
constexpr int kMatchTerms = 8;
constexpr int kCandidateLimit = 200;

struct CandidateRow
{
    QString link;
    QString source;
};

// Link and source of the few stories that made the list, in one query.
QHash<qint64, CandidateRow> rowsFor(QSqlDatabase db, const QList<ScoredCoverage> &chosen)
{
    QHash<qint64, CandidateRow> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT a.link, f.title FROM articles a "
                                  "JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?")))
        return out;
    for (const ScoredCoverage &s : chosen) {
        q.addBindValue(s.candidate.id);
        if (q.exec() && q.next())
            out.insert(s.candidate.id, {q.value(0).toString(), q.value(1).toString()});
    }
    return out;
}

} // namespace

QList<RelatedStory> findRelatedCoverage(QSqlDatabase db, const StoryDetail &story, int limit)
{
    QList<RelatedStory> out;
    if (limit <= 0 || story.summary.title.trimmed().isEmpty())
        return out;

    CoverageCandidate query;
    query.id = story.summary.id;
    query.feedId = story.summary.feedId;
    query.title = story.summary.title;
    query.text = story.text;
    query.categories = story.categories;
    query.published = story.summary.published.isValid()
                          ? story.summary.published
                          : QDateTime::fromSecsSinceEpoch(story.summary.sortDate, Qt::UTC);

    const CoverageQuery sql(db);
    CoverageScorer scorer(query, sql.storyCount());
    scorer.addDocumentFrequencies(sql.headlineFrequencies(scorer.querySurfaces()));

    const QStringList terms = scorer.distinctiveSurfaces(kMatchTerms);
    if (terms.isEmpty())
        return out;
    const qint64 at = query.published.toSecsSinceEpoch();
    const qint64 window = scorer.windowSeconds();
    const QList<CoverageCandidate> candidates =
        sql.candidates(terms, query.id, at - window, at + window, kCandidateLimit);
    if (candidates.isEmpty())
        return out;

    const QList<ScoredCoverage> chosen = scorer.rank(candidates, limit);
    const QHash<qint64, CandidateRow> rows = rowsFor(db, chosen);
    for (const ScoredCoverage &s : chosen) {
        RelatedStory r;
        r.title = s.candidate.title;
        r.kind = QStringLiteral("coverage");
        r.id = s.candidate.id;
        r.link = rows.value(s.candidate.id).link;
        r.source = rows.value(s.candidate.id).source;
        r.published = s.candidate.published;
        out.append(r);
    }
    return out;
}

} // namespace bulletin
