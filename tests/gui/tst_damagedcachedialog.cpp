#include "gui/damagedcachedialog.h"
#include "storage/cache.h"
#include "storage/cachebackup.h"
#include "storage/cachefile.h"
#include "support/screenshots.h"
#include "support/testdata.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace bulletin;

namespace {

// A cache with one subscription, and a backup of it; then the cache is cut short.
QString damagedCacheWithBackup(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QString error;
    {
        auto cache = Cache::open(path, &error);
        if (!cache
            || !cache->feeds().addSubscription(QStringLiteral("https://example.org/feed"),
                                               QStringLiteral("Example"), 0, &error))
            qFatal("%s", qPrintable(error));
        if (!CacheBackup::make(cache->database().connection(), path,
                               Database::latestSchemaVersion(), &error))
            qFatal("%s", qPrintable(error));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.resize(file.size() / 2))
        qFatal("cannot cut the cache");
    return path;
}

QPushButton *button(QDialog &dialog, const QString &text)
{
    for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

// Everything the dialog says, its labels' text joined.
QString shownText(const QDialog &dialog)
{
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->isVisibleTo(&dialog))
            texts << label->text();
    }
    return texts.join(QLatin1Char('\n'));
}

// A cache with `count` bookmarked stories and a backup of it, then one bookmark more that the
// backup does not have; then the file's first page is overwritten, so that it no longer opens.
QString unreadableCacheWithBookmarks(const QTemporaryDir &dir, int count)
{
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QString error;
    {
        auto cache = Cache::open(path, &error);
        if (!cache)
            qFatal("%s", qPrintable(error));
        const qint64 feed = *cache->feeds().localSource(QStringLiteral("Harbour News"));
        for (int i = 0; i <= count; ++i) {
            if (i == count
                && !CacheBackup::make(cache->database().connection(), path,
                                      Database::latestSchemaVersion(), &error))
                qFatal("%s", qPrintable(error));
            Article story;
            story.guid = QStringLiteral("g%1").arg(i);
            story.title = QStringLiteral("Ferry timetable %1").arg(i);
            story.link = QStringLiteral("https://harbour.example.org/%1").arg(i);
            story.text = QStringLiteral("Sailings are moved.");
            const qint64 id = cache->articles().upsert(feed, story).id;
            if (!cache->bookmarks().add(id, QStringLiteral("note %1").arg(i)))
                qFatal("cannot bookmark");
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || file.write(QByteArray(4096, '\xa5')) != 4096)
        qFatal("cannot damage the cache");
    return path;
}

QStringList damagedCopies(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList({QStringLiteral("cache.sqlite.damaged-*")}, QDir::Files);
}

} // namespace

