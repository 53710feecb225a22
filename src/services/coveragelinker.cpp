#include "services/coveragelinker.h"

#include <algorithm>

namespace bulletin {

namespace {

// The query story's most distinctive headline terms that go into the FTS5 MATCH, and how
// many candidates bm25 hands to the C++ scorer. Eight terms cover a headline's names and
// event words; 200 candidates keep re-scoring under a few milliseconds.
constexpr int kMatchTerms = 8;
constexpr int kCandidateLimit = 200;

// Analysed candidates kept (a few KiB each): a few windows' worth of a busy cache.
constexpr qsizetype kKeptCandidates = 5000;

} // namespace

CoverageLinker::CoverageLinker(QSqlDatabase db, CoverageWeights weights)
    : m_sql(std::move(db))
    , m_weights(weights)
{
}

std::optional<CoverageCandidate> CoverageLinker::story(qint64 id) const
{
    return m_sql.candidate(id);
}

QList<CoverageLink> CoverageLinker::links(const CoverageCandidate &story, int limit)
{
    QList<CoverageLink> out;
    if (limit <= 0 || story.title.trimmed().isEmpty())
        return out;
    if (m_storyCount < 0)
        m_storyCount = m_sql.storyCount();
    CoverageScorer scorer(story, m_storyCount, m_weights);

    QStringList missing;
    for (const QString &surface : scorer.querySurfaces()) {
        if (!m_frequencies.contains(surface))
            missing.append(surface);
    }
    const QHash<QString, int> read = m_sql.headlineFrequencies(missing);
    for (const QString &surface : std::as_const(missing))
        m_frequencies.insert(surface, read.value(surface));
    QHash<QString, int> known;
    for (const QString &surface : scorer.querySurfaces()) {
        if (const int df = m_frequencies.value(surface))
            known.insert(surface, df);
    }
    scorer.addDocumentFrequencies(known);

    const QStringList terms = scorer.distinctiveSurfaces(kMatchTerms);
    if (terms.isEmpty())
        return out;
    const qint64 at = story.published.toSecsSinceEpoch();
    const qint64 window = scorer.windowSeconds();
    const QList<qint64> ids = m_sql.candidateIds(terms, story.id, at - window, at + window,
                                                 kCandidateLimit);

    forgetFarFrom(story.published, window);
    QList<qint64> unread;
    for (qint64 id : ids) {
        if (!m_candidates.contains(id))
            unread.append(id);
    }
    for (CoverageCandidate &c : m_sql.candidatesById(unread)) {
        analyseCandidate(c);
        c.text.clear();
        m_candidates.insert(c.id, std::move(c));
    }
    QList<CoverageCandidate> candidates;
    candidates.reserve(ids.size());
    for (qint64 id : ids) {
        if (const auto it = m_candidates.constFind(id); it != m_candidates.cend())
            candidates.append(*it);
    }
    for (const ScoredCoverage &s : scorer.links(candidates, limit))
        out.append({s.candidate.id, s.score});
    return out;
}

void CoverageLinker::forgetFarFrom(const QDateTime &at, qint64 window)
{
    if (m_candidates.size() < kKeptCandidates)
        return;
    // Outside the story's window, twice over: the next stories of a batch are close in
    // time to this one and keep what they share with it.
    const qint64 reach = 2 * window;
    m_candidates.removeIf([&](const auto &entry) {
        const QDateTime &published = entry.value().published;
        return !published.isValid() || !at.isValid() || std::abs(published.secsTo(at)) > reach;
    });
    if (m_candidates.size() >= kKeptCandidates)
        m_candidates.clear();
}

} // namespace bulletin
