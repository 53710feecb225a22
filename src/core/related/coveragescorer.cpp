#include "core/related/coveragescorer.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace bulletin {

namespace {

// A word held by more than a quarter of the cache's headlines picks out no event, and
// fetching candidates by it costs a rank for each of them: on a feed of near-identical
// titles ("Story 1" ... "Story 6000", undated) that was every story of the feed for each
// story. It still counts in the score. In a small cache a quarter is a few headlines, and
// ranking as many as a fetch takes anyway (200) costs little. The share is of the cache's
// own headlines, not of the count term weights are worked out of.
constexpr int kFetchShare = 4;
constexpr int kCommonFloor = 200;

double cosine(const QHash<QString, double> &a, const QHash<QString, double> &b)
{
    const auto &small = a.size() <= b.size() ? a : b;
    const auto &large = a.size() <= b.size() ? b : a;
    double sum = 0;
    for (auto it = small.cbegin(); it != small.cend(); ++it) {
        const auto other = large.constFind(it.key());
        if (other != large.cend())
            sum += it.value() * other.value();
    }
    return sum;
}

void normalise(QHash<QString, double> *v)
{
    double norm = 0;
    for (double w : std::as_const(*v))
        norm += w * w;
    if (norm <= 0)
        return;
    norm = std::sqrt(norm);
    for (double &w : *v)
        w /= norm;
}

bool shareCategory(const QStringList &a, const QStringList &b)
{
    for (const QString &x : a)
        for (const QString &y : b)
            if (x.compare(y, Qt::CaseInsensitive) == 0)
                return true;
    return false;
}

// Text vectors weight each stem by its idf within the candidate set: the title index holds
// no body-text frequencies, and words common to every candidate (the topic) should count
// less than the words that pick out the event.
QHash<QString, double> textVector(const QStringList &stems, const QHash<QString, int> &localDf,
                                  int localCount)
{
    QHash<QString, double> v;
    for (const QString &s : stems)
        v.insert(s, std::log((localCount + 1.0) / (localDf.value(s) + 0.5)));
    normalise(&v);
    return v;
}

} // namespace

void analyseCandidate(CoverageCandidate &candidate)
{
    if (candidate.analysed)
        return;
    candidate.terms = headlineTerms(candidate.title);
    candidate.stems = textStems(candidate.text);
    candidate.analysed = true;
}

CoverageScorer::CoverageScorer(const CoverageCandidate &query, int documentCount,
                               CoverageWeights weights)
    : m_query(query)
    , m_queryTerms(query.analysed ? query.terms : headlineTerms(query.title))
    , m_queryText(query.analysed ? query.stems : textStems(query.text))
    , m_queryKey(syndicationKey(query.title))
    , m_documentCount(std::max(1, documentCount))
    , m_weightedCount(std::max(m_documentCount, weights.smallCacheHeadlines))
    , m_weights(weights)
    , m_unknownIdf(std::log(m_weightedCount))
{
}

QStringList CoverageScorer::querySurfaces() const
{
    QStringList out;
    for (const RelatedTerm &t : m_queryTerms) {
        out.append(t.surface);
        if (t.stem != t.surface)
            out.append(t.stem);
    }
    return out;
}

void CoverageScorer::addDocumentFrequencies(const QHash<QString, int> &frequencies)
{
    for (auto it = frequencies.cbegin(); it != frequencies.cend(); ++it)
        m_df.insert(it.key(), it.value());
    // Only the query's words are looked up (see the class comment): a candidate's other
    // words weigh as much as a typical word of the query.
    double sum = 0;
    int known = 0;
    for (const RelatedTerm &t : std::as_const(m_queryTerms)) {
        if (m_df.contains(t.surface) || m_df.contains(t.stem)) {
            sum += idf(t);
            ++known;
        }
    }
    m_unknownIdf = known ? sum / known : std::log(m_weightedCount);
}

int CoverageScorer::documentFrequency(const RelatedTerm &term) const
{
    // A plural and its singular are one term: count the more frequent of the two forms.
    return std::max(m_df.value(term.surface, -1), m_df.value(term.stem, -1));
}

double CoverageScorer::idf(const RelatedTerm &term) const
{
    const int df = documentFrequency(term);
    if (df < 0)
        return m_unknownIdf;
    return std::log(std::max(1.0, m_weightedCount / std::max(1, df)));
}

CoverageScorer::Vector CoverageScorer::headlineVector(const QList<RelatedTerm> &terms) const
{
    Vector v;
    for (const RelatedTerm &t : terms) {
        const double w = idf(t) * (t.name ? m_weights.nameBoost : 1.0);
        v.insert(t.stem, std::max(v.value(t.stem), w));
    }
    normalise(&v);
    return v;
}