class tst_DamagedCacheDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restoringPutsTheBackupInPlaceAndKeepsTheDamagedFile()
    {
        QTemporaryDir dir;
        const QString path = damagedCacheWithBackup(dir);
        const QByteArray damaged = test::fileHash(path);
        QString error;
        Database::Problem problem = Database::Problem::None;
        QVERIFY(!Cache::open(path, &error, &problem));
        QCOMPARE(problem, Database::Problem::Damaged);
        QVERIFY2(error.contains(
                     QStringLiteral("the newest backup is %1").arg(CacheBackup::newest(path))),
                 qPrintable(error));

        DamagedCacheDialog dialog(path, error, CacheBackup::newest(path),
                                  DamagedCacheDialog::When::Opening);
        QVERIFY(button(dialog, QStringLiteral("Restore Backup")));
        QVERIFY(button(dialog, QStringLiteral("Quit")));
        QTimer::singleShot(
            0, &dialog, [&dialog] { button(dialog, QStringLiteral("Restore Backup"))->click(); });
        dialog.exec();
        QCOMPARE(dialog.choice(), DamagedCacheDialog::Choice::RestoreBackup);
        QVERIFY2(dialog.apply(&error), qPrintable(error));

        auto cache = Cache::open(path, &error);
        QVERIFY2(cache, qPrintable(error));
        QCOMPARE(cache->feeds().feeds().size(), 1);
        const QStringList copies = damagedCopies(dir);
        QCOMPARE(copies.size(), 1);
        QCOMPARE(test::fileHash(dir.filePath(copies.first())), damaged);
    }

    void startingANewCacheKeepsTheDamagedFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QFile empty(path);
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QString error;
        QVERIFY(!Cache::open(path, &error));

        DamagedCacheDialog dialog(path, error, CacheBackup::newest(path),
                                  DamagedCacheDialog::When::Running);
        QVERIFY(!button(dialog, QStringLiteral("Restore Backup"))); // there is none
        QVERIFY(button(dialog, QStringLiteral("Later")));
        QVERIFY(shownText(dialog).contains(QLatin1String("There is no backup")));
        QTimer::singleShot(
            0, &dialog, [&dialog] { button(dialog, QStringLiteral("Start New Cache"))->click(); });
        dialog.exec();
        QCOMPARE(dialog.choice(), DamagedCacheDialog::Choice::StartNew);
        QVERIFY2(dialog.apply(&error), qPrintable(error));
        QCOMPARE(damagedCopies(dir).size(), 1);
        QVERIFY2(Cache::open(path, &error), qPrintable(error));
    }

    void laterChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = damagedCacheWithBackup(dir);
        const QByteArray damaged = test::fileHash(path);
        DamagedCacheDialog dialog(path, QStringLiteral("the cache is damaged"),
                                  CacheBackup::newest(path), DamagedCacheDialog::When::Running);
        QTimer::singleShot(0, &dialog, [&dialog] { dialog.reject(); }); // Escape, or closing it
        dialog.exec();
        QCOMPARE(dialog.choice(), DamagedCacheDialog::Choice::Leave);
        QString error;
        QVERIFY(dialog.apply(&error));
        QCOMPARE(test::fileHash(path), damaged);
        QVERIFY(damagedCopies(dir).isEmpty());
    }

    void exportingGivesTheBookmarksThatCanBeReadAndSaysFromWhere()
    {
        QTemporaryDir dir;
        const QString path = unreadableCacheWithBookmarks(dir, 3);
        const QByteArray damaged = test::fileHash(path);
        QString error;
        Database::Problem problem = Database::Problem::None;
        QVERIFY(!Cache::open(path, &error, &problem));
        QCOMPARE(problem, Database::Problem::Damaged);
        const QString backup = CacheBackup::newest(path);
        DamagedCacheDialog dialog(path, error, backup, DamagedCacheDialog::When::Opening);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // Export Bookmarks… asks where, in a file dialog of its own.
        const QString saved = dir.filePath(QStringLiteral("saved.json"));
        bool answered = false;
        QTimer chooser;
        connect(&chooser, &QTimer::timeout, &dialog, [&] {
            auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!files)
                return;
            // Typed into the name field, as a user would: selectFile() in another folder waits
            // for the dialog to read that folder, and an accept before then takes the default.
            auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            if (!name)
                return;
            name->setText(saved);
            static_cast<QDialog *>(files)->accept(); // QFileDialog::accept is protected
            answered = true;
            chooser.stop();
        });
        chooser.start(20);
        button(dialog, QStringLiteral("Export Bookmarks…"))->click();
        QVERIFY(answered);
        QVERIFY(dialog.isVisible()); // exporting is not a way out: the choice is still to make

        QFile file(saved);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray bookmarks = QJsonDocument::fromJson(file.readAll())
                                         .object()
                                         .value(QStringLiteral("bookmarks"))
                                         .toArray();
        QCOMPARE(bookmarks.size(), 3); // the one made after the backup was on no page left to read
        QCOMPARE(bookmarks.first().toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Ferry timetable 2"));
        QCOMPARE(bookmarks.first().toObject().value(QStringLiteral("note")).toString(),
                 QStringLiteral("note 2"));
        const QString status = dialog.exportStatus();
        QVERIFY2(status.startsWith(QStringLiteral("Exported 3 bookmark(s) to %1.").arg(saved)),
                 qPrintable(status));
        QVERIFY2(status.contains(
                     QStringLiteral(
                         "No bookmark could be read from the damaged cache %1; from the backup %2")
                         .arg(path, backup)),
                 qPrintable(status));
        QVERIFY(shownText(dialog).contains(status));
        QCOMPARE(test::fileHash(path), damaged);
        QVERIFY(damagedCopies(dir).isEmpty());
    }

    void screenshots()
    {
        // Set BULLETIN_SCREENSHOT_DIR to look at the dialog, light and dark, after an export.
        const QString out = qEnvironmentVariable("BULLETIN_SCREENSHOT_DIR");
        if (out.isEmpty())
            QSKIP("BULLETIN_SCREENSHOT_DIR not set");
        QDir().mkpath(out);
        QTemporaryDir dir;
        const QString path = unreadableCacheWithBookmarks(dir, 3);
        QString error;
        QVERIFY(!Cache::open(path, &error));
        const QPalette light = QApplication::palette();
        for (const bool dark : {false, true}) {
            QApplication::setPalette(dark ? test::darkPalette() : light);
            DamagedCacheDialog dialog(path, error, CacheBackup::newest(path),
                                      DamagedCacheDialog::When::Opening);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(
                dialog.exportBookmarks(dir.filePath(QStringLiteral("bulletin-bookmarks.html"))));
            test::DarkPaletteScope::settle();
            QVERIFY(dialog.grab().save(
                QDir(out).filePath(dark ? QStringLiteral("damaged-cache-dark.png")
                                        : QStringLiteral("damaged-cache-light.png"))));
        }
        QApplication::setPalette(light);
    }
};

QTEST_MAIN(tst_DamagedCacheDialog)
#include "tst_damagedcachedialog.moc"
