#include "storage/articlestore.h"
#include "storage/bookmarkstore.h"
#include "storage/database.h"
#include "storage/feedstore.h"
#include "storage/sqlutil.h"

#include "schemahistory.h"
#include "storetestutil.h"
#include "support/scratchmount.h"
#include "support/testdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace bulletin;

namespace {
// A cache with one feed and one story, closed, in `path`.
void makeCache(const QString &path)
{
    Database db;
    QString error;
    if (!db.open(path, &error))
        qFatal("cannot make a cache: %s", qPrintable(error));
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("INSERT INTO feeds(url, title, created_at) VALUES "
                               "('https://example.org/feed', 'Example', 1)")))
        qFatal("cannot add a feed");
}

// Another program's SQLite database: its own tables, and user_version as it left it.
void makeForeign(const QString &path, int userVersion)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("foreign"));
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot make a database");
        QSqlQuery q(db);
        q.exec(QStringLiteral("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)"));
        q.exec(QStringLiteral("INSERT INTO notes(body) VALUES ('mine')"));
        q.exec(QStringLiteral("PRAGMA user_version=%1").arg(userVersion));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
}

// Takes a cache back from schema 14 to 13: the index of each feed's headlines.
bool undoHeadlineOrder(QSqlQuery &q)
{
    if (!q.exec(QStringLiteral("DROP INDEX articles_feed_title"))) {
        qWarning("cannot undo schema 14");
        return false;
    }
    return true;
}

// Takes a cache back from schema 13 to 12: its sync accounts' triggers, tables and columns.
bool undoAccounts(QSqlQuery &q)
{
    for (const char *sql :
         {"DROP TRIGGER sync_pending_read", "DROP TRIGGER sync_pending_unread",
          "DROP TRIGGER sync_pending_star", "DROP TRIGGER sync_pending_unstar",
          "DROP TRIGGER sync_pending_note_added", "DROP TRIGGER sync_pending_note_changed",
          "DROP TRIGGER sync_pending_note_cleared", "DROP TABLE sync_applying",
          "DROP TABLE sync_pending", "DROP TABLE account_articles", "DROP INDEX folders_remote",
          "ALTER TABLE folders DROP COLUMN remote_id", "ALTER TABLE folders DROP COLUMN account_id",
          "DROP INDEX feeds_remote", "ALTER TABLE feeds DROP COLUMN remote_url",
          "ALTER TABLE feeds DROP COLUMN remote_id", "ALTER TABLE feeds DROP COLUMN account_id",
          "DROP TABLE accounts"}) {
        if (!q.exec(QLatin1String(sql))) {
            qWarning("cannot undo schema 13: %s", sql);
            return false;
        }
    }
    return true;
}

QStringList entries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                                  QDir::Name);
}
} // namespace

