// Related coverage at scale: what the refresh's writer spends on the coverage of 10,000 new
// stories in the large cache, and how long the reader waits for one story's coverage.

#include "measure.h"

#include "services/coverageindexer.h"
#include "services/relatedcoverage.h"
#include "storage/cache.h"
#include "storage/database.h"

#include <QFile>
#include <QSqlQuery>

#include <algorithm>
#include <random>

namespace bench {

namespace {

constexpr int kNewStories = 10000;
constexpr int kLookups = 100;

bool exec(QSqlDatabase db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec();
}

} // namespace

void measureCoverage(const Setup &setup, Results &results)
{
    Figure &update = results.add(
        QStringLiteral("coverage_update_10k_s"),
        QStringLiteral("coverage of 10,000 new stories (writer, in batches)"), QStringLiteral("s"));
    Figure &perStory = results.add(QStringLiteral("coverage_index_story_ms"),
                                   QStringLiteral("coverage indexing, per new story"),
                                   QStringLiteral("ms"));
    Figure &stored = results.add(QStringLiteral("coverage_show_ms"),
                                 QStringLiteral("a story's coverage, links stored"),
                                 QStringLiteral("ms"), Figure::Goal::AtMost, 60);
    stored.usePercentile95 = true;
    Figure &spot = results.add(QStringLiteral("coverage_show_unindexed_ms"),
                               QStringLiteral("a story's coverage, not indexed yet"),
                               QStringLiteral("ms"));
    spot.usePercentile95 = true;

    // Each run copies the large cache and indexes 10,000 stories: two give the spread.
    const int runs = std::min(setup.runs, 2);
    for (int run = 0; run < runs; ++run) {
        // A copy of the large cache in which every story but the newest 10,000 has had its
        // coverage worked out: those are the refresh that just arrived.
        const QString path = setup.workDir + QStringLiteral("/coverage.sqlite");
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        if (!QFile::copy(setup.cache.path, path)) {
            out() << "  cannot copy the cache to " << path << Qt::endl;
            return;
        }
        QString error;
        std::unique_ptr<bulletin::Cache> cache = bulletin::Cache::open(path, &error);
        if (!cache) {
            out() << "  cannot open " << path << ": " << error << Qt::endl;
            return;
        }
        QSqlDatabase db = cache->database().connection();
        qint64 firstNew = 0;
        {
            QSqlQuery last(db);
            if (!last.exec(QStringLiteral("SELECT max(id) FROM articles")) || !last.next())
                return;
            firstNew = last.value(0).toLongLong() - kNewStories + 1;
        }
        if (!exec(db, QStringLiteral("DELETE FROM coverage_events"))
            || !exec(db, QStringLiteral("DELETE FROM coverage_links"))
            || !exec(db,
                     QStringLiteral("INSERT INTO coverage_events(story_id, event_id) "
                                    "SELECT id, id FROM articles WHERE id < ?"),
                     {firstNew})) {
            out() << "  cannot prepare the coverage tables" << Qt::endl;
            return;
        }

        // Stories the indexer has not reached: their links are worked out on the spot.
        std::mt19937 pick(quint32(run) + 17);
        const auto lookups = [&](qint64 from, qint64 to, Figure &figure, int count) {
            std::uniform_int_distribution<qint64> id(from, to);
            for (int i = 0; i < count; ++i) {
                const auto story = cache->articles().story(id(pick));
                if (!story)
                    continue;
                const qint64 start = monotonicNs();
                bulletin::findRelatedCoverage(db, *story);
                figure.samples << msSince(start);
            }
        };
        lookups(firstNew, firstNew + kNewStories - 1, spot, kLookups / 5);

        int indexed = 0;
        const qint64 start = monotonicNs();
        // As RefreshWorker::indexCoverage: a step of about CoverageIndexer::kStep at a time,
        // each stored in a transaction of its own, with an indexer per step (whose queries
        // end before the connection is closed below).
        for (int done = 1; done > 0;) {
            done = bulletin::CoverageIndexer(db).indexPending();
            if (done < 0) {
                out() << "  coverage indexing failed" << Qt::endl;
                return;
            }
            indexed += done;
        }
        const double ms = msSince(start);
        update.samples << ms / 1000.0;
        perStory.samples << ms / std::max(1, indexed);
        lookups(firstNew, firstNew + kNewStories - 1, stored, kLookups);
        out() << "  run " << run + 1 << ": " << indexed << " stories indexed in " << ms / 1000.0
              << " s" << Qt::endl;
        db = QSqlDatabase();
        cache.reset();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    }
}

} // namespace bench
