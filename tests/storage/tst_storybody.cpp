#include "storage/storybody.h"

#include "schemahistory.h"
#include "storage/articlestore.h"
#include "storage/bookmarkstore.h"
#include "storage/feedstore.h"
#include "storage/transaction.h"
#include "storetestutil.h"

#include <QFile>
#include <QFileInfo>

#include <QRegularExpression>
#include <QSqlQuery>

#include <zstd.h>

using namespace bulletin;

namespace {

QString paragraphs(int count)
{
    QString html;
    for (int i = 0; i < count; ++i)
        html += QStringLiteral("<p>Paragraph %1 of the story, with a <a "
                               "href=\"https://example.org/%1\">link</a> "
                               "and words in \u00e9t\u00e9 and \u65e5\u672c\u8a9e.</p>\n")
                    .arg(i);
    return html;
}

// Prose of about 3 KB that differs from story to story, with one word found in story `n` alone.
QString storyText(int n)
{
    static const char *const words[] = {"council", "river",    "bridge",  "storm",    "market",
                                        "school",  "harbour",  "train",   "minister", "festival",
                                        "museum",  "election", "weather", "road"};
    QString text;
    for (int i = 0; text.size() < 3000; ++i)
        text += QString::fromLatin1(words[(n * 7 + i * 3) % 14])
            + (i % 11 == 10 ? QStringLiteral(". ") : QStringLiteral(" "));
    return text + QStringLiteral(" uniqueword%1.").arg(n);
}

// What a cache held before an upgrade, to compare after it.
struct Kept
{
    QList<qint64> ids;
    QHash<qint64, QString> html;
    QHash<qint64, QString> text;
    qint64 read = 0;
    qint64 bookmarked = 0;
    qint64 headlineOnly = 0;
};

// A cache of schema 14 at `path` (closed) with `count` stories of ~6 KB of HTML and text,
// one read, one bookmarked with a note, one headline-only.
Kept makeSchema14Cache(const QString &path, int count)
{
    Kept kept;
    Database db;
    QString error;
    if (!db.open(path, &error))
        qFatal("cannot make a cache: %s", qPrintable(error));
    FeedStore feeds(db.connection());
    ArticleStore articles(db.connection());
    const qint64 feed = *feeds.addSubscription(QStringLiteral("https://example.org/feed"),
                                               QStringLiteral("Example"));
    {
        Transaction t(db.connection());
        for (int n = 0; n < count; ++n) {
            Article a;
            a.guid = QString::number(n);
            a.title = QStringLiteral("Story %1").arg(n);
            a.published = QDateTime::fromSecsSinceEpoch(1700000000 + n, Qt::UTC);
            a.headlineOnly = n == 2;
            if (!a.headlineOnly) {
                a.text = storyText(n);
                a.html = QStringLiteral(
                             "<p>%1</p><p><a href=\"https://example.org/%2\">More</a></p>")
                             .arg(a.text)
                             .arg(n);
            }
            const qint64 id = articles.upsert(feed, a).id;
            kept.ids << id;
            kept.html.insert(id, a.html);
            kept.text.insert(id, a.text);
        }
        if (!t.commit())
            qFatal("cannot store the stories");
    }
    kept.read = kept.ids.at(0);
    kept.bookmarked = kept.ids.at(1);
    kept.headlineOnly = kept.ids.at(2);
    articles.setRead({kept.read}, true);
    BookmarkStore(db.connection()).add(kept.bookmarked, QStringLiteral("my note"));
    QSqlQuery q(db.connection());
    if (!undoAdvisoryCounts(q) || !undoUnreadCounts(q) || !undoEnclosures(q)
        || !undoCompressedBodies(q) || !q.exec(QStringLiteral("PRAGMA user_version=14")))
        qFatal("cannot take the cache back to schema 14");
    return kept;
}

// The checks of an upgrade to schema 15: every body compressed and read back as it was, the
// search index finding and showing the same words without a rebuild, read state, bookmark
// and note kept, the file whole.
void checkUpgradedBodies(Database &db, const Kept &kept)
{
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM article_bodies")).toInt(),
             kept.ids.size());
    QCOMPARE(
        scalar(db,
               QStringLiteral("SELECT count(*) FROM article_bodies WHERE typeof(body) = 'blob'"))
            .toInt(),
        kept.ids.size() - 1);
    ArticleStore articles(db.connection());
    for (qint64 id : kept.ids) {
        const std::optional<StoryDetail> story = articles.story(id);
        QVERIFY(story);
        QCOMPARE(story->html, kept.html.value(id));
        QCOMPARE(story->text, kept.text.value(id));
        QCOMPARE(story->summary.read, id == kept.read);
    }
    QSqlQuery check(db.connection());
    QVERIFY(check.exec(
        QStringLiteral("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")));
    QCOMPARE(scalar(db,
                    QStringLiteral(
                        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'uniqueword7'"))
                 .toInt(),
             1);
    QCOMPARE(
        scalar(db,
               QStringLiteral("SELECT snippet(articles_fts, 1, '[', ']', '', 2) FROM articles_fts "
                              "WHERE articles_fts MATCH 'uniqueword7'"))
            .toString(),
        QStringLiteral("train.  [uniqueword7]."));
    const QList<BookmarkRecord> bookmarks
        = BookmarkStore(db.connection()).bookmarkPage(std::nullopt, 10);
    QCOMPARE(bookmarks.size(), 1);
    QCOMPARE(bookmarks.at(0).articleId.value_or(0), kept.bookmarked);
    QCOMPARE(bookmarks.at(0).note, QStringLiteral("my note"));
    // The triggers read the compressed bodies: a story that goes leaves the index.
    QVERIFY(check.exec(QStringLiteral("DELETE FROM articles WHERE id = %1").arg(kept.ids.at(7))));
    QCOMPARE(scalar(db,
                    QStringLiteral(
                        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'uniqueword7'"))
                 .toInt(),
             0);
    QVERIFY(check.exec(
        QStringLiteral("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")));
}
} // namespace

class tst_StoryBody final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void packedBodiesReadBackAsStored_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("text");
        QTest::newRow("a news story")
            << paragraphs(12) << QStringLiteral("Paragraph 0 of the story, with a link.");
        QTest::newRow("HTML without text") << QStringLiteral("<img src=\"a.png\">") << QString();
        QTest::newRow("text without HTML (the plain-text importer)")
            << QString() << QStringLiteral("Just text");
        QTest::newRow("text without punctuation or markup")
            << QStringLiteral("word") << QStringLiteral("word");
        QTest::newRow("a NUL character inside")
            << QStringLiteral("a\u0000b") << QStringLiteral("c\u0000d");
        QTest::newRow("emoji and right-to-left")
            << QStringLiteral("<p>\U0001F600 \u05e9\u05dc\u05d5\u05dd</p>")
            << QStringLiteral("\U0001F600 \u05e9\u05dc\u05d5\u05dd");
        QTest::newRow("enormous (8 MB of HTML)") << paragraphs(60000) << paragraphs(30000);
    }

    void packedBodiesReadBackAsStored()
    {
        QFETCH(QString, html);
        QFETCH(QString, text);
        const QByteArray stored = body::pack(html, text);
        QVERIFY(!stored.isNull());
        QString problem;
        const std::optional<body::Parts> parts = body::unpack(stored, &problem);
        QVERIFY2(parts, qPrintable(problem));
        QCOMPARE(parts->html, html);
        QCOMPARE(parts->text, text);
    }

    void anEmptyBodyIsStoredAsNull()
    {
        QVERIFY(body::pack({}, {}).isNull());
        const std::optional<body::Parts> parts = body::unpack({});
        QVERIFY(parts);
        QVERIFY(parts->html.isEmpty() && parts->text.isEmpty());
    }

    void aStoryTakesAFractionOfItsSize()
    {
        // The text repeats the HTML's words: together they cost little more than the HTML.
        const QString html = paragraphs(20);
        QString text = html;
        text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        const QByteArray stored = body::pack(html, text);
        const qsizetype plain = html.toUtf8().size() + text.toUtf8().size();
        QVERIFY2(stored.size() * 5 < plain,
                 qPrintable(QStringLiteral("%1 of %2").arg(stored.size()).arg(plain)));
    }

    void damagedValuesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QByteArray>("stored");
        const QByteArray good = body::pack(paragraphs(30), QStringLiteral("the text of the story"));
        QByteArray flipped = good;
        flipped[flipped.size() / 2] = char(flipped.at(flipped.size() / 2) ^ 0x10);
        QByteArray checksum = good;
        checksum[checksum.size() - 1] = char(checksum.at(checksum.size() - 1) ^ 0x01);
        QByteArray otherFormat = good;
        otherFormat[0] = 7;
        QTest::newRow("cut short by one byte") << good.left(good.size() - 1);
        QTest::newRow("cut short to half") << good.left(good.size() / 2);
        QTest::newRow("only the format byte") << good.left(1);
        QTest::newRow("a byte changed in the middle") << flipped;
        QTest::newRow("its checksum changed") << checksum;
        QTest::newRow("bytes after the frame") << good + QByteArray("xyz");
        QTest::newRow("another format") << otherFormat;
        QTest::newRow("text stored before compression")
            << QByteArray("<p>An old uncompressed body</p>");
        QTest::newRow("zeros") << QByteArray(64, '\0');
        // A frame header that claims a terabyte of content: refused before anything is made.
        QByteArray huge = QByteArray::fromHex("0128b52ffde0");
        for (int i = 0; i < 8; ++i)
            huge.append(char(i == 5 ? 1 : 0));
        QTest::newRow("a frame claiming a terabyte") << huge + QByteArray(16, 'x');
        // A whole, well-formed frame whose HTML length is more than what follows it.
        const QByteArray content = QByteArray::fromHex("ffff0000") + QByteArray("<p>short</p>");
        QByteArray lengths(qsizetype(ZSTD_compressBound(size_t(content.size()))),
                           Qt::Uninitialized);
        lengths.resize(qsizetype(ZSTD_compress(lengths.data(), size_t(lengths.size()),
                                               content.constData(), size_t(content.size()), 3)));
        QTest::newRow("lengths that do not add up") << QByteArray(1, '\1') + lengths;
    }

