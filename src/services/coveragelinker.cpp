#include "services/coveragelinker.h"

#include "core/related/relatedterms.h"

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

void CoverageLinker::addFrequencies(CoverageScorer &scorer)
{
    QStringList missing;
    for (const QString &surface : scorer.querySurfaces()) {
        if (!m_frequencies.contains(surface))
            missing.append(surface);
    }
    if (!missing.isEmpty()) {
        const QHash<QString, int> read = m_sql.headlineFrequencies(missing);
        for (const QString &surface : std::as_const(missing))
            m_frequencies.insert(surface, read.value(surface));
    }
    QHash<QString, int> known;
    for (const QString &surface : scorer.querySurfaces()) {
        if (const int df = m_frequencies.value(surface))
            known.insert(surface, df);
    }
    scorer.addDocumentFrequencies(known);
}

QList<CoverageCandidate> CoverageLinker::candidatesFor(const CoverageCandidate &story,
                                                       const CoverageScorer &scorer,
                                                       const QStringList &terms)
{
    if (terms.isEmpty())
        return {};
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
    return candidates;
}

QList<CoverageLink> CoverageLinker::links(const CoverageCandidate &story, int limit)
{
    QList<CoverageLink> out;
    if (limit <= 0 || story.title.trimmed().isEmpty())
        return out;
    if (m_storyCount < 0)
        m_storyCount = m_sql.storyCount();
    CoverageScorer scorer(story, m_storyCount, m_weights);
    addFrequencies(scorer);
    for (const ScoredCoverage &s :
         scorer.links(candidatesFor(story, scorer, scorer.distinctiveSurfaces(kMatchTerms)), limit))
        out.append({s.candidate.id, s.score});
    return out;
}

QList<CoverageLink> CoverageLinker::linksBothWays(const CoverageCandidate &story, int limit)
{
    QList<CoverageLink> out;
    if (limit <= 0 || story.title.trimmed().isEmpty())
        return out;
    if (m_storyCount < 0)
        m_storyCount = m_sql.storyCount();
    CoverageScorer scorer(story, m_storyCount, m_weights);
    addFrequencies(scorer);
    const QStringList terms = scorer.distinctiveSurfaces(kMatchTerms);
    // This side: the story's own best `limit`.
    QHash<qint64, double> pairs;
    for (const ScoredCoverage &s : scorer.links(candidatesFor(story, scorer, terms), limit))
        pairs.insert(s.candidate.id, s.score);

    // A story whose headline has a word in the plural finds ours with it in the singular
    // (both stem alike), but not the other way round: its side is looked for among the
    // stories fetched by our words' plurals too.
    QStringList both = terms;
    for (const QString &term : terms) {
        if (term.endsWith(QLatin1Char('y')))
            both.append(term.chopped(1) + QLatin1String("ies"));
        if (lightStem(term + QLatin1Char('s')) == term)
            both.append(term + QLatin1Char('s'));
    }
    both.removeDuplicates();
    const QList<CoverageCandidate> candidates = candidatesFor(story, scorer, both);
    if (candidates.isEmpty())
        return out;

    // The other side: a candidate close enough from here, as its own query among the
    // story's candidates (its neighbourhood), links the story when the story is among its
    // best `limit`.
    CoverageWeights loose = m_weights;
    loose.linkThreshold = m_weights.linkThreshold / 2;
    CoverageScorer near(story, m_storyCount, loose);
    addFrequencies(near);
    CoverageCandidate self = story;
    analyseCandidate(self);
    for (const ScoredCoverage &s : near.links(candidates, int(candidates.size()))) {
        CoverageScorer back(s.candidate, m_storyCount, m_weights);
        addFrequencies(back);
        QList<CoverageCandidate> around = candidates;
        around.removeIf([&](const CoverageCandidate &c) { return c.id == s.candidate.id; });
        around.append(self);
        for (const ScoredCoverage &b : back.links(around, limit)) {
            if (b.candidate.id != story.id)
                continue;
            const auto it = pairs.find(s.candidate.id);
            if (it == pairs.end())
                pairs.insert(s.candidate.id, b.score);
            else
                *it = std::min(*it, b.score);
        }
    }
    for (auto it = pairs.cbegin(); it != pairs.cend(); ++it)
        out.append({it.key(), it.value()});
    std::sort(out.begin(), out.end(), [](const CoverageLink &a, const CoverageLink &b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
    if (out.size() > limit)
        out.resize(limit);
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
