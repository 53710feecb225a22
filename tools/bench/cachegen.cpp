#include "cachegen.h"

#include "textgen.h"

#include "storage/cache.h"
#include "storage/sqlutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>
#include <random>

namespace bench {

namespace {

constexpr int kGeneratorVersion = 1;
constexpr int kBigFeedStories = 10000;
constexpr int kMediumFeedStories = 500;
constexpr int kBatch = 20000;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

bool exec(QSqlDatabase db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = QStringLiteral("%1: %2").arg(sql.left(80), q.lastError().text());
    return false;
}

bool readInfo(bulletin::Cache &cache, CacheInfo *info)
{
    const QStringList parts = cache.meta(QStringLiteral("bench_info")).split(QLatin1Char(' '));
    if (parts.size() != 9 || parts.at(0).toInt() != kGeneratorVersion)
        return false;
    info->stories = parts.at(1).toInt();
    info->feeds = parts.at(2).toInt();
    info->folders = parts.at(3).toInt();
    info->bigFeedId = parts.at(4).toLongLong();
    info->mediumFeedId = parts.at(5).toLongLong();
    info->folderId = parts.at(6).toLongLong();
    info->bookmarks = parts.at(7).toInt();
    info->advisories = parts.at(8).section(QLatin1Char(','), 0, 0).toInt();
    info->withRelated = parts.at(8).section(QLatin1Char(','), 1, 1).toInt();
    return true;
}

QString infoText(const CacheInfo &i)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9,%10")
        .arg(kGeneratorVersion)
        .arg(i.stories)
        .arg(i.feeds)
        .arg(i.folders)
        .arg(i.bigFeedId)
        .arg(i.mediumFeedId)
        .arg(i.folderId)
        .arg(i.bookmarks)
        .arg(i.advisories)
        .arg(i.withRelated);
}

bulletin::Advisory advisoryFor(TextGen &g, const QDateTime &published, int n)
{
    static const char *const severities[] = {"Extreme", "Severe", "Moderate", "Minor", "Unknown"};
    bulletin::Advisory a;
    a.origin = QStringLiteral("section");
    a.headline = QStringLiteral("Public Advisory: ") + g.headline();
    a.text
        = g.articleHtml(300, nullptr).remove(QStringLiteral("<p>")).remove(QStringLiteral("</p>"));
    a.severity = QString::fromLatin1(severities[n % 5]);
    a.issuer = QStringLiteral("Bench Civil Protection");
    a.area = QStringLiteral("Region %1").arg(n % 40);
    a.effective = published;
    a.expires = published.addDays(n % 3 == 0 ? 3650 : 2); // some still active, most expired
    a.status = QStringLiteral("active");
    return a;
}

} // namespace

void markFeedUnread(QSqlDatabase db, qint64 feedId)
{
    QSqlQuery q(db);
    bulletin::sql::run(
        q,
        QStringLiteral("INSERT OR IGNORE INTO unread_articles(id, feed_id, sort_date) "
                       "SELECT id, feed_id, sort_date FROM articles WHERE feed_id = ?"),
        {feedId});
}

bool indexAndMerge(bulletin::Cache &cache, QString *error)
{
    QSqlDatabase db = cache.database().connection();
    for (int indexed = -1; indexed != 0;) {
        bulletin::Transaction t(db);
        indexed = cache.articles().indexPending(20000);
        if (indexed < 0 || !t.commit()) {
            *error = QStringLiteral("cannot index the stories for search");
            return false;
        }
    }
    // Then merged as the refresh's writer merges what it indexed (RefreshWorker::mergeIndexes):
    // a search reads every segment of the index, and each batch above wrote several.
    for (bool merged = true; merged;) {
        bulletin::Transaction t(db);
        merged = cache.articles().mergeIndexes(2000);
        if (!t.commit()) {
            *error = QStringLiteral("cannot merge the search indexes");
            return false;
        }
    }
    return true;
}