    void damagedValuesAreRefusedWithAReason()
    {
        QFETCH(QByteArray, stored);
        QString problem;
        QVERIFY(!body::unpack(stored, &problem));
        QVERIFY(!problem.isEmpty());
    }

    void sqlFunctionsReadTheStoredForm()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        QSqlQuery q(cache->database().connection());
        QVERIFY(q.prepare(
            QStringLiteral("SELECT body_text(?), body_html(?), body_text(body_pack(?, ?)), "
                           "body_text(NULL), body_text(?), typeof(body_pack('', ''))")));
        const QByteArray stored = body::pack(QStringLiteral("<p>caf\u00e9</p>"),
                                             QStringLiteral("caf\u00e9"));
        q.addBindValue(stored);
        q.addBindValue(stored);
        q.addBindValue(QStringLiteral("<b>x</b>"));
        q.addBindValue(QStringLiteral("x y"));
        q.addBindValue(stored.left(5)); // damaged: NULL, not an error
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("caf\u00e9"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("<p>caf\u00e9</p>"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("x y"));
        QVERIFY(q.value(3).isNull());
        QVERIFY(q.value(4).isNull());
        QCOMPARE(q.value(5).toString(), QStringLiteral("null"));
    }

    void upgradeCompressesBodiesAndKeepsEverything()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const Kept kept = makeSchema14Cache(path, 400);
        const qint64 before = QFileInfo(path).size();
        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(db.backupPath(), path + QStringLiteral(".backup-v14"));
        checkUpgradedBodies(db, kept);
        // The old bodies' pages were given back: the file is well under half its size.
        QVERIFY2(
            QFileInfo(path).size() * 2 < before,
            qPrintable(
                QStringLiteral("%1 bytes, %2 before").arg(QFileInfo(path).size()).arg(before)));
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT count(*) FROM meta WHERE key = 'compact_pending'"))
                .toInt(),
            0);
    }

    void aKillDuringTheBodyUpgradeLosesNothing()
    {
        // What a kill in the middle of the upgrade leaves on disk: the cache file with part of
        // the new table written into it, and the rollback journal that holds the pages it
        // overwrote. Made by running the upgrade's own statements in a transaction on a small
        // page cache (so that SQLite writes pages to the file before the commit) and copying
        // both files as they are at that moment, which is what the disk holds after a kill.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QString killed = dir.filePath(QStringLiteral("killed.sqlite"));
        const Kept kept = makeSchema14Cache(path, 400);
        const QByteArray untouched = test::fileHash(path);
        QFile scriptFile(QStringLiteral(":/migrations/0015_compressed_bodies.sql"));
        QVERIFY(scriptFile.open(QIODevice::ReadOnly));
        QString script = QString::fromUtf8(scriptFile.readAll());
        script.truncate(script.indexOf(QLatin1String("ALTER TABLE article_bodies_v15")));
        QStringList statements;
        for (const QString &line : script.split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1String("--")))
                statements << line;
        }
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                         QStringLiteral("midway"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QVERIFY(body::registerFunctions(raw));
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode=DELETE")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA cache_size=8")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys=OFF")));
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            for (const QString &statement :
                 statements.join(QLatin1Char('\n')).split(QLatin1Char(';'))) {
                if (!statement.trimmed().isEmpty())
                    QVERIFY2(q.exec(statement), qPrintable(statement));
            }
            QVERIFY(test::fileHash(path)
                    != untouched); // pages of the unfinished upgrade are in the file
            QVERIFY(QFileInfo(path + QStringLiteral("-journal")).size() > 0);
            QVERIFY(QFile::copy(path, killed));
            QVERIFY(QFile::copy(path + QStringLiteral("-journal"),
                                killed + QStringLiteral("-journal")));
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("midway"));

        Database db;
        QString error;
        QVERIFY2(db.open(killed, &error), qPrintable(error));
        QVERIFY(!QFile::exists(killed + QStringLiteral("-journal")));
        checkUpgradedBodies(db, kept);
    }

    void aCompactionCutShortIsDoneAtTheNextStart()
    {
        // The upgrade committed, then the process was killed while it gave the freed pages
        // back: the mark is still there, and the next start gives them back.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        {
            FeedStore feeds(db.connection());
            ArticleStore articles(db.connection());
            const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
            Transaction t(db.connection());
            for (int n = 0; n < 300; ++n) {
                Article a;
                a.guid = QString::number(n);
                a.title = QStringLiteral("Story %1").arg(n);
                a.html = storyText(n + 1000).repeated(
                    4); // poorly compressible enough to fill pages
                QVERIFY(articles.upsert(feed, a).id > 0);
            }
            QVERIFY(t.commit());
        }
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM articles WHERE id % 10 <> 0")));
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO meta(key, value) VALUES ('compact_pending', '15')")));
        q.finish();
        db.close();
        const qint64 before = QFileInfo(path).size();
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QVERIFY(QFileInfo(path).size() < before);
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT count(*) FROM meta WHERE key = 'compact_pending'"))
                .toInt(),
            0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM articles")).toInt(), 30);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(tst_StoryBody)
#include "tst_storybody.moc"
