// The cache on disk: what a story costs in the file and in each of its large parts, the
// same stories in RSS Guard's database, and what reading a compressed story costs.

#include "measure.h"

#include "storage/articlestore.h"
#include "storage/database.h"
#include "storage/storybody.h"
#include "storage/transaction.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <random>

namespace bench {

namespace {

constexpr int kReads = 2000;

// RSS Guard's own tables for what it keeps of a story, as its SQLite schema
// (resources/sql/db_init_sqlite.sql, schema_version 1) creates them: no index besides the
// row ids, no full-text index; a story's HTML is its `contents`, its text is not stored.
constexpr const char *kRssGuardSchema[] = {
    "CREATE TABLE Accounts (id INTEGER PRIMARY KEY, type TEXT NOT NULL CHECK (type != ''), "
    "proxy_type INTEGER NOT NULL DEFAULT 0 CHECK (proxy_type >= 0), proxy_host TEXT, proxy_port "
    "INTEGER, "
    "proxy_username TEXT, proxy_password TEXT, custom_data TEXT)",
    "CREATE TABLE Feeds (id INTEGER PRIMARY KEY, title TEXT NOT NULL CHECK (title != ''), "
    "description TEXT, "
    "date_created INTEGER, icon BLOB, category INTEGER NOT NULL CHECK (category >= -1), source "
    "TEXT, "
    "update_type INTEGER(1) NOT NULL CHECK (update_type >= 0), "
    "update_interval INTEGER NOT NULL DEFAULT 15 CHECK (update_interval >= 1), account_id INTEGER "
    "NOT NULL, "
    "custom_id TEXT, FOREIGN KEY (account_id) REFERENCES Accounts (id))",
    "CREATE TABLE Messages (id INTEGER PRIMARY KEY, "
    "is_read INTEGER(1) NOT NULL DEFAULT 0 CHECK (is_read >= 0 AND is_read <= 1), "
    "is_deleted INTEGER(1) NOT NULL DEFAULT 0 CHECK (is_deleted >= 0 AND is_deleted <= 1), "
    "is_important INTEGER(1) NOT NULL DEFAULT 0 CHECK (is_important >= 0 AND is_important <= 1), "
    "feed TEXT NOT NULL, title TEXT NOT NULL CHECK (title != ''), url TEXT, author TEXT, "
    "date_created INTEGER NOT NULL CHECK (date_created != 0), contents TEXT, "
    "is_pdeleted INTEGER(1) NOT NULL DEFAULT 0 CHECK (is_pdeleted >= 0 AND is_pdeleted <= 1), "
    "enclosures TEXT, account_id INTEGER NOT NULL, custom_id TEXT, custom_hash TEXT, "
    "FOREIGN KEY (account_id) REFERENCES Accounts (id))",
};

// Builds RSS Guard's database of the cache's stories at `path`; its size in bytes, or -1.
qint64 buildRssGuardDatabase(QSqlDatabase cache, const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
    qint64 bytes = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("rssguard"));
        db.setDatabaseName(path);
        QSqlQuery w(db);
        QSqlQuery r(cache);
        r.setForwardOnly(true);
        bool ok = db.open() && db.transaction();
        for (const char *sql : kRssGuardSchema)
            ok = ok && w.exec(QString::fromLatin1(sql));
        ok = ok && w.exec(QStringLiteral("INSERT INTO Accounts(id, type) VALUES (1, 'std-rss')"))
            && r.exec(QStringLiteral("SELECT id, title, url FROM feeds"));
        ok = ok
            && w.prepare(QStringLiteral(
                "INSERT INTO Feeds(id, title, category, source, update_type, account_id, "
                "custom_id) VALUES (?, ?, -1, ?, 1, 1, ?)"));
        while (ok && r.next()) {
            w.addBindValue(r.value(0));
            w.addBindValue(r.value(1).toString().isEmpty() ? QStringLiteral("Feed")
                                                           : r.value(1).toString());
            w.addBindValue(r.value(2));
            w.addBindValue(r.value(0).toString());
            ok = w.exec();
        }
        ok = ok
            && r.exec(QStringLiteral(
                "SELECT a.feed_id, a.title, a.link, a.author, a.sort_date, body_html(b.body), "
                "a.guid, a.id NOT IN (SELECT id FROM unread_articles), "
                "a.id IN (SELECT article_id FROM bookmarks) "
                "FROM articles a LEFT JOIN article_bodies b ON b.article_id = a.id ORDER BY a.id"));
        ok = ok
            && w.prepare(QStringLiteral(
                "INSERT INTO Messages(is_read, is_important, feed, title, url, author, "
                "date_created, contents, account_id, custom_id, custom_hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"));
        while (ok && r.next()) {
            // custom_hash: RSS Guard keeps a hash of each story to see it change (MD5, hex).
            const QString contents = r.value(5).toString();
            w.addBindValue(r.value(7).toInt());
            w.addBindValue(r.value(8).toInt());
            w.addBindValue(r.value(0).toString());
            w.addBindValue(r.value(1));
            w.addBindValue(r.value(2));
            w.addBindValue(r.value(3));
            w.addBindValue(r.value(4).toLongLong() * 1000);
            w.addBindValue(contents);
            w.addBindValue(r.value(6));
            w.addBindValue(QString::fromLatin1(
                QCryptographicHash::hash(
                    (r.value(1).toString() + r.value(2).toString() + contents).toUtf8(),
                    QCryptographicHash::Md5)
                    .toHex()));
            ok = w.exec();
        }
        if (!ok)
            out() << "  cannot build RSS Guard's database: " << w.lastError().text()
                  << r.lastError().text() << Qt::endl;
        ok = ok && db.commit();
        w.finish();
        r.finish();
        db.close();
        if (ok)
            bytes = QFileInfo(path).size();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("rssguard"));
    return bytes;
}