bool generateCache(const QString &path, int stories, int feeds, bool fresh, CacheInfo *info,
                   QString *error)
{
    info->path = path;
    if (!fresh && QFileInfo::exists(path)) {
        std::unique_ptr<bulletin::Cache> cache = bulletin::Cache::open(path, error);
        if (cache && readInfo(*cache, info) && info->stories == stories && info->feeds == feeds) {
            info->fileBytes = QFileInfo(path).size();
            out() << "reusing the generated cache " << path << Qt::endl;
            return true;
        }
        error->clear();
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);

    out() << "generating a cache of " << stories << " stories over " << feeds << " feeds in "
          << path << " ..." << Qt::endl;
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<bulletin::Cache> cache = bulletin::Cache::open(path, error);
    if (!cache)
        return false;
    QSqlDatabase db = cache->database().connection();
    // A generator's file: no need to survive a power cut while it is written.
    // And a page cache big enough to hold the indexes being written (SQLite's default is
    // 2 MiB, which turns every index insert into file reads once the cache grows).
    exec(db, QStringLiteral("PRAGMA synchronous = OFF"), error);
    exec(db, QStringLiteral("PRAGMA cache_size = -524288"), error);

    *info = CacheInfo{};
    info->path = path;
    info->stories = stories;
    info->feeds = feeds;

    // Folders: a few top-level ones, two nested, and some feeds at the top level.
    static const char *const folderNames[] = {
        "World", "World/Europe", "World/Asia", "Local",   "Business", "Science",
        "Sport", "Technology",   "Culture",    "Weather", "Politics", "Health"};
    QList<qint64> folderIds;
    for (const char *name : folderNames)
        folderIds << cache->feeds().folderForPath(
            QString::fromLatin1(name).split(QLatin1Char('/')));
    info->folders = int(folderIds.size());
    info->folderId = folderIds.at(4); // "Business"

    TextGen g(7);
    QList<qint64> feedIds;
    {
        bulletin::Transaction t(db);
        for (int f = 0; f < feeds; ++f) {
            const qint64 folder = f % 13 == 12 ? 0 : folderIds.at(f % folderIds.size());
            const auto id = cache->feeds().addSubscription(
                QStringLiteral("https://feeds%1.bench.invalid/rss.xml").arg(f),
                QStringLiteral("Bench Source %1 %2").arg(f).arg(g.contentWord()), folder, error);
            if (!id)
                return false;
            feedIds << *id;
        }
        if (!t.commit()) {
            *error = QStringLiteral("cannot write the feeds");
            return false;
        }
    }
    info->bigFeedId = feedIds.at(0);
    info->mediumFeedId = feedIds.at(1);

    // Which feed each story goes to: feed 0 gets 10,000, feed 1 gets 500, the rest share
    // the remainder unevenly (weights 0.3-1.7). Stories are written oldest first, the way
    // refreshes would have written them, each to its feed.
    QList<int> feedOf;
    feedOf.reserve(stories);
    const int big = std::min(kBigFeedStories, stories / 2);
    const int medium = std::min(kMediumFeedStories, stories / 4);
    for (int i = 0; i < big; ++i)
        feedOf << 0;
    for (int i = 0; i < medium; ++i)
        feedOf << 1;
    {
        QList<double> weights;
        double sum = 0;
        for (int f = 2; f < feeds; ++f) {
            weights << 0.3 + 1.4 * g.unit();
            sum += weights.last();
        }
        const int rest = stories - big - medium;
        int given = 0;
        for (int f = 2; f < feeds; ++f) {
            const int n = f == feeds - 1 ? rest - given : int(rest * weights.at(f - 2) / sum);
            for (int i = 0; i < n; ++i)
                feedOf << f;
            given += n;
        }
    }
    std::mt19937 shuffle(11);
    std::shuffle(feedOf.begin(), feedOf.end(), shuffle);

    // Stored as a refresh stores them: with indexing deferred, and indexed afterwards in
    // large batches (ArticleStore::indexPending), which costs a fraction of indexing each
    // story in its own statement.
    cache->articles().setDeferIndexing(true);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 span = 2LL * 365 * 24 * 3600; // two years of stories
    const int unreadFrom = stories - stories / 5; // the newest fifth is unread
    QList<qint64> ids;
    ids.reserve(stories);
    QList<qint64> readIds;
    QList<QPair<qint64, QString>> toBookmark;
    QElapsedTimer progress;
    progress.start();
    for (int start = 0; start < stories; start += kBatch) {
        bulletin::Transaction t(db);
        const int end = std::min(stories, start + kBatch);
        for (int i = start; i < end; ++i) {
            TextGen s(quint64(i) + 1000);
            bulletin::Article a;
            const int feed = feedOf.at(i);
            a.guid = QStringLiteral("bench-%1").arg(i);
            a.title = s.headline();
            a.link = QStringLiteral("https://feeds%1.bench.invalid/story/%2").arg(feed).arg(i);
            a.author = QStringLiteral("Reporter %1").arg(s.below(500));
            a.published = now.addSecs(-span + span * i / stories);
            a.html = s.articleHtml(2600 + s.below(900), &a.text);
            a.categories << s.contentWord();
            if (s.below(2))
                a.categories << s.contentWord();
            if (i % 97 == 5) {
                a.advisory = advisoryFor(s, a.published, i);
                ++info->advisories;
            }
            if (i % 10 == 3 && i > 50) {
                for (int r = 1; r <= 3; ++r) {
                    const int other = i - 1 - s.below(50);
                    a.related << bulletin::RelatedLink{
                        QStringLiteral("Earlier: story %1").arg(other),
                        QStringLiteral("https://feeds%1.bench.invalid/story/%2")
                            .arg(feedOf.at(other))
                            .arg(other)};
                }
                ++info->withRelated;
            }
            const auto result = cache->articles().upsert(feedIds.at(feed), a);
            if (result.state != bulletin::ArticleStore::UpsertState::Inserted) {
                *error = QStringLiteral("story %1 was not inserted").arg(i);
                return false;
            }
            ids << result.id;
            if (i < unreadFrom)
                readIds << result.id;
            if (i % 199 == 17)
                toBookmark << qMakePair(result.id,
                                        i % 2 ? QString() : QStringLiteral("keep this one"));
        }
        if (!t.commit()) {
            *error = QStringLiteral("cannot commit a batch of stories");
            return false;
        }
        // BookmarkStore::add writes in a transaction of its own.
        for (const auto &[id, note] : std::as_const(toBookmark)) {
            if (!cache->bookmarks().add(id, note)) {
                *error = QStringLiteral("cannot bookmark story %1").arg(id);
                return false;
            }
            ++info->bookmarks;
        }
        toBookmark.clear();
        out() << "  " << end << " stories written ("
              << int(end / (progress.elapsed() / 1000.0 + 1e-9)) << "/s)" << Qt::endl;
    }
    {
        QElapsedTimer readTimer;
        readTimer.start();
        if (!cache->articles().setRead(readIds, true)) {
            *error = QStringLiteral("cannot mark the older stories read");
            return false;
        }
        // Feed 0 keeps all its stories unread: the "mark 10,000 read" case.
        markFeedUnread(db, info->bigFeedId);
    }
    out() << "  indexing for search ..." << Qt::endl;
    QElapsedTimer ftsTimer;
    ftsTimer.start();
    if (!indexAndMerge(*cache, error))
        return false;
    out() << "  indexed and merged in " << ftsTimer.elapsed() / 1000.0 << " s" << Qt::endl;
    cache->setMeta(QStringLiteral("first_run_done"), QStringLiteral("1"));
    cache->setMeta(QStringLiteral("bench_info"), infoText(*info));
    // The pages the indexing freed go back as the writer's checkpoints give them back after
    // each refresh (Database::checkpoint), here all at once.
    QElapsedTimer giveBack;
    giveBack.start();
    while (cache->database().giveBackFreePages(std::chrono::seconds(10))) {
    }
    out() << "  free pages given back in " << giveBack.elapsed() / 1000.0 << " s" << Qt::endl;
    exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), error);
    error->clear();
    db = QSqlDatabase(); // let the connection go with the cache
    cache.reset();
    info->generateSeconds = timer.elapsed() / 1000.0;
    info->fileBytes = QFileInfo(path).size();
    out() << "generated in " << info->generateSeconds << " s, " << info->fileBytes / (1024 * 1024)
          << " MiB" << Qt::endl;
    return true;
}

} // namespace bench
