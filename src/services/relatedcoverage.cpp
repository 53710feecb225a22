#include "services/relatedcoverage.h"

#include "core/related/relatedterms.h"
#include "services/coveragelinker.h"
#include "storage/cache.h"
#include "storage/coveragestore.h"
#include "storage/sqlutil.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace bulletin {

namespace {

struct CandidateRow
{
    QString title;
    QString link;
    QString source;
    qint64 feedId = 0;
    QDateTime published;
    bool read = false;
};

// Title, link, source and date of the stories that may make the list, in one query.
QHash<qint64, CandidateRow> rowsFor(QSqlDatabase db, const QList<qint64> &ids)
{
    QHash<qint64, CandidateRow> out;
    if (ids.isEmpty())
        return out;
    QVariantList values;
    for (qint64 id : ids)
        values.append(id);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT a.id, a.title, a.link, f.title, a.feed_id, "
                                 "coalesce(a.published, a.sort_date), "
                                 "NOT EXISTS (SELECT 1 FROM unread_articles u WHERE u.id = a.id) "
                                 "FROM articles a "
                                 "JOIN feeds f ON f.id = a.feed_id WHERE a.id IN (%1)")
                      .arg(sql::placeholders(ids.size())),
                  values))
        return out;
    while (q.next())
        out.insert(q.value(0).toLongLong(),
                   {q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toLongLong(), sql::toTime(q.value(5)), q.value(6).toBool()});
    return out;
}

CoverageCandidate queryOf(const StoryDetail &story)
{
    CoverageCandidate query;
    query.id = story.summary.id;
    query.feedId = story.summary.feedId;
    query.title = story.summary.title;
    query.text = story.text;
    query.categories = story.categories;
    query.published = story.summary.published.isValid()
        ? story.summary.published
        : QDateTime::fromSecsSinceEpoch(story.summary.sortDate, Qt::UTC);
    return query;
}

} // namespace

QList<CoverageLink> findCoverageLinks(QSqlDatabase db, const CoverageCandidate &story, int limit,
                                      const CoverageWeights &weights)
{
    return CoverageLinker(std::move(db), weights).links(story, limit);
}

QList<RelatedStory> findRelatedCoverage(Cache &cache, const StoryDetail &story, int limit)
{
    return findRelatedCoverage(cache.database().connection(), story, limit);
}

QList<RelatedStory> findRelatedCoverage(QSqlDatabase db, const StoryDetail &story, int limit)
{
    QList<RelatedStory> out;
    if (limit <= 0 || story.summary.title.trimmed().isEmpty())
        return out;
    const CoverageWeights weights;
    const CoverageStore store(db);
    // One linker for the story and its neighbours: they share candidates and words.
    CoverageLinker linker(db, weights);
    const qint64 id = story.summary.id;

    // The story's own links, stored or worked out now.
    QList<CoverageLink> direct;
    const QHash<qint64, QList<CoverageLink>> own = store.links({id}, weights.neighbourCount);
    if (own.contains(id))
        direct = own.value(id);
    else
        direct = linker.linksBothWays(queryOf(story), weights.neighbourCount);
    if (direct.isEmpty())
        return out;

    // Its neighbours' links, the same way.
    QList<qint64> neighbours;
    for (const CoverageLink &link : std::as_const(direct))
        neighbours.append(link.id);
    QHash<qint64, QList<CoverageLink>> second = store.links(neighbours, weights.neighbourCount);
    for (const CoverageLink &link : std::as_const(direct)) {
        if (second.contains(link.id))
            continue;
        const std::optional<CoverageCandidate> c = linker.story(link.id);
        if (!c)
            continue;
        // Stored, the story's link to its neighbour is one of the neighbour's links too.
        QList<CoverageLink> links = linker.linksBothWays(*c, weights.neighbourCount);
        const auto back = std::find_if(links.begin(), links.end(),
                                       [&](const CoverageLink &l) { return l.id == id; });
        if (back == links.end())
            links.append(CoverageLink{id, link.score});
        else
            back->score = std::min(back->score, link.score);
        std::sort(links.begin(), links.end(), [](const CoverageLink &a, const CoverageLink &b) {
            return a.score != b.score ? a.score > b.score : a.id < b.id;
        });
        if (links.size() > weights.neighbourCount)
            links.resize(weights.neighbourCount);
        second.insert(link.id, links);
    }

    const QHash<qint64, double> scores = combineNeighbours(id, direct, second,
                                                           weights.neighbourWeight);
    QList<std::pair<qint64, double>> ranked;
    for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
        if (it.value() >= weights.threshold)
            ranked.append({it.key(), it.value()});
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });

    QList<qint64> ids;
    for (const auto &r : std::as_const(ranked))
        ids.append(r.first);
    const QHash<qint64, CandidateRow> rows = rowsFor(db, ids);
    // Syndicated copies of one headline are listed once, copies of the story not at all.
    QSet<QString> keys{syndicationKey(story.summary.title)};
    for (const auto &[candidate, score] : std::as_const(ranked)) {
        if (out.size() >= limit)
            break;
        const auto row = rows.constFind(candidate);
        if (row == rows.cend())
            continue;
        const QString key = syndicationKey(row->title);
        if (keys.contains(key))
            continue;
        keys.insert(key);
        RelatedStory r;
        r.title = row->title;
        r.kind = QStringLiteral("coverage");
        r.id = candidate;
        r.link = row->link;
        r.source = row->source;
        r.published = row->published;
        r.read = row->read;
        out.append(r);
    }
    return out;
}

} // namespace bulletin
