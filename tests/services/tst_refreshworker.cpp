// The refresh's writer: responses that queue up while it is busy are written together in
// one transaction, each feed in a savepoint of its own.

#include "services/feedwriter.h"
#include "services/refreshworker.h"
#include "storage/articlestore.h"
#include "storage/cache.h"
#include "storage/coveragestore.h"
#include "storage/feedstore.h"
#include "support/testcache.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace bulletin;

namespace {

PreparedFeed preparedFeed(const QString &prefix, const QStringList &titles)
{
    PreparedFeed prepared;
    prepared.parsed = true;
    prepared.title = prefix;
    for (const QString &title : titles) {
        Article a;
        a.guid = prefix + QLatin1Char('-') + title;
        a.title = title;
        a.text = QStringLiteral("text of ") + title;
        a.published = QDateTime::currentDateTimeUtc();
        prepared.articles << a;
    }
    return prepared;
}

FetchResult fetched(const QString &url)
{
    FetchResult result;
    result.requestedUrl = QUrl(url);
    result.finalUrl = result.requestedUrl;
    result.httpStatus = 200;
    result.body = "<rss/>"; // already parsed: the prepared feed is what is stored
    return result;
}

} // namespace

class tst_RefreshWorker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queuedFeedsAreWrittenTogetherAndFailAlone()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        const QString path = cache.path();
        QList<qint64> feeds;
        for (const char *name : {"a", "b", "c"})
            feeds << *cache->feeds().addSubscription(
                QStringLiteral("https://%1.example/feed").arg(QLatin1String(name)),
                QString::fromLatin1(name));
        // A story the cache refuses, in the middle feed.
        QSqlQuery poison(cache->database().connection());
        QVERIFY(poison.exec(QStringLiteral(
            "CREATE TRIGGER poison BEFORE INSERT ON articles WHEN new.title = 'Poison' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END")));

        RefreshWorker worker;
        worker.open(path);
        QSignalSpy written(&worker, &RefreshWorker::feedWritten);
        // Three responses arrive while the writer is busy: one batch.
        worker.writePrepared(
            feeds[0], fetched(QStringLiteral("https://a.example/feed")),
            preparedFeed(QStringLiteral("a"), {QStringLiteral("One"), QStringLiteral("Two")}), {});
        worker.writePrepared(
            feeds[1], fetched(QStringLiteral("https://b.example/feed")),
            preparedFeed(QStringLiteral("b"), {QStringLiteral("Poison"), QStringLiteral("Three")}),
            {});
        worker.writePrepared(feeds[2], fetched(QStringLiteral("https://c.example/feed")),
                             preparedFeed(QStringLiteral("c"), {QStringLiteral("Four")}), {});
        QCOMPARE(written.count(), 0); // queued, not written yet
        QTRY_COMPARE(written.count(), 3);

        QList<RefreshResult> results;
        for (const QList<QVariant> &args : written)
            results << args.at(0).value<RefreshResult>();
        QCOMPARE(results.at(0).feedId, feeds[0]); // in the order they came
        QCOMPARE(results.at(1).feedId, feeds[1]);
        QCOMPARE(results.at(2).feedId, feeds[2]);
        QCOMPARE(results.at(0).status, RefreshResult::Status::Ok);
        QCOMPARE(results.at(0).added, 2);
        QCOMPARE(results.at(1).status, RefreshResult::Status::Error);
        QVERIFY2(results.at(1).error.contains(QStringLiteral("Poison")),
                 qPrintable(results.at(1).error));
        QCOMPARE(results.at(2).status, RefreshResult::Status::Ok);
        QCOMPARE(results.at(2).added, 1);

        // Seen from another connection: the good feeds are stored, the bad one not at all
        // ("Three" was stored before "Poison" and went back with it).
        QSqlQuery q(cache->database().connection());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT group_concat(title, ',') FROM (SELECT title FROM articles ORDER BY title)")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Four,One,Two"));
        QVERIFY(q.exec(QStringLiteral("SELECT last_success IS NOT NULL FROM feeds ORDER BY id")));
        QList<bool> succeeded;
        while (q.next())
            succeeded << q.value(0).toBool();
        QCOMPARE(succeeded, (QList<bool>{true, false, true}));
        worker.close();
    }

    void newStoriesGetTheirCoverageAfterTheSearchIndex()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        const QString path = cache.path();
        const qint64 wire = *cache->feeds().addSubscription(
            QStringLiteral("https://wire.example/feed"), QStringLiteral("Wire"));
        const qint64 post = *cache->feeds().addSubscription(
            QStringLiteral("https://post.example/feed"), QStringLiteral("Post"));
        RefreshWorker worker;
        worker.open(path);
        QSignalSpy written(&worker, &RefreshWorker::feedWritten);
        QSignalSpy covered(&worker, &RefreshWorker::coverageIndexed);
        worker.writePrepared(
            wire, fetched(QStringLiteral("https://wire.example/feed")),
            preparedFeed(QStringLiteral("wire"),
                         {QStringLiteral("Volcano erupts near Reykjavik, flights grounded"),
                          QStringLiteral("Heron numbers recover on the Thames")}),
            {});
        worker.writePrepared(
            post, fetched(QStringLiteral("https://post.example/feed")),
            preparedFeed(QStringLiteral("post"),
                         {QStringLiteral("Flights grounded as Reykjavik volcano erupts")}),
            {});
        QTRY_COMPARE(written.count(), 2);
        // Stored stories wait for the search index, then for their coverage.
        const CoverageStore store(cache->database().connection());
        QCOMPARE(store.pending(10).size(), 0);
        worker.indexPending();
        QTRY_COMPARE(covered.count(), 1);
        QCOMPARE(covered.at(0).at(0).toInt(), 3);
        QVERIFY(store.pending(10).isEmpty());

        QSqlQuery q(cache->database().connection());
        QVERIFY(q.exec(
            QStringLiteral("SELECT id FROM articles WHERE title LIKE '%volcano%' ORDER BY id")));
        QList<qint64> volcano;
        while (q.next())
            volcano << q.value(0).toLongLong();
        QCOMPARE(volcano.size(), 2);
        QCOMPARE(store.eventOf(volcano[0]), store.eventOf(volcano[1]));
        QCOMPARE(store.links({volcano[0]}, 10).value(volcano[0]).value(0).id, volcano[1]);
        QCOMPARE(store.links({volcano[1]}, 10).value(volcano[1]).value(0).id, volcano[0]);
        worker.close();
    }

    void theFileHoldsTheWorkOnceTheWriterIsIdle()
    {
        // Once the related coverage is stored the writer is idle: what it wrote is in the
        // file itself, not only in the write-ahead log beside it (a copy of the file alone,
        // as a backup tool makes it, has it all).
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        const QString path = cache.path();
        const qint64 wire = *cache->feeds().addSubscription(
            QStringLiteral("https://wire.example/feed"), QStringLiteral("Wire"));
        RefreshWorker worker;
        worker.open(path);
        QSignalSpy written(&worker, &RefreshWorker::feedWritten);
        QSignalSpy covered(&worker, &RefreshWorker::coverageIndexed);
        QStringList titles;
        for (int i = 0; i < 40; ++i)
            titles << QStringLiteral("Harbour report number %1 from the quay").arg(i);
        worker.writePrepared(wire, fetched(QStringLiteral("https://wire.example/feed")),
                             preparedFeed(QStringLiteral("wire"), titles), {});
        QTRY_COMPARE(written.count(), 1);
        worker.indexPending();
        QTRY_COMPARE(covered.count(), 1);
        QCOMPARE(covered.at(0).at(0).toInt(), 40);

        const QString copy = path + QStringLiteral(".copy");
        QVERIFY(QFile::copy(path, copy));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("copy"));
            db.setDatabaseName(copy);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM articles), "
                                          "(SELECT count(*) FROM coverage_events)")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 40);
            QCOMPARE(q.value(1).toInt(), 40);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("copy"));
        worker.close();
    }
};

QTEST_GUILESS_MAIN(tst_RefreshWorker)
#include "tst_refreshworker.moc"
