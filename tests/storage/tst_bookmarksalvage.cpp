#include "storage/articlestore.h"
#include "storage/bookmarksalvage.h"
#include "storage/bookmarkstore.h"
#include "storage/cachebackup.h"
#include "storage/feedstore.h"
#include "storetestutil.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>

#include <functional>

using namespace bulletin;

namespace {

constexpr qint64 kPage = 4096; // SQLite's default page size, which the cache keeps

// The note of bookmark `i`: a word found nowhere else in the file, to find its page by.
QString noteOf(int i)
{
    return QStringLiteral("note%1marker").arg(i, 3, 10, QLatin1Char('0'));
}

QString titleOf(int i)
{
    return QStringLiteral("Ferry timetable %1").arg(i);
}

// Stories 0..count-1, each bookmarked with noteOf(i); `textOf` gives each story's text.
void bookmarkStories(Database &db, int from, int count, const std::function<QString(int)> &textOf)
{
    FeedStore feeds(db.connection());
    ArticleStore articles(db.connection());
    BookmarkStore bookmarks(db.connection());
    const qint64 feed = *feeds.localSource(QStringLiteral("Harbour News"));
    for (int i = from; i < from + count; ++i) {
        const qint64 id = articles
                              .upsert(feed,
                                      makeArticle(QStringLiteral("g%1").arg(i), titleOf(i),
                                                  1000 + i, textOf(i)))
                              .id;
        QVERIFY(bookmarks.add(id, noteOf(i)));
    }
}

QString shortText(int i)
{
    return QStringLiteral("Sailings of ferry %1 are moved.").arg(i);
}

// The pages of `table` (numbered from 1, as SQLite numbers them); a page number stays the
// same when the write-ahead log is copied into the file.
QSet<qint64> pagesOf(const QSqlDatabase &db, const QString &table)
{
    QSet<qint64> pages;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT pageno FROM dbstat WHERE name = ?"));
    q.addBindValue(table);
    if (q.exec()) {
        while (q.next())
            pages.insert(q.value(0).toLongLong());
    }
    return pages;
}

// Overwrites with random bytes every page of the file that holds `marker` (only those among
// `within` when it is given); returns how many.
int damagePagesHolding(const QString &path, const QByteArray &marker,
                       const QSet<qint64> &within = {})
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return 0;
    const QByteArray bytes = file.readAll();
    QRandomGenerator generator(23);
    int damaged = 0;
    for (qsizetype at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + 1)) {
        if (!within.isEmpty() && !within.contains(at / kPage + 1))
            continue;
        QByteArray garbage(kPage, Qt::Uninitialized);
        for (char &byte : garbage)
            byte = char(generator.generate());
        file.seek(at / kPage * kPage);
        file.write(garbage);
        ++damaged;
    }
    return damaged;
}

QStringList titles(const QList<BookmarkRecord> &bookmarks)
{
    QStringList result;
    for (const BookmarkRecord &b : bookmarks)
        result << b.title;
    result.sort();
    return result;
}

QStringList titlesOf(std::initializer_list<std::pair<int, int>> ranges,
                     const QList<int> &except = {})
{
    QStringList result;
    for (const auto &[from, to] : ranges) {
        for (int i = from; i < to; ++i) {
            if (!except.contains(i))
                result << titleOf(i);
        }
    }
    result.sort();
    return result;
}

} // namespace