QStringList CoverageScorer::distinctiveSurfaces(int count) const
{
    QList<RelatedTerm> terms;
    for (const RelatedTerm &t : m_queryTerms) {
        const int df = documentFrequency(t);
        if (df <= kCommonFloor || qint64(df) * kFetchShare <= m_documentCount)
            terms.append(t);
    }
    std::stable_sort(terms.begin(), terms.end(),
                     [this](const RelatedTerm &a, const RelatedTerm &b) {
                         return idf(a) * (a.name ? m_weights.nameBoost : 1.0)
                             > idf(b) * (b.name ? m_weights.nameBoost : 1.0);
                     });
    QStringList out;
    for (qsizetype i = 0; i < terms.size() && i < count; ++i) {
        out.append(terms[i].surface);
        if (terms[i].stem != terms[i].surface)
            out.append(terms[i].stem);
    }
    return out;
}

qint64 CoverageScorer::windowSeconds() const
{
    // The best possible similarity is 1 + textWeight; past this distance the time factor
    // alone keeps any candidate below the threshold.
    const double best = 1.0 + m_weights.textWeight;
    const double ratio = best / m_weights.threshold - 1.0;
    const double hours = m_weights.timeScaleHours * std::sqrt(std::max(0.0, ratio));
    return qint64(std::ceil(hours * 3600.0)) + 3600;
}

double CoverageScorer::timeFactor(const QDateTime &a, const QDateTime &b) const
{
    if (!a.isValid() || !b.isValid())
        return 0.5; // undated: possible coverage, but never as likely as a close one
    const double hours = std::abs(double(a.secsTo(b))) / 3600.0;
    const double x = hours / m_weights.timeScaleHours;
    return 1.0 / (1.0 + x * x);
}

double CoverageScorer::score(const CoverageCandidate &candidate) const
{
    return rank({candidate}, 1).value(0).score;
}

QList<ScoredCoverage> CoverageScorer::rank(const QList<CoverageCandidate> &candidates,
                                           int limit) const
{
    QList<ScoredCoverage> out;
    QSet<QString> keys{m_queryKey};
    for (const ScoredCoverage &s : scoreAll(candidates, m_weights.threshold)) {
        if (out.size() >= limit)
            break;
        const QString key = syndicationKey(s.candidate.title);
        if (keys.contains(key))
            continue;
        keys.insert(key);
        out.append(s);
    }
    return out;
}

QList<ScoredCoverage> CoverageScorer::links(const QList<CoverageCandidate> &candidates,
                                            int limit) const
{
    QList<ScoredCoverage> out = scoreAll(candidates, m_weights.linkThreshold);
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

QList<ScoredCoverage> CoverageScorer::scoreAll(const QList<CoverageCandidate> &candidates,
                                               double minScore) const
{
    const Vector query = headlineVector(m_queryTerms);

    // Body text only matters when the query has some; its idf comes from the candidates.
    QList<QStringList> texts;
    QHash<QString, int> localDf;
    if (!m_queryText.isEmpty()) {
        texts.reserve(candidates.size());
        for (const CoverageCandidate &c : candidates) {
            texts.append(c.analysed ? c.stems : textStems(c.text));
            for (const QString &s : std::as_const(texts.last()))
                ++localDf[s];
        }
    }
    const int localCount = int(candidates.size()) + 1;
    const auto queryText = textVector(m_queryText, localDf, localCount);

    QList<ScoredCoverage> scored;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const CoverageCandidate &c = candidates[i];
        if (c.id == m_query.id)
            continue;
        double similarity = cosine(query,
                                   headlineVector(c.analysed ? c.terms : headlineTerms(c.title)));
        if (!texts.isEmpty() && !texts[i].isEmpty())
            similarity += m_weights.textWeight
                * cosine(queryText, textVector(texts[i], localDf, localCount));
        double s = similarity * timeFactor(m_query.published, c.published);
        if (c.feedId == m_query.feedId)
            s *= m_weights.sameFeedFactor;
        if (!m_query.categories.isEmpty() && !c.categories.isEmpty()
            && !shareCategory(m_query.categories, c.categories))
            s *= m_weights.otherCategoryFactor;
        if (s >= minScore)
            scored.append({c, s});
    }

    std::sort(scored.begin(), scored.end(), [](const ScoredCoverage &a, const ScoredCoverage &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.candidate.id < b.candidate.id;
    });
    return scored;
}

} // namespace bulletin
