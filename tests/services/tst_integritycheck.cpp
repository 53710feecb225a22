#include "services/importservice.h"
#include "services/integritycheck.h"
#include "storage/cache.h"
#include "storage/cachebackup.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace bulletin;

namespace {

// An RSS feed of `count` items, each with about 2 KB of text.
QByteArray feed(int count)
{
    QByteArray xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour</title>"
                     "<link>https://harbour.example.org/</link>\n";
    for (int i = 0; i < count; ++i) {
        QByteArray body;
        for (int word = 0; body.size() < 2000; ++word)
            body += "tide" + QByteArray::number(i) + "x" + QByteArray::number(word) + ' ';
        xml += "<item><title>Ferry " + QByteArray::number(i)
            + "</title><link>https://harbour.example.org/" + QByteArray::number(i)
            + "</link><description>" + body + "</description></item>\n";
    }
    return xml + "</channel></rss>\n";
}

// A closed cache of `stories` stories at `path`.
void makeCache(const QString &path, int stories)
{
    QString error;
    auto cache = Cache::open(path, &error);
    if (!cache)
        qFatal("%s", qPrintable(error));
    const auto report = ImportService(*cache).importFeed(feed(stories),
                                                         QStringLiteral("/tmp/harbour.rss"));
    if (!report.error.isEmpty())
        qFatal("%s", qPrintable(report.error));
}

int stories(const QString &path)
{
    QString error;
    auto cache = Cache::open(path, &error);
    if (!cache)
        return -1;
    QSqlQuery q(cache->database().connection());
    return q.exec(QStringLiteral("SELECT count(*) FROM articles")) && q.next() ? q.value(0).toInt()
                                                                               : -1;
}

} // namespace

class tst_IntegrityCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void damageInsideAPageIsFound()
    {
        // 4 KB of random bytes in the middle of the file: the cache still opens (only a
        // read of the damaged page would notice), and the check finds it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        makeCache(path, 400);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const qint64 pages = file.size() / 4096;
            QVERIFY(pages > 100);
            QByteArray garbage(4096, Qt::Uninitialized);
            QRandomGenerator generator(23);
            for (char &byte : garbage)
                byte = char(generator.generate());
            QVERIFY(file.seek(pages / 2 * 4096));
            QCOMPARE(file.write(garbage), qint64(4096));
        }
        QString error;
        QVERIFY2(Cache::open(path, &error), qPrintable(error));

        IntegrityCheck check(path);
        QSignalSpy finished(&check, &IntegrityCheck::finished);
        check.start();
        QVERIFY(finished.wait(60000));
        const auto result = finished.first().first().value<IntegrityCheck::Result>();
        QVERIFY(!result.whole);
        QVERIFY2(result.problem.startsWith(QStringLiteral("the cache %1 is damaged: ").arg(path)),
                 qPrintable(result.problem));
        QVERIFY2(result.problem.endsWith(QLatin1String("there is no backup of it")),
                 qPrintable(result.problem));
        QVERIFY(result.backup.isEmpty()); // a damaged cache never becomes the backup
        QVERIFY(CacheBackup::newest(path).isEmpty());
    }

    void wholeCacheIsBackedUpOnceADay()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        makeCache(path, 20);
        const auto first = IntegrityCheck::run(path, true);
        QVERIFY2(first.whole, qPrintable(first.problem));
        QVERIFY(first.problem.isEmpty());
        QCOMPARE(first.backup, CacheBackup::pathFor(path, Database::latestSchemaVersion()));
        QCOMPARE(CacheBackup::newest(path), first.backup);
        QCOMPARE(stories(first.backup), 20);
        // Checked again within the day: the backup stays as it was.
        const QDateTime written = QFileInfo(first.backup).lastModified();
        const auto second = IntegrityCheck::run(path, true);
        QVERIFY(second.whole);
        QVERIFY(second.backup.isEmpty());
        QCOMPARE(QFileInfo(first.backup).lastModified(), written);
    }

    void uncleanSessionOrAWeekMakesTheCheckDue()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        makeCache(path, 1);
        {
            QString error;
            auto cache = Cache::open(path, &error);
            QVERIFY(IntegrityCheck::isDue(*cache)); // never checked
        }
        QVERIFY(IntegrityCheck::run(path, false).whole);
        QString error;
        auto cache = Cache::open(path, &error);
        QVERIFY(!IntegrityCheck::isDue(*cache));
        IntegrityCheck::sessionStarted(*cache);
        QVERIFY(IntegrityCheck::isDue(*cache)); // as the next start sees a session that never ended
        IntegrityCheck::sessionEnded(*cache);
        QVERIFY(!IntegrityCheck::isDue(*cache));
        QVERIFY(
            cache->setMeta(QStringLiteral("integrity_checked"),
                           QString::number(QDateTime::currentSecsSinceEpoch() - 8 * 24 * 3600)));
        QVERIFY(IntegrityCheck::isDue(*cache));
    }

    void closingInterruptsACheck()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        makeCache(path, 200);
        auto check = std::make_unique<IntegrityCheck>(path);
        QSignalSpy finished(check.get(), &IntegrityCheck::finished);
        check->start();
        check.reset(); // waits for the thread; no result arrives after
        QCOMPARE(finished.size(), 0);
        // Stopped before it could end: a check cut short backs nothing up.
        QVERIFY(CacheBackup::newest(path).isEmpty());
        QCoreApplication::processEvents();
    }
};

QTEST_GUILESS_MAIN(tst_IntegrityCheck)
#include "tst_integritycheck.moc"