class tst_Database final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshCacheHasLatestSchemaAndPragmas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/folder/cache.sqlite"));
        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 2);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        for (const char *table :
             {"feeds", "folders", "articles", "advisories", "related_links", "bookmarks",
              "bookmark_notes", "articles_fts", "saved_searches"}) {
            QCOMPARE(scalar(db,
                            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'")
                                .arg(QLatin1String(table)))
                         .toInt(),
                     1);
        }
        QVERIFY(db.backupPath().isEmpty()); // nothing to back up on a new file
    }

    void upgradeBacksUpAndKeepsData()
    {
        // A cache as version 1 of the schema wrote it (tests/storage/data/cache-v1.sqlite,
        // made from 0001_initial.sql with one feed, one read story and its bookmark).
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QVERIFY(QFile::copy(test::testDataPath(QStringLiteral("cache-v1.sqlite")), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        const QByteArray original = test::fileHash(path);

        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(db.backupPath(), path + QStringLiteral(".backup-v1"));
        QCOMPARE(test::fileHash(db.backupPath()), original);
        QCOMPARE(scalar(db, QStringLiteral("SELECT title FROM feeds")).toString(),
                 QStringLiteral("Example"));
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT count(*) FROM articles WHERE guid = 'g1'")).toInt(),
            1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM unread_articles")).toInt(),
                 0); // g1 was read
        QCOMPARE(scalar(db, QStringLiteral("SELECT note FROM bookmarks")).toString(),
                 QStringLiteral("kept since v1"));
        // Schema 12 keeps the note apart from the bookmark's snapshots, where the list reads it.
        QCOMPARE(scalar(db, QStringLiteral("SELECT note FROM bookmark_notes")).toString(),
                 QStringLiteral("kept since v1"));
        QCOMPARE(BookmarkStore(db.connection()).bookmarkPage(std::nullopt, 10).value(0).note,
                 QStringLiteral("kept since v1"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM saved_searches")).toInt(), 0);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        // Schema 4 moved the story's body to its own table; the search index still finds
        // it and shows its words, without having been rebuilt.
        QCOMPARE(
            scalar(db,
                   QStringLiteral("SELECT body_text(b.body) FROM article_bodies b JOIN articles a "
                                  "ON a.id = b.article_id WHERE a.guid = 'g1'"))
                .toString(),
            QStringLiteral("Old text"));
        QCOMPARE(scalar(db,
                        QStringLiteral("SELECT snippet(articles_fts, 1, '[', ']', '', 4) FROM "
                                       "articles_fts WHERE articles_fts MATCH 'old'"))
                     .toString(),
                 QStringLiteral("[Old] text"));
        QSqlQuery check(db.connection());
        QVERIFY(check.exec(
            QStringLiteral("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")));
        // Foreign keys survived the table's rebuild: the story still cascades from its feed,
        // and its bookmark stays.
        QVERIFY(check.exec(QStringLiteral("DELETE FROM feeds")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM articles")).toInt(), 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM article_bodies")).toInt(), 0);
        QCOMPARE(scalar(db,
                        QStringLiteral(
                            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'old'"))
                     .toInt(),
                 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT note FROM bookmarks")).toString(),
                 QStringLiteral("kept since v1"));
    }

    void upgradeFinishesStoriesWaitingForTheIndex()
    {
        // A schema-4 cache that a refresh left with a story waiting to be indexed: schema 4
        // had already put its headline in the headline index. Schema 5 indexes it before
        // headlines start to wait too, so that it is in each index exactly once.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        qint64 waiting = 0;
        {
            Database db;
            QString error;
            QVERIFY2(db.open(path, &error), qPrintable(error));
            QSqlQuery q(db.connection());
            // Schema 4's headline triggers, no index of schema 6, no columns of schemas 8, 9 and 11
            // nor the tables of schemas 10 and 12, nothing of schemas 13 to 17.
            QVERIFY(undoAdvisoryCounts(q));
            QVERIFY(undoUnreadCounts(q));
            QVERIFY(undoHeadlineOrder(q));
            QVERIFY(undoAccounts(q));
            for (
                const char *sql :
                {"DROP TABLE bookmark_notes", "DROP INDEX advisories_order",
                 "ALTER TABLE feeds DROP COLUMN removing",
                 "ALTER TABLE feeds DROP COLUMN last_warning", "DROP TABLE coverage_links",
                 "DROP TABLE coverage_events", "ALTER TABLE feeds DROP COLUMN carries_alerts",
                 "DROP TRIGGER article_bodies_title_fts_insert",
                 "DROP TRIGGER articles_title_fts_update", "DROP TRIGGER articles_title_fts_delete",
                 "CREATE TRIGGER articles_title_fts_insert AFTER INSERT ON articles BEGIN "
                 "INSERT INTO articles_title_fts(rowid, title) VALUES (new.id, new.title); END",
                 "CREATE TRIGGER articles_title_fts_delete AFTER DELETE ON articles BEGIN "
                 "INSERT INTO articles_title_fts(articles_title_fts, rowid, title) "
                 "VALUES ('delete', old.id, old.title); END",
                 "CREATE TRIGGER articles_title_fts_update AFTER UPDATE OF title ON articles BEGIN "
                 "INSERT INTO articles_title_fts(articles_title_fts, rowid, title) "
                 "VALUES ('delete', old.id, old.title); "
                 "INSERT INTO articles_title_fts(rowid, title) VALUES (new.id, new.title); END",
                 "PRAGMA user_version=4"})
                QVERIFY2(q.exec(QLatin1String(sql)), sql);
            FeedStore feeds(db.connection());
            ArticleStore articles(db.connection());
            const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
            articles.setDeferIndexing(true);
            Article a;
            a.guid = QStringLiteral("w");
            a.title = QStringLiteral("Waiting heron");
            a.text = QStringLiteral("by the weir");
            waiting = articles.upsert(feed, a).id;
            QVERIFY(waiting > 0);
            QCOMPARE(articles.pendingIndexCount(), 1);
            QCOMPARE(scalar(db,
                            QStringLiteral("SELECT count(*) FROM articles_title_fts WHERE "
                                           "articles_title_fts MATCH 'heron'"))
                         .toInt(),
                     1);
            QVERIFY(undoEnclosures(q));
            QVERIFY(undoCompressedBodies(q));
        }
        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM articles_fts_pending")).toInt(),
                 0);
        QCOMPARE(scalar(db,
                        QStringLiteral(
                            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'weir'"))
                     .toInt(),
                 1);
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT doc FROM articles_title_vocab WHERE term = 'heron'"))
                .toInt(),
            1);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM articles WHERE id = %1").arg(waiting)));
        QCOMPARE(
            scalar(db,
                   QStringLiteral("SELECT count(*) FROM articles_title_vocab WHERE term = 'heron'"))
                .toInt(),
            0);
        QCOMPARE(scalar(db,
                        QStringLiteral(
                            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'weir'"))
                     .toInt(),
                 0);
    }

    void upgradeFromSchema5AddsEachSchemasIndexesAndTables()
    {
        // A schema-5 cache: the upgrade to 6 adds the Advisories order's index, the one to 7
        // turns the search indexes' automatic merging off, those to 8 and 9 add a column with
        // a default, the one to 10 adds tables, the one to 11 adds a column with a default
        // (filled in the feeds' own rows), the one to 12 a table for bookmark notes and the one to
        // 13 sync accounts' tables, columns without a value and triggers, the one to 14 an
        // index. Those are additive ("-- additive:"), which alone would not copy the cache
        // first (a large one takes minutes to copy); the one to 15 rewrites every story's body,
        // so this upgrade is backed up.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            Database db;
            QString error;
            QVERIFY2(db.open(path, &error), qPrintable(error));
            QSqlQuery q(db.connection());
            QVERIFY(undoAdvisoryCounts(q));
            QVERIFY(undoUnreadCounts(q));
            QVERIFY(undoEnclosures(q));
            QVERIFY(undoCompressedBodies(q));
            QVERIFY(undoHeadlineOrder(q));
            QVERIFY(undoAccounts(q));
            QVERIFY(q.exec(QStringLiteral("DROP INDEX advisories_order")));
            for (const char *table : {"articles_fts", "articles_title_fts"})
                QVERIFY(q.exec(QStringLiteral("DELETE FROM %1_config WHERE k = 'automerge'")
                                   .arg(QLatin1String(table))));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE feeds DROP COLUMN removing")));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE feeds DROP COLUMN last_warning")));
            for (const char *table : {"coverage_links", "coverage_events", "bookmark_notes"})
                QVERIFY(q.exec(QStringLiteral("DROP TABLE %1").arg(QLatin1String(table))));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE feeds DROP COLUMN carries_alerts")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=5")));
        }
        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        for (const char *column :
             {"removing", "last_warning", "carries_alerts", "account_id", "remote_url"})
            QCOMPARE(scalar(db,
                            QStringLiteral(
                                "SELECT count(*) FROM pragma_table_info('feeds') WHERE name = '%1'")
                                .arg(QLatin1String(column)))
                         .toInt(),
                     1);
        QCOMPARE(scalar(db,
                        QStringLiteral(
                            "SELECT count(*) FROM sqlite_master WHERE name IN "
                            "('coverage_links', 'coverage_events', 'accounts', 'sync_pending', "
                            "'articles_feed_title', 'enclosures')"))
                     .toInt(),
                 6);
        for (const char *table : {"articles_fts", "articles_title_fts"})
            QCOMPARE(scalar(db,
                            QStringLiteral(
                                "SELECT count(*) FROM %1_config WHERE k = 'automerge' AND v = 0")
                                .arg(QLatin1String(table)))
                         .toInt(),
                     1);
        QCOMPARE(db.backupPath(), path + QStringLiteral(".backup-v5"));
        QCOMPARE(scalar(db,
                        QStringLiteral(
                            "SELECT count(*) FROM sqlite_master WHERE name = 'advisories_order'"))
                     .toInt(),
                 1);
        // The Advisories view's order reads the index alone, in its order (no sorting step).
        QSqlQuery plan(db.connection());
        QVERIFY(plan.exec(QStringLiteral(
            "EXPLAIN QUERY PLAN SELECT v.article_id, v.status, v.severity, v.expires, "
            "v.effective, v.id FROM advisories v WHERE v.effective IS NOT NULL "
            "ORDER BY v.effective DESC, v.id DESC")));
        QStringList steps;
        while (plan.next())
            steps << plan.value(3).toString();
        QCOMPARE(steps,
                 QStringList{QStringLiteral(
                     "SEARCH v USING COVERING INDEX advisories_order (effective>?)")});
    }

    void upgradeFindsTheFeedsThatCarryAlerts()
    {
        // A schema-10 cache with a CAP alert feed, which a refresh may only ever see as 304s
        // from now on: the upgrade marks it from its stories' CAP advisories, so that it goes
        // on the alert sources' interval at once. A news feed with an advisory section does not.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        qint64 alerts = 0;
        qint64 news = 0;
        {
            Database db;
            QString error;
            QVERIFY2(db.open(path, &error), qPrintable(error));
            FeedStore feeds(db.connection());
            ArticleStore articles(db.connection());
            alerts = *feeds.addSubscription(QStringLiteral("http://127.0.0.1/alerts.atom"), {});
            news = *feeds.addSubscription(QStringLiteral("http://127.0.0.1/news.rss"), {});
            for (const auto &[feed, origin] :
                 {std::pair(alerts, "cap"), std::pair(news, "section")}) {
                Article a;
                a.guid = QString::number(feed);
                a.title = QStringLiteral("Flood warning");
                a.advisory = Advisory{};
                a.advisory->headline = a.title;
                a.advisory->status = QStringLiteral("active");
                a.advisory->origin = QLatin1String(origin);
                QVERIFY(articles.upsert(feed, a).id > 0);
            }
            QSqlQuery q(db.connection());
            QVERIFY(undoAdvisoryCounts(q));
            QVERIFY(undoUnreadCounts(q));
            QVERIFY(undoEnclosures(q));
            QVERIFY(undoCompressedBodies(q));
            QVERIFY(undoHeadlineOrder(q));
            QVERIFY(undoAccounts(q));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE feeds DROP COLUMN carries_alerts")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE bookmark_notes"))); // schema 12's
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=10")));
        }
        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(db.backupPath(),
                 path + QStringLiteral(".backup-v10")); // schema 15 rewrites bodies
        FeedStore feeds(db.connection());
        QVERIFY(feeds.feedSettings(alerts)->carriesAlerts);
        QVERIFY(!feeds.feedSettings(news)->carriesAlerts);
    }

    void upgradeFrom15AddsEnclosuresWithoutACopy()
    {
        // Schema 16 only adds the enclosures' table: a schema-15 cache is not copied first,
        // and its stories read as before, with no enclosures until their feed is refreshed.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        qint64 story = 0;
        {
            Database db;
            QString error;
            QVERIFY2(db.open(path, &error), qPrintable(error));
            FeedStore feeds(db.connection());
            ArticleStore articles(db.connection());
            const qint64 feed = *feeds.addSubscription(QStringLiteral("https://radio.example/feed"),
                                                       QStringLiteral("Radio"));
            story = articles
                        .upsert(
                            feed,
                            makeArticle(QStringLiteral("ep11"), QStringLiteral("Episode 11"), 1000))
                        .id;
            QVERIFY(story > 0 && articles.setRead({story}, true));
            QSqlQuery q(db.connection());
            QVERIFY(undoAdvisoryCounts(q));
            QVERIFY(undoUnreadCounts(q));
            QVERIFY(undoEnclosures(q));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=15")));
        }
        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(db.backupPath().isEmpty());
        QVERIFY(!QFile::exists(path + QStringLiteral(".backup-v15")));
        ArticleStore articles(db.connection());
        const auto detail = articles.story(story);
        QVERIFY(detail);
        QCOMPARE(detail->summary.title, QStringLiteral("Episode 11"));
        QVERIFY(detail->summary.read);
        QVERIFY(detail->enclosures.isEmpty());
        // And the refresh that brings them stores them.
        Article a = makeArticle(QStringLiteral("ep11"), QStringLiteral("Episode 11"), 1000);
        Enclosure e;
        e.url = QStringLiteral("https://radio.example/e11.mp3");
        a.enclosures = {e};
        QCOMPARE(articles.upsert(detail->summary.feedId, a).state,
                 ArticleStore::UpsertState::Updated);
        QCOMPARE(articles.enclosures(story).size(), 1);
    }

    void upgradeFrom16CountsEachFeedsUnreadStoriesWithoutACopy()
    {
        // Schema 17 adds each feed's count of unread stories, filled from the stories the
        // cache holds: a schema-16 cache is not copied first, and its sidebar counts are the
        // same after the upgrade, and keep following.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        qint64 news = 0;
        qint64 quiet = 0;
        qint64 first = 0;
        {
            Database db;
            QString error;
            QVERIFY2(db.open(path, &error), qPrintable(error));
            QSqlQuery q(db.connection());
            QVERIFY(undoAdvisoryCounts(q));
            QVERIFY(undoUnreadCounts(q));
            FeedStore feeds(db.connection());
            ArticleStore articles(db.connection());
            news = *feeds.addSubscription(QStringLiteral("https://news.example/feed"),
                                          QStringLiteral("News"));
            quiet = *feeds.addSubscription(QStringLiteral("https://quiet.example/feed"),
                                           QStringLiteral("Quiet"));
            for (int i = 0; i < 4; ++i) {
                const qint64 id = articles
                                      .upsert(news,
                                              makeArticle(QStringLiteral("n%1").arg(i),
                                                          QStringLiteral("N %1").arg(i), 1000 + i))
                                      .id;
                if (i == 0)
                    first = id;
            }
            const qint64 read
                = articles.upsert(quiet, makeArticle(QStringLiteral("q"), QStringLiteral("Q"), 900))
                      .id;
            QVERIFY(articles.setRead({first, read}, true));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=16")));
        }
        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(db.backupPath().isEmpty());
        FeedStore feeds(db.connection());
        ArticleStore articles(db.connection());
        const auto unreadOf = [&](qint64 feed) {
            for (const FeedRecord &f : feeds.feeds()) {
                if (f.id == feed)
                    return f.unread;
            }
            return -1;
        };
        QCOMPARE(unreadOf(news), 3);
        QCOMPARE(unreadOf(quiet), 0);
        QVERIFY(articles.setRead({first}, false));
        QCOMPARE(unreadOf(news), 4);
        QCOMPARE(articles.markAllRead({StoryFilter::Kind::Feed, news}).size(), 4);
        QCOMPARE(unreadOf(news), 0);
        // The banner's advisory is the first entry of an index in its order (no sorting step
        // over every active advisory).
        QSqlQuery plan(db.connection());
        QVERIFY(plan.exec(QStringLiteral(
            "EXPLAIN QUERY PLAN SELECT id FROM advisories "
            "WHERE status = 'active' AND dismissed = 0 AND (expires IS NULL OR expires >= 5) "
            "ORDER BY CASE lower(severity) WHEN 'extreme' THEN 4 WHEN 'severe' THEN 3 "
            "WHEN 'moderate' THEN 2 WHEN 'minor' THEN 1 ELSE 0 END DESC, "
            "expires IS NULL, expires, coalesce(effective, 0) DESC, id DESC LIMIT 1")));
        QStringList steps;
        while (plan.next())
            steps << plan.value(3).toString();
        QCOMPARE(steps,
                 QStringList{QStringLiteral("SEARCH advisories USING INDEX "
                                            "advisories_banner (status=? AND dismissed=?)")});
    }

    void upgradeFrom17CountsUnreadAdvisoriesWithoutACopy()
    {
        // Schema 18 adds each feed's count of unread stories with an advisory, filled from
        // the advisories the cache holds: a schema-17 cache is not copied first, its
        // sidebar's Advisories count is the same after the upgrade, and keeps following.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const auto warned = [](const QString &guid, qint64 secs) {
            Article article = makeArticle(guid, QStringLiteral("Storm ") + guid, secs);
            Advisory advisory;
            advisory.headline = QStringLiteral("Storm warning");
            article.advisory = advisory;
            return article;
        };
        QList<qint64> storms;
        {
            Database db;
            QString error;
            QVERIFY2(db.open(path, &error), qPrintable(error));
            QSqlQuery q(db.connection());
            QVERIFY(undoAdvisoryCounts(q));
            FeedStore feeds(db.connection());
            ArticleStore articles(db.connection());
            const qint64 news = *feeds.addSubscription(QStringLiteral("https://news.example/feed"),
                                                       QStringLiteral("News"));
            const qint64 alerts = *feeds.addSubscription(
                QStringLiteral("https://alerts.example/feed"), QStringLiteral("Alerts"));
            for (int i = 0; i < 3; ++i)
                storms << articles.upsert(news, warned(QStringLiteral("n%1").arg(i), 1000 + i)).id;
            storms << articles.upsert(alerts, warned(QStringLiteral("a"), 900)).id;
            articles.upsert(news, makeArticle(QStringLiteral("calm"), QStringLiteral("Calm"), 800));
            QVERIFY(articles.setRead({storms.at(0)}, true));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=17")));
        }
        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(db.backupPath().isEmpty());
        ArticleStore articles(db.connection());
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 3);
        QVERIFY(articles.setRead({storms.at(0)}, false));
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 4);
        QVERIFY(articles.setRead({storms.at(1), storms.at(3)}, true));
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 2);
    }

    void newerCacheIsRefusedAndLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            Database db;
            QString error;
            QVERIFY(db.open(path, &error));
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=999")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode=DELETE")));
        }
        const QByteArray before = test::fileHash(path);
        Database db;
        QString error;
        QVERIFY(!db.open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("newer version")), qPrintable(error));
        QVERIFY(!db.isOpen());
        QCOMPARE(test::fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal"))
                || QFile(path + QStringLiteral("-wal")).size() == 0);
    }

    void damagedOrForeignFileIsRefusedUntouched_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("says");
        QTest::addColumn<int>("problem");
        const int damaged = int(Database::Problem::Damaged);
        QTest::newRow("zero-length file") << "empty"
                                          << "is empty (0 bytes)" << damaged;
        QTest::newRow("a text file") << "text"
                                     << "it is not an SQLite database" << damaged;
        QTest::newRow("cut to half its length") << "half"
                                                << "is cut short" << damaged;
        QTest::newRow("cut inside the header") << "header"
                                               << "is cut short" << damaged;
        QTest::newRow("its list of tables overwritten") << "schema"
                                                        << "is damaged" << damaged;
        QTest::newRow("another program's database")
            << "foreign-v0"
            << "another program's SQLite database (tables notes)"
            << int(Database::Problem::Foreign);
        QTest::newRow("another program's, with a user_version")
            << "foreign-v3"
            << "another program's SQLite database" << int(Database::Problem::Foreign);
        QTest::newRow("a folder") << "folder"
                                  << "is not a file" << int(Database::Problem::Unusable);
    }

    void damagedOrForeignFileIsRefusedUntouched()
    {
        QFETCH(QString, kind);
        QFETCH(QString, says);
        QFETCH(int, problem);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        if (kind == QLatin1String("folder")) {
            QVERIFY(QDir().mkpath(path));
        } else if (kind.startsWith(QLatin1String("foreign"))) {
            makeForeign(path, kind == QLatin1String("foreign-v3") ? 3 : 0);
        } else {
            makeCache(path);
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            if (kind == QLatin1String("empty"))
                QVERIFY(file.resize(0));
            else if (kind == QLatin1String("text"))
                QVERIFY(file.write(QByteArray(4096, 'x')) == 4096);
            else if (kind == QLatin1String("half"))
                QVERIFY(file.resize(file.size() / 2));
            else if (kind == QLatin1String("header"))
                QVERIFY(file.resize(40));
            else if (kind == QLatin1String("schema"))
                QVERIFY(file.seek(100) && file.write(QByteArray(3000, '\x5a')) == 3000);
        }
        const QByteArray before = test::fileHash(path);
        const QStringList files = entries(dir.path());

        Database db;
        QString error;
        QVERIFY(!db.open(path, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
        QCOMPARE(int(db.problem()), problem);
        QVERIFY(!db.isOpen());
        QCOMPARE(test::fileHash(path), before);
        QCOMPARE(entries(dir.path()), files);
    }

    void aCheckpointCutShortByAKillOpensFromItsLog()
    {
        // A kill in the middle of a checkpoint: SQLite has written page 1, which says how
        // long the file now is, but not yet the pages after the old end. The log beside it
        // still holds every page, and SQLite reads them from there: the cache is whole.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
        makeCache(path);
        const qint64 before = QFileInfo(path).size();
        {
            Database db;
            QString error;
            QVERIFY2(db.open(path, &error), qPrintable(error));
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")));
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            for (int i = 0; i < 200; ++i) {
                QVERIFY(q.exec(QStringLiteral("INSERT INTO feeds(url, title, created_at) VALUES "
                                              "('https://example.org/%1', '%2', 1)")
                                   .arg(i)
                                   .arg(QString(400, QLatin1Char('a' + i % 26)))));
            }
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
            // The connection is open, so the log is not folded in: copy both as they are.
            QVERIFY(QFile::copy(path, copy));
            QVERIFY(QFile::copy(path + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
        }
        QCOMPARE(QFileInfo(copy).size(), before);
        QVERIFY(QFileInfo(copy + QStringLiteral("-wal")).size() > 32 * 1024);
        // Page 1 as the checkpoint wrote it first: the new length, in pages.
        {
            QFile file(copy);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QByteArray header = file.read(100);
            const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
            const qint64 pageSize = qFromBigEndian<quint16>(bytes + 16);
            const quint32 pages = quint32(before / pageSize) + 20;
            const quint32 counter = qFromBigEndian<quint32>(bytes + 24);
            QByteArray field(4, '\0');
            qToBigEndian(pages, field.data());
            header.replace(28, 4, field);
            qToBigEndian(counter, field.data());
            header.replace(92, 4, field);
            QVERIFY(file.seek(0) && file.write(header) == 100);
        }

        Database db;
        QString error;
        QVERIFY2(db.open(copy, &error), qPrintable(error));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM feeds")) && q.next());
        QCOMPARE(q.value(0).toInt(), 201);
        QVERIFY(q.exec(QStringLiteral("PRAGMA quick_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    }

    void newCacheIsMovedIntoPlaceWhole()
    {
        // Nothing but the cache and its write-ahead files is left beside it, and a refused
        // zero-length file (above) cannot come from Bulletin itself.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            Database db;
            QString error;
            QVERIFY2(db.open(path, &error), qPrintable(error));
            QVERIFY(!db.isReadOnly());
            for (const QString &name : entries(dir.path()))
                QVERIFY2(name.startsWith(QLatin1String("cache.sqlite"))
                             && !name.contains(QLatin1String(".new")),
                         qPrintable(name));
        }
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("cache.sqlite")});
    }

    void readOnlyMountOpensForReading()
    {
        ScratchMount mount(4 * 1024 * 1024);
        if (!mount.isMounted())
            QSKIP(qPrintable(mount.skipReason()));
        const QString path = mount.filePath(QStringLiteral("cache.sqlite"));
        makeCache(path);
        QVERIFY(mount.setReadOnly(true));
        const QByteArray before = test::fileHash(path);

        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QVERIFY(db.isReadOnly());
        QVERIFY2(db.readOnlyReason().contains(QLatin1String("read-only file system")),
                 qPrintable(db.readOnlyReason()));
        QCOMPARE(scalar(db, QStringLiteral("SELECT title FROM feeds")).toString(),
                 QStringLiteral("Example"));
        {
            Transaction t(db.connection());
            QSqlQuery q(db.connection());
            QVERIFY(!sql::run(q, QStringLiteral("INSERT INTO meta(key, value) VALUES ('a', 'b')")));
            QCOMPARE(sql::lastFailure(db.connection()), QStringLiteral("it is read-only"));
        }
        db.close();
        QCOMPARE(test::fileHash(path), before);
        QVERIFY(mount.setReadOnly(false));
    }

    void notACacheIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        Database db;
        QString error;
        QVERIFY(!db.open(path, &error));
        QVERIFY(!error.isEmpty());
    }

    void onlyCheckpointCopiesTheLogIntoTheFile()
    {
        // A large write stays in the write-ahead log, even when another connection (the
        // window's) commits after it: copying it into the file is the refresh's writer's
        // job (Database::checkpoint), not whichever commit comes next.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        Database writer;
        Database window;
        QString error;
        QVERIFY2(writer.open(path, &error), qPrintable(error));
        QVERIFY2(window.open(path, &error), qPrintable(error));
        const qint64 emptySize = QFileInfo(path).size();
        {
            Transaction t(writer.connection());
            QSqlQuery q(writer.connection());
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE scratch(data BLOB)")));
            // ~3,000 pages, three times SQLite's default threshold for checkpointing
            QVERIFY(q.exec(QStringLiteral(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                "INSERT INTO scratch(data) SELECT randomblob(4000) FROM n")));
            QVERIFY(t.commit());
        }
        {
            Transaction t(window.connection());
            QVERIFY(QSqlQuery(window.connection())
                        .exec(QStringLiteral("INSERT INTO meta(key, value) VALUES ('a', 'b')")));
            QVERIFY(t.commit());
        }
        QCOMPARE(QFileInfo(path).size(), emptySize);
        QCOMPARE(scalar(window, QStringLiteral("SELECT count(*) FROM scratch")).toInt(), 3000);

        QVERIFY(writer.checkpoint());
        QVERIFY(QFileInfo(path).size() > emptySize + 3000 * 4000);
        QCOMPARE(scalar(window, QStringLiteral("SELECT count(*) FROM scratch")).toInt(), 3000);
        QCOMPARE(
            scalar(window, QStringLiteral("SELECT value FROM meta WHERE key = 'a'")).toString(),
            QStringLiteral("b"));
    }

    void theWritersCheckpointGivesBackWhatDeletedStoriesFreed()
    {
        // Stories deleted (a feed unsubscribed, old stories pruned) leave their pages free in
        // the file; the writer's checkpoint after its work gives most of them back, a step
        // at a time, and a cache made new can do that without rewriting itself.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA auto_vacuum")).toInt(), 2); // incremental
        FeedStore feeds(db.connection());
        ArticleStore articles(db.connection());
        const qint64 kept = *feeds.addSubscription(QStringLiteral("https://example.org/kept"),
                                                   QStringLiteral("Kept"));
        const qint64 gone = *feeds.addSubscription(QStringLiteral("https://example.org/gone"),
                                                   QStringLiteral("Gone"));
        QRandomGenerator words(7);
        {
            Transaction t(db.connection());
            for (int i = 0; i < 600; ++i) {
                // Text that does not compress away: ~8 KB a story, 4.8 MB in all.
                const QString text = QString::fromLatin1(test::lettersThatDoNotRepeat(8000, words));
                articles.upsert(i < 100 ? kept : gone,
                                makeArticle(QStringLiteral("g%1").arg(i),
                                            QStringLiteral("Story %1").arg(i), 1000 + i, text));
            }
            QVERIFY(t.commit());
        }
        QVERIFY(db.checkpoint());
        const qint64 full = QFileInfo(path).size();
        QVERIFY2(full > 4'000'000, qPrintable(QString::number(full)));

        QVERIFY(feeds.remove(gone));
        const qint64 pages = scalar(db, QStringLiteral("PRAGMA page_count")).toLongLong();
        const qint64 freed = scalar(db, QStringLiteral("PRAGMA freelist_count")).toLongLong();
        QVERIFY2(freed > 500, qPrintable(QString::number(freed))); // the stories' bodies
        // A step of about 100 ms at a time; each checkpoint gives back what it can.
        for (int i = 0; i < 20 && db.giveBackFreePages(std::chrono::milliseconds(100)); ++i) {
        }
        QVERIFY(db.checkpoint());
        const qint64 pageSize = scalar(db, QStringLiteral("PRAGMA page_size")).toLongLong();
        const qint64 after = QFileInfo(path).size();
        // What is kept free for the next writes: a little.
        const qint64 slack = std::max<qint64>(Database::kFreePagesKept, pages / 64);
        QVERIFY(scalar(db, QStringLiteral("PRAGMA freelist_count")).toLongLong() <= slack);
        QVERIFY2(after <= (pages - freed + slack) * pageSize,
                 qPrintable(QStringLiteral("%1 pages, %2 of them free, the file %3 bytes after")
                                .arg(pages)
                                .arg(freed)
                                .arg(after)));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM articles")).toInt(), 100);
        QCOMPARE(
            articles.story(scalar(db, QStringLiteral("SELECT min(id) FROM articles")).toLongLong())
                ->text.size(),
            8000);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
    }

    void writersThresholdKeepsTheLogBounded()
    {
        // Long work in many commits (indexing a backlog): past the threshold the writer's own
        // commits copy the log into the file, and the log starts again from its beginning;
        // the window's commits still leave it alone.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        Database writer;
        Database window;
        QString error;
        QVERIFY2(writer.open(path, &error), qPrintable(error));
        QVERIFY2(window.open(path, &error), qPrintable(error));
        writer.setCheckpointThreshold(1024 * 1024);
        QVERIFY(
            QSqlQuery(writer.connection())
                .exec(QStringLiteral("CREATE TABLE scratch(id INTEGER PRIMARY KEY, data BLOB)")));
        const QString wal = path + QStringLiteral("-wal");
        qint64 largest = 0;
        // 40 commits of ~100 pages each: ~16 MiB through the log.
        for (int i = 0; i < 40; ++i) {
            Transaction t(writer.connection());
            QSqlQuery q(writer.connection());
            QVERIFY(q.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                          "FROM n WHERE i < 100) INSERT INTO scratch(data) "
                                          "SELECT randomblob(4000) FROM n")));
            QVERIFY(t.commit());
            Transaction w(window.connection());
            QVERIFY(QSqlQuery(window.connection())
                        .exec(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) "
                                             "VALUES ('mark', '%1')")
                                  .arg(i)));
            QVERIFY(w.commit());
            largest = std::max(largest, QFileInfo(wal).size());
        }
        // The threshold and one commit's pages, not the 16 MiB written.
        QVERIFY2(largest < 3 * 1024 * 1024, qPrintable(QString::number(largest)));
        QVERIFY(QFileInfo(path).size() > 12 * 1024 * 1024);
        QCOMPARE(scalar(window, QStringLiteral("SELECT count(*) FROM scratch")).toInt(), 4000);
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