class tst_BookmarkSalvage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aDamagedPageLosesOnlyItsBookmarksAndTheBackupGivesThemBack()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        bookmarkStories(cache->database(), 0, 40, shortText);
        QString error;
        QVERIFY2(CacheBackup::make(cache->database().connection(), cache.path(),
                                   Database::latestSchemaVersion(), &error),
                 qPrintable(error));
        // After the backup: one bookmark more, one removed (which must not come back).
        bookmarkStories(cache->database(), 40, 1, shortText);
        QVERIFY(BookmarkStore(cache->database().connection())
                    .remove(BookmarkStore(cache->database().connection())
                                .bookmarks()
                                .constLast()
                                .bookmarkId)); // bookmark 0
        const QSet<qint64> rows = pagesOf(cache->database().connection(),
                                          QStringLiteral("bookmarks"));
        cache.close();
        QCOMPARE(damagePagesHolding(cache.path(), titleOf(20).toUtf8(), rows), 1);
        const QByteArray damaged = test::fileHash(cache.path());

        const BookmarkSalvage::Result result = BookmarkSalvage::read(cache.path());
        QVERIFY(result.cacheReadable);
        QVERIFY(result.listComplete); // from the index, whose pages are whole
        QVERIFY(result.unreadableInCache > 0);
        QVERIFY(!result.cacheComplete());
        QCOMPARE(result.fromCache + result.unreadableInCache, 40);
        QCOMPARE(result.fromBackup, result.unreadableInCache);
        QCOMPARE(result.backup, CacheBackup::newest(cache.path()));
        QCOMPARE(titles(result.bookmarks), titlesOf({{1, 41}}));
        for (const BookmarkRecord &b : result.bookmarks) {
            const int i = b.title.section(QLatin1Char(' '), -1).toInt();
            QCOMPARE(b.note, noteOf(i));
            QCOMPARE(b.text, shortText(i));
        }
        QCOMPARE(result.bookmarks.first().title, titleOf(40)); // newest bookmarked first
        QVERIFY2(result.summary().contains(
                     QStringLiteral("of its 40 bookmarks read from the damaged cache %1")
                         .arg(cache.path())),
                 qPrintable(result.summary()));
        QVERIFY2(result.summary().contains(QStringLiteral("from the backup %1").arg(result.backup)),
                 qPrintable(result.summary()));
        QCOMPARE(test::fileHash(cache.path()), damaged); // read, never written
        QVERIFY(!QFile::exists(cache.path() + QStringLiteral("-journal")));
    }

    void aStorysTextOnALostPageComesFromTheBackup()
    {
        // A long story's text stands on pages of its own after the row's: the bookmark is
        // still read from the damaged file with its note, and the backup gives its text.
        const auto longText = [](int i) {
            return i == 3 ? QString(6000, QLatin1Char('a')) + QStringLiteral(" middlemarker ")
                    + QString(6000, QLatin1Char('b'))
                          : shortText(i);
        };
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        bookmarkStories(cache->database(), 0, 6, longText);
        QString error;
        QVERIFY(CacheBackup::make(cache->database().connection(), cache.path(),
                                  Database::latestSchemaVersion(), &error));
        cache.close();
        QVERIFY(damagePagesHolding(cache.path(), "middlemarker")
                >= 1); // the story's body and the bookmark's

        const BookmarkSalvage::Result result = BookmarkSalvage::read(cache.path());
        QCOMPARE(result.fromCache, 6);
        QCOMPARE(result.unreadableInCache, 0);
        QCOMPARE(result.textlessInCache, 1);
        QCOMPARE(result.textsFromBackup, 1);
        QCOMPARE(result.fromBackup, 0);
        QCOMPARE(result.bookmarks.size(), 6);
        const auto three = std::find_if(
            result.bookmarks.cbegin(), result.bookmarks.cend(),
            [](const BookmarkRecord &b) { return b.title == titleOf(3); });
        QCOMPARE(three->text, longText(3));
        QCOMPARE(three->note, noteOf(3));
        QVERIFY2(result.summary().contains(QLatin1String("1 without the story's text")),
                 qPrintable(result.summary()));
        QVERIFY2(result.summary().contains(QLatin1String("0 more and 1 story text")),
                 qPrintable(result.summary()));
    }

    void notesOnALostPageComeFromTheBackup()
    {
        // The notes stand in a table of their own: its damaged page loses the notes, not the
        // bookmarks, and the backup gives them back; a note written since the backup is lost.
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        bookmarkStories(cache->database(), 0, 6, shortText);
        QString error;
        QVERIFY(CacheBackup::make(cache->database().connection(), cache.path(),
                                  Database::latestSchemaVersion(), &error));
        bookmarkStories(cache->database(), 6, 1, shortText);
        const QSet<qint64> notes = pagesOf(cache->database().connection(),
                                           QStringLiteral("bookmark_notes"));
        cache.close();
        QCOMPARE(damagePagesHolding(cache.path(), noteOf(3).toUtf8(), notes), 1);

        const BookmarkSalvage::Result result = BookmarkSalvage::read(cache.path());
        QCOMPARE(result.fromCache, 7);
        QCOMPARE(result.unreadableInCache, 0);
        QCOMPARE(result.textlessInCache, 0);
        QCOMPARE(result.notelessInCache, 7);
        QCOMPARE(result.notesFromBackup, 6);
        QCOMPARE(result.fromBackup, 0);
        QCOMPARE(titles(result.bookmarks), titlesOf({{0, 7}}));
        for (const BookmarkRecord &b : result.bookmarks) {
            const int i = b.title.section(QLatin1Char(' '), -1).toInt();
            QCOMPARE(b.note, i < 6 ? noteOf(i) : QString());
            QCOMPARE(b.text, shortText(i));
        }
        QVERIFY2(result.summary().contains(QLatin1String("(7 without the note)")),
                 qPrintable(result.summary()));
        QVERIFY2(result.summary().contains(QLatin1String("0 more and 6 notes")),
                 qPrintable(result.summary()));
    }

    void aBackupFromBeforeTheNotesTableGivesItsNotes()
    {
        // A backup made by a version that kept each note in its bookmark's row.
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        bookmarkStories(cache->database(), 0, 3, shortText);
        QString error;
        QVERIFY(CacheBackup::make(cache->database().connection(), cache.path(),
                                  Database::latestSchemaVersion(), &error));
        const QString backup = CacheBackup::newest(cache.path());
        {
            Database old;
            QVERIFY2(old.open(backup, &error), qPrintable(error));
            QSqlQuery q(old.connection());
            QVERIFY(q.exec(
                QStringLiteral("UPDATE bookmarks SET note = (SELECT note FROM bookmark_notes "
                               "WHERE bookmark_id = bookmarks.id)")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE bookmark_notes")));
        }
        cache.close();
        QFile file(cache.path());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(0));
        file.close();

        const BookmarkSalvage::Result result = BookmarkSalvage::read(cache.path());
        QCOMPARE(result.fromBackup, 3);
        for (const BookmarkRecord &b : result.bookmarks)
            QCOMPARE(b.note, noteOf(b.title.section(QLatin1Char(' '), -1).toInt()));
    }

    void theNewestBookmarksInTheWriteAheadLogAreRead()
    {
        // Killed while running: the newest bookmark is still in the write-ahead log beside
        // the file, which has a damaged page elsewhere.
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        bookmarkStories(cache->database(), 0, 30, shortText);
        QVERIFY(cache->database().checkpoint());
        bookmarkStories(cache->database(), 30, 1, shortText);
        const QSet<qint64> rows = pagesOf(cache->database().connection(),
                                          QStringLiteral("bookmarks"));
        QTemporaryDir copy;
        const QString path = copy.filePath(QStringLiteral("cache.sqlite"));
        for (const QString &suffix : {QString(), QStringLiteral("-wal")})
            QVERIFY(QFile::copy(cache.path() + suffix, path + suffix));
        QCOMPARE(damagePagesHolding(path, titleOf(10).toUtf8(), rows), 1);
        const QByteArray log = test::fileHash(path + QStringLiteral("-wal"));

        const BookmarkSalvage::Result result = BookmarkSalvage::read(path);
        QVERIFY(result.cacheReadable);
        QVERIFY(result.unreadableInCache > 0);
        QVERIFY(result.backup.isEmpty()); // there is none
        QCOMPARE(result.bookmarks.first().title, titleOf(30));
        QCOMPARE(result.fromCache + result.unreadableInCache, 31);
        QVERIFY2(result.summary().endsWith(QLatin1String("; there is no backup to fill in from")),
                 qPrintable(result.summary()));
        QCOMPARE(test::fileHash(path + QStringLiteral("-wal")), log);
    }

    void aFileThatIsNoLongerSQLiteGivesTheBackup_data()
    {
        QTest::addColumn<QByteArray>("damage"); // what replaces the file's start
        QTest::addColumn<bool>("cutShort");
        QTest::newRow("header overwritten") << QByteArray(100, '\xa5') << false;
        QTest::newRow("emptied") << QByteArray() << true;
    }

    void aFileThatIsNoLongerSQLiteGivesTheBackup()
    {
        QFETCH(QByteArray, damage);
        QFETCH(bool, cutShort);
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        bookmarkStories(cache->database(), 0, 5, shortText);
        QString error;
        QVERIFY(CacheBackup::make(cache->database().connection(), cache.path(),
                                  Database::latestSchemaVersion(), &error));
        cache.close();
        QFile file(cache.path());
        QVERIFY(file.open(QIODevice::ReadWrite));
        if (cutShort)
            QVERIFY(file.resize(0));
        QCOMPARE(file.write(damage), damage.size());
        file.close();

        const BookmarkSalvage::Result result = BookmarkSalvage::read(cache.path());
        QVERIFY(!result.cacheReadable);
        QCOMPARE(result.fromCache, 0);
        QCOMPARE(result.fromBackup, 5);
        QCOMPARE(titles(result.bookmarks), titlesOf({{0, 5}}));
        QVERIFY2(result.summary().startsWith(
                     QStringLiteral("no bookmark could be read from the damaged cache %1; "
                                    "from the backup %2 of ")
                         .arg(cache.path(), result.backup)),
                 qPrintable(result.summary()));
    }

    void aCacheCutShortGivesWhatItStillHas()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        bookmarkStories(cache->database(), 0, 200, shortText);
        cache.close();
        QFile file(cache.path());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() * 3 / 4));
        file.close();

        const BookmarkSalvage::Result result = BookmarkSalvage::read(cache.path());
        QVERIFY(result.cacheReadable);
        QVERIFY(!result.cacheComplete());
        QVERIFY2(result.fromCache > 0 && result.fromCache < 200, qPrintable(result.summary()));
        for (const BookmarkRecord &b : result.bookmarks) {
            const int i = b.title.section(QLatin1Char(' '), -1).toInt();
            QCOMPARE(b.title, titleOf(i));
            if (!b.note.isEmpty())
                QCOMPARE(b.note, noteOf(i));
        }
    }

    void aWholeCacheNeedsNoBackup()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        bookmarkStories(cache->database(), 0, 3, shortText);
        cache.close();
        const BookmarkSalvage::Result result = BookmarkSalvage::read(cache.path());
        QVERIFY(result.cacheComplete());
        QCOMPARE(result.bookmarks.size(), 3);
        QVERIFY(result.backup.isEmpty());
        QCOMPARE(
            result.summary(),
            QStringLiteral("all 3 bookmarks read from the damaged cache %1").arg(cache.path()));
    }
};

QTEST_GUILESS_MAIN(tst_BookmarkSalvage)
#include "tst_bookmarksalvage.moc"
