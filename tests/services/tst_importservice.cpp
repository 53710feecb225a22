#include "services/firstrun.h"
#include "services/importservice.h"
#include "services/opmlservice.h"
#include "storage/cache.h"

#include "storage/sqlutil.h"
#include "support/scratchmount.h"
#include "support/testcache.h"
#include "support/testdata.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace bulletin;

namespace {
QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
    return path;
}

// An RSS feed of `count` items, each with about `bodyBytes` of text.
QByteArray bigFeed(int count, int bodyBytes)
{
    QByteArray xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>"
                     "<link>https://big.example.org/</link>\n";
    for (int i = 0; i < count; ++i) {
        QByteArray body;
        for (int word = 0; body.size() < bodyBytes; ++word)
            body += "story" + QByteArray::number(i) + "word" + QByteArray::number(word) + ' ';
        xml += "<item><title>Story " + QByteArray::number(i)
            + "</title><link>https://big.example.org/" + QByteArray::number(i)
            + "</link><description>" + body + "</description></item>\n";
    }
    return xml + "</channel></rss>\n";
}

int rows(Cache &cache, const char *table)
{
    QSqlQuery q(cache.database().connection());
    q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
    return q.next() ? q.value(0).toInt() : -1;
}
} // namespace

class tst_ImportService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleOnFirstRunOnly()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        QString error;
        const auto id = importSampleOnFirstRun(*cache, &error);
        QVERIFY2(id, qPrintable(error));
        const auto story = cache->articles().story(*id);
        QVERIFY(story);
        QCOMPARE(story->summary.source, QStringLiteral("Questiqa Europe News"));
        QVERIFY(story->advisory);
        QCOMPARE(story->related.size(), 3);
        for (const RelatedStory &r : story->related) {
            QVERIFY2(r.id, qPrintable(r.title)); // each resolves to its headline-only story
            const auto headline = cache->articles().story(*r.id);
            QVERIFY(headline->summary.headlineOnly);
            QVERIFY(headline->html.isEmpty());
        }
        // The story lists above its headlines.
        QCOMPARE(cache->articles().stories({}, std::nullopt, 1).first().id, *id);
        QVERIFY(story->note.contains(QStringLiteral("derived")));

        // Deleting the sample does not bring it back.
        QVERIFY(cache->feeds().remove(story->summary.feedId));
        QVERIFY(!importSampleOnFirstRun(*cache, &error));
        QCOMPARE(rows(*cache, "articles"), 0);
    }

    void importingTwiceDoesNotDuplicate()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        QString error;
        ImportService importer(*cache);
        const QString path = writeFile(cache.filePath(QStringLiteral("story.txt")),
                                       sampleStoryBytes());
        const auto first = importer.importFile(path);
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QCOMPARE(first.added, 1);
        const int articles = rows(*cache, "articles");
        QCOMPARE(articles, 4); // the story and its three headlines
        const auto second = importer.importFile(path);
        QCOMPARE(second.added, 0);
        QCOMPARE(second.unchanged, 1);
        QCOMPARE(rows(*cache, "articles"), articles);
    }

    void refusedFileChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("latin-1 text") << QByteArray("Caf\xe9 story.\n");
        QTest::newRow("binary") << QByteArray("\x7f"
                                              "ELF\x02\x01\x01\0\0\0",
                                              10);
        QTest::newRow("broken xml that is no feed")
            << QByteArray("<html><body>not a feed</body></html>");
    }

    void refusedFileChangesNothing()
    {
        QFETCH(QByteArray, bytes);
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        QString error;
        ImportService importer(*cache);
        const auto report = importer.importFile(
            writeFile(cache.filePath(QStringLiteral("input")), bytes));
        QVERIFY(!report.error.isEmpty());
        QCOMPARE(rows(*cache, "articles"), 0);
        QCOMPARE(rows(*cache, "feeds"), 0);
    }

    void importThatCannotBeginStoresNothing()
    {
        // Another program held the write lock for the whole busy timeout and let it go just
        // after: the import fails, and none of its stories may be stored one by one.
        QTemporaryDir dir;
        QString error;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        auto cache = Cache::open(path, &error);
        QVERIFY2(cache, qPrintable(error));
        Database other;
        QVERIFY(other.open(path, &error));
        QSqlQuery lock(other.connection());
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        sqlite3_busy_handler(
            sql::nativeHandle(cache->database().connection()),
            [](void *holder, int) {
                QSqlQuery(static_cast<Database *>(holder)->connection())
                    .exec(QStringLiteral("ROLLBACK"));
                return 0;
            },
            &other);

        const auto report = ImportService(*cache).importFeed(
            bigFeed(3, 100), dir.filePath(QStringLiteral("three.rss")));
        QVERIFY2(report.error.contains(QLatin1String("another program is writing to it")),
                 qPrintable(report.error));
        QCOMPARE(report.added, 0);
        QCOMPARE(rows(*cache, "articles"), 0);
        QCOMPARE(rows(*cache, "feeds"), 0);
    }

    void fullDiskStopsTheImportAndKeepsWhatWasThere()
    {
        ScratchMount mount(6 * 1024 * 1024);
        if (!mount.isMounted())
            QSKIP(qPrintable(mount.skipReason()));
        const QString path = mount.filePath(QStringLiteral("cache.sqlite"));
        QString error;
        auto cache = Cache::open(path, &error);
        QVERIFY2(cache, qPrintable(error));
        const auto sample = importSampleOnFirstRun(*cache, &error);
        QVERIFY2(sample, qPrintable(error));
        QVERIFY(cache->bookmarks().add(*sample, QStringLiteral("keep this")));
        QVERIFY(cache->articles().setRead({*sample}, true));
        const int stories = rows(*cache, "articles");
        QVERIFY(cache->database().checkpoint());
        QVERIFY(mount.fill(256 * 1024));

        // About 2 MB of stories into a quarter of a megabyte.
        const auto report = ImportService(*cache).importFeed(
            bigFeed(400, 5000), mount.filePath(QStringLiteral("big.rss")));
        QVERIFY2(report.error.contains(QLatin1String("the disk is full")),
                 qPrintable(report.error));
        QCOMPARE(report.added, 0);
        QCOMPARE(rows(*cache, "articles"), stories);
        QCOMPARE(rows(*cache, "feeds"), 1);
        cache.reset();

        // Everything from before is there, whole, once there is room again.
        QVERIFY(mount.fill(0));
        cache = Cache::open(path, &error);
        QVERIFY2(cache, qPrintable(error));
        QSqlQuery check(cache->database().connection());
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
        QCOMPARE(rows(*cache, "articles"), stories);
        const auto bookmark = cache->bookmarks().forArticle(*sample);
        QVERIFY(bookmark);
        QCOMPARE(bookmark->note, QStringLiteral("keep this"));
        QVERIFY(cache->articles().story(*sample)->summary.read);
        const auto again = ImportService(*cache).importFeed(
            bigFeed(40, 5000), mount.filePath(QStringLiteral("big.rss")));
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QCOMPARE(again.added, 40);
    }

    void feedFileBecomesALocalSource()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        QString error;
        ImportService importer(*cache);
        const QByteArray rss = test::readTestData(QStringLiteral("harbour.xml"));
        const auto report = importer.importFile(
            writeFile(cache.filePath(QStringLiteral("harbour.xml")), rss));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.added, 2);
        const auto stories = cache->articles().stories({}, std::nullopt, 10);
        QCOMPARE(stories.size(), 2);
        QCOMPARE(stories.first().title, QStringLiteral("Fish market reopens")); // newest first
        QCOMPARE(stories.first().source, QStringLiteral("Harbour News"));
        const auto ferry = cache->articles().story(stories.last().id);
        QVERIFY(ferry->text.contains(QStringLiteral("The morning ferry is late")));
        QVERIFY(!ferry->text.contains(QStringLiteral("alert")));
        // Importing the file again updates nothing and adds nothing.
        const auto again = importer.importFile(
            writeFile(cache.filePath(QStringLiteral("harbour.xml")), rss));
        QCOMPARE(again.added, 0);
        QCOMPARE(again.unchanged, 2);
    }

    void linkedListPermalinkIsNotARelatedStory()
    {
        // Daring Fireball's linked-list entries link the article they comment on as
        // "alternate" and their own permalink as "related"; it is the story itself.
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        QString error;
        ImportService importer(*cache);
        const auto report = importer.importFile(
            writeFile(cache.filePath(QStringLiteral("df.atom")),
                      test::readTestData(QStringLiteral("daringfireball.atom"))));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.added, 3);
        for (const qint64 id : report.storyIds) {
            const auto story = cache->articles().story(id);
            QVERIFY(story);
            QVERIFY2(story->related.isEmpty(),
                     qPrintable(story->summary.title + QStringLiteral(": ")
                                + story->related.value(0).link));
        }
        const auto first = cache->articles().story(report.storyIds.first());
        QCOMPARE(first->summary.title, QStringLiteral("Apple Product Event: Monday March 21"));
        QVERIFY(first->summary.link.startsWith(QStringLiteral("http://recode.net/")));
        QCOMPARE(rows(*cache, "related_links"), 0);
    }

    void undatedStoriesSortWithTheirFeed()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        QString error;
        ImportService importer(*cache);
        const auto import = [&](const char *name, const QByteArray &xml) {
            const auto report = importer.importFile(
                writeFile(cache.filePath(QString::fromLatin1(name)), xml));
            QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        };
        import("news.xml",
               "<rss><channel><title>News</title><item><title>Dated 2020</title>"
               "<pubDate>Thu, 02 Jan 2020 10:00:00 GMT</pubDate></item></channel></rss>");
        // A feed last updated in 2008 whose entries carry no dates (newsboat's atom10_2.xml).
        import("old.atom",
               "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Old</title>"
               "<updated>2008-12-30T18:26:15Z</updated><entry><title>Old undated A</title>"
               "<id>urn:a</id></entry><entry><title>Old undated "
               "B</title><id>urn:b</id></entry></feed>");
        // An undated item listed above a dated one takes its feed's newest date.
        import("mixed.xml",
               "<rss><channel><title>Mixed</title><item><title>Mixed undated</title></item>"
               "<item><title>Mixed 2019</title><pubDate>Tue, 01 Jan 2019 10:00:00 GMT</pubDate>"
               "</item></channel></rss>");
        // Without any date in its feed a story sorts by when it was first seen: now...
        import("nodate.xml",
               "<rss><channel><title>No date</title><item><title>First seen now</title></item>"
               "</channel></rss>");
        // ...or no later than its file was last changed.
        const QString stale = writeFile(
            cache.filePath(QStringLiteral("stale.xml")),
            "<rss><channel><title>Stale</title><item><title>File of 2015</title>"
            "</item></channel></rss>");
        {
            QFile file(stale);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(QDateTime(QDate(2015, 9, 15), QTime(10, 0), Qt::UTC),
                                     QFileDevice::FileModificationTime));
        }
        QVERIFY(importer.importFile(stale).error.isEmpty());

        const QStringList expected{
            QStringLiteral("First seen now"), QStringLiteral("Dated 2020"),
            QStringLiteral("Mixed undated"),  QStringLiteral("Mixed 2019"),
            QStringLiteral("File of 2015"),   QStringLiteral("Old undated A"),
            QStringLiteral("Old undated B")};
        QStringList titles;
        for (const StorySummary &s : cache->articles().stories({}, std::nullopt, 100))
            titles << s.title;
        QCOMPARE(titles, expected);
        QVERIFY(!cache->articles().stories({}, std::nullopt, 100).at(5).published.isValid());

        // Keyset paging, one story a page, walks the same order without gaps.
        QStringList paged;
        std::optional<StoryCursor> after;
        for (QList<StorySummary> page = cache->articles().stories({}, after, 1); !page.isEmpty();
             page = cache->articles().stories({}, after, 1)) {
            paged << page.first().title;
            after = StoryOrder::cursorOf(page.first());
        }
        QCOMPARE(paged, expected);
    }

    // A CAP alert without a headline or an identifier (a broken one, or an empty one) is
    // stored as "(untitled)": the cache refuses a story without a title, and a feed with one
    // such alert would store nothing at all.
    void alertWithoutHeadlineIsStored_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("broken identifier (found by fuzz_feedparser)") << test::readSourceFile(
            QStringLiteral("tests/fuzz/regressions/feedparser/cap-alert-without-identifier.xml"));
        QTest::newRow("empty alert")
            << QByteArray("<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'></alert>");
    }

    void alertWithoutHeadlineIsStored()
    {
        QFETCH(QByteArray, bytes);
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        QString error;
        ImportService importer(*cache);
        const auto report = importer.importFile(
            writeFile(cache.filePath(QStringLiteral("alert.xml")), bytes));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.added, 1);
        const auto stories = cache->articles().stories({}, std::nullopt, 10);
        QCOMPARE(stories.size(), 1);
        QCOMPARE(stories.first().title, QStringLiteral("(untitled)"));
    }

    void undatedStoriesOfALargeFeedSortWithItsNewestDate()
    {
        // A large feed becomes stories a batch of items at a time: an undated story far from
        // the feed's only dated one still takes that date, not the file's modification time.
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        QString error;
        ImportService importer(*cache);
        QVERIFY(importer
                    .importFile(writeFile(
                        cache.filePath(QStringLiteral("news.xml")),
                        "<rss><channel><title>News</title><item><title>Dated 2020</title>"
                        "<pubDate>Thu, 02 Jan 2020 10:00:00 GMT</pubDate></item></channel></rss>"))
                    .error.isEmpty());
        QByteArray large
            = "<rss><channel><title>Large</title><item><title>Large 2019</title><guid>0</guid>"
              "<pubDate>Tue, 01 Jan 2019 10:00:00 GMT</pubDate></item>";
        for (int i = 1; i < 1000; ++i)
            large += "<item><title>Undated " + QByteArray::number(i) + "</title><guid>"
                + QByteArray::number(i) + "</guid></item>";
        large += "</channel></rss>";
        const auto report = importer.importFile(
            writeFile(cache.filePath(QStringLiteral("large.xml")), large));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.added, 1000);
        const QList<StorySummary> stories = cache->articles().stories({}, std::nullopt, 2000);
        QCOMPARE(stories.size(), 1001);
        QCOMPARE(stories.first().title, QStringLiteral("Dated 2020"));
    }

    void opmlRoundTrip()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        QString error;
        const QByteArray opml = test::readTestData(QStringLiteral("subs.opml"));
        ImportService importer(*cache);
        const auto report = importer.importFile(
            writeFile(cache.filePath(QStringLiteral("subs.opml")), opml));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.kind, QStringLiteral("opml"));
        QCOMPARE(report.added, 3);
        QVERIFY(!report.note.isEmpty()); // the broken entry is reported

        const QByteArray exported = OpmlService(*cache).exportOpml();
        auto other = Cache::open(cache.filePath(QStringLiteral("b.sqlite")), &error);
        QVERIFY(OpmlService(*other).importOpml(exported).error.isEmpty());
        const auto feeds = other->feeds().feeds();
        QCOMPARE(feeds.size(), 3);
        const auto euro = other->feeds().feedByUrl(QStringLiteral("https://euro.example/feed"));
        QVERIFY(euro);
        QCOMPARE(euro->title, QStringLiteral("Euro Wire"));
        QCOMPARE(euro->siteUrl, QStringLiteral("https://euro.example/"));
        QVERIFY(euro->folderId > 0);
        QCOMPARE(OpmlService(*other).exportOpml(), exported);
        // Importing the same list again merges everything.
        QCOMPARE(OpmlService(*other).importOpml(exported).alreadySubscribed, 3);
    }
};

QTEST_GUILESS_MAIN(tst_ImportService)
#include "tst_importservice.moc"