// Bytes of the named tables and their indexes (dbstat); -1 where SQLite has no dbstat.
qint64 bytesOf(QSqlDatabase db, const QString &where)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT sum(pgsize) FROM dbstat WHERE %1").arg(where)) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

void measureDisk(const Setup &setup, Results &results)
{
    const int stories = setup.cache.stories;
    Figure &size = results.add(
        QStringLiteral("cache_file_mib"),
        QStringLiteral("cache file at %1 stories").arg(formatNumber(stories)),
        QStringLiteral("MiB"));
    Figure &perStory = results.add(QStringLiteral("cache_bytes_per_story"),
                                   QStringLiteral("cache file per story"), QStringLiteral("B"));
    Figure &bodies = results.add(QStringLiteral("bodies_bytes_per_story"),
                                 QStringLiteral("  of which the story's HTML and text"),
                                 QStringLiteral("B"));
    Figure &search = results.add(QStringLiteral("search_index_bytes_per_story"),
                                 QStringLiteral("  of which the search indexes"),
                                 QStringLiteral("B"));
    Figure &rssGuard = results.add(QStringLiteral("rssguard_file_mib"),
                                   QStringLiteral("RSS Guard's database, same stories"),
                                   QStringLiteral("MiB"));
    Figure &ratio = results.add(QStringLiteral("cache_vs_rssguard"),
                                QStringLiteral("cache / RSS Guard's database"), QStringLiteral("x"),
                                Figure::Goal::AtMost, 1.0);
    Figure &read = results.add(
        QStringLiteral("story_read_ms"),
        QStringLiteral("reading a story (ArticleStore::story, decompressed)"), QStringLiteral("ms"),
        Figure::Goal::AtMost, 16);
    read.usePercentile95 = true;
    Figure &unpack = results.add(QStringLiteral("body_unpack_us"),
                                 QStringLiteral("  of which decompressing its body"),
                                 QStringLiteral("us"));
    unpack.usePercentile95 = true;

    bulletin::Database db;
    QString error;
    if (!db.open(setup.cache.path, &error)) {
        out() << "  cannot open the cache: " << error << Qt::endl;
        return;
    }
    QSqlDatabase connection = db.connection();
    // Everything in the file itself, as a user's disk holds it once the window has closed.
    db.checkpoint();
    const qint64 fileBytes = QFileInfo(setup.cache.path).size();
    size.samples << double(fileBytes) / (1024.0 * 1024.0);
    perStory.samples << double(fileBytes) / stories;
    const qint64 bodyBytes = bytesOf(connection, QStringLiteral("name = 'article_bodies'"));
    const qint64 searchBytes = bytesOf(
        connection, QStringLiteral("name LIKE 'articles_fts%' OR name LIKE 'articles_title_fts%'"));
    if (bodyBytes >= 0)
        bodies.samples << double(bodyBytes) / stories;
    if (searchBytes >= 0)
        search.samples << double(searchBytes) / stories;

    out() << "  building RSS Guard's database of the same stories ..." << Qt::endl;
    const qint64 rssGuardBytes = buildRssGuardDatabase(
        connection, setup.workDir + QStringLiteral("/rssguard.sqlite"));
    if (rssGuardBytes > 0) {
        rssGuard.samples << double(rssGuardBytes) / (1024.0 * 1024.0);
        ratio.samples << double(fileBytes) / double(rssGuardBytes);
        ratio.note = QStringLiteral(
            "RSS Guard's tables as its SQLite schema makes them (Messages, Feeds, Accounts), "
            "each story's HTML as its contents; the aim is 0.5");
    }
    QFile::remove(setup.workDir + QStringLiteral("/rssguard.sqlite"));

    // Stories at random, as a reader clicks them: the whole read, then the body's part.
    QList<qint64> ids;
    QSqlQuery q(connection);
    if (q.exec(QStringLiteral("SELECT id FROM articles"))) {
        while (q.next())
            ids << q.value(0).toLongLong();
    }
    q.finish();
    std::mt19937 random(26);
    std::shuffle(ids.begin(), ids.end(), random);
    ids = ids.mid(0, kReads);
    bulletin::ArticleStore articles(connection);
    for (qint64 id : std::as_const(ids)) {
        const qint64 start = monotonicNs();
        const std::optional<bulletin::StoryDetail> story = articles.story(id);
        read.samples << msSince(start);
        if (!story || story->text.startsWith(QLatin1String("The text of this story is damaged")))
            out() << "  story " << id << " cannot be read" << Qt::endl;
    }
    QSqlQuery body(connection);
    body.setForwardOnly(true);
    for (qint64 id : std::as_const(ids)) {
        if (!body.exec(
                QStringLiteral("SELECT body FROM article_bodies WHERE article_id = %1").arg(id))
            || !body.next())
            continue;
        const QByteArray stored = body.value(0).toByteArray();
        const qint64 start = monotonicNs();
        const std::optional<bulletin::body::Parts> parts = bulletin::body::unpack(stored);
        unpack.samples << msSince(start) * 1000.0;
        Q_UNUSED(parts);
    }
    body.finish();
    out() << QStringLiteral(
                 "  %1 MiB, %2 bytes a story (bodies %3, search indexes %4); RSS Guard's %5 MiB")
                 .arg(size.samples.value(0), 0, 'f', 1)
                 .arg(perStory.samples.value(0), 0, 'f', 0)
                 .arg(bodies.samples.value(0, -1), 0, 'f', 0)
                 .arg(search.samples.value(0, -1), 0, 'f', 0)
                 .arg(rssGuard.samples.value(0, -1), 0, 'f', 1)
          << Qt::endl;
}

} // namespace bench
