#include "gui/damagedcachedialog.h"
#include "services/cache.h"
#include "storage/cachebackup.h"
#include "storage/cachefile.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QPalette>
#include <QPushButton>
#include <QSqlQuery>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace bulletin;

namespace {

QByteArray hashOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1)
                                          : QByteArray();
}

// A cache with one subscription, and a backup of it; then the cache is cut short.
QString damagedCacheWithBackup(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QString error;
    {
        auto cache = Cache::open(path, &error);
        if (!cache || !cache->feeds().addSubscription(QStringLiteral("https://example.org/feed"), QStringLiteral("Example"), 0, &error))
            qFatal("%s", qPrintable(error));
        if (!CacheBackup::make(cache->database().connection(), path, Database::latestSchemaVersion(), &error))
            qFatal("%s", qPrintable(error));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.resize(file.size() / 2))
        qFatal("cannot cut the cache");
    return path;
}

QPushButton *button(QMessageBox &box, const QString &text)
{
    for (QAbstractButton *b : box.buttons()) {
        if (b->text() == text)
            return qobject_cast<QPushButton *>(b);
    }
    return nullptr;
}

QStringList damagedCopies(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList({QStringLiteral("cache.sqlite.damaged-*")}, QDir::Files);
}

} // namespace

class TestDamagedCacheDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restoringPutsTheBackupInPlaceAndKeepsTheDamagedFile()
    {
        QTemporaryDir dir;
        const QString path = damagedCacheWithBackup(dir);
        const QByteArray damaged = hashOf(path);
        QString error;
        Database::Problem problem = Database::Problem::None;
        QVERIFY(!Cache::open(path, &error, &problem));
        QCOMPARE(problem, Database::Problem::Damaged);
        QVERIFY2(error.contains(QStringLiteral("the newest backup is %1").arg(CacheBackup::newest(path))), qPrintable(error));

        DamagedCacheDialog dialog(error, CacheBackup::newest(path), DamagedCacheDialog::When::Opening);
        QVERIFY(button(dialog, QStringLiteral("Restore Backup")));
        QVERIFY(button(dialog, QStringLiteral("Quit")));
        QTimer::singleShot(0, &dialog, [&dialog] { button(dialog, QStringLiteral("Restore Backup"))->click(); });
        dialog.exec();
        QCOMPARE(dialog.choice(), DamagedCacheDialog::Choice::RestoreBackup);
        QVERIFY2(dialog.apply(path, &error), qPrintable(error));

        auto cache = Cache::open(path, &error);
        QVERIFY2(cache, qPrintable(error));
        QCOMPARE(cache->feeds().feeds().size(), 1);
        const QStringList copies = damagedCopies(dir);
        QCOMPARE(copies.size(), 1);
        QCOMPARE(hashOf(dir.filePath(copies.first())), damaged);
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

        DamagedCacheDialog dialog(error, CacheBackup::newest(path), DamagedCacheDialog::When::Running);
        QVERIFY(!button(dialog, QStringLiteral("Restore Backup"))); // there is none
        QVERIFY(dialog.informativeText().contains(QLatin1String("There is no backup")));
        QTimer::singleShot(0, &dialog, [&dialog] { button(dialog, QStringLiteral("Start New Cache"))->click(); });
        dialog.exec();
        QCOMPARE(dialog.choice(), DamagedCacheDialog::Choice::StartNew);
        QVERIFY2(dialog.apply(path, &error), qPrintable(error));
        QCOMPARE(damagedCopies(dir).size(), 1);
        QVERIFY2(Cache::open(path, &error), qPrintable(error));
    }

    void laterChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = damagedCacheWithBackup(dir);
        const QByteArray damaged = hashOf(path);
        DamagedCacheDialog dialog(QStringLiteral("the cache is damaged"), CacheBackup::newest(path),
                                  DamagedCacheDialog::When::Running);
        QTimer::singleShot(0, &dialog, [&dialog] { dialog.reject(); }); // Escape, or closing it
        dialog.exec();
        QCOMPARE(dialog.choice(), DamagedCacheDialog::Choice::Leave);
        QString error;
        QVERIFY(dialog.apply(path, &error));
        QCOMPARE(hashOf(path), damaged);
        QVERIFY(damagedCopies(dir).isEmpty());
    }

    void screenshots()
    {
        // Set BULLETIN_SCREENSHOT_DIR to look at the dialog, light and dark.
        const QString out = qEnvironmentVariable("BULLETIN_SCREENSHOT_DIR");
        if (out.isEmpty())
            QSKIP("BULLETIN_SCREENSHOT_DIR not set");
        QTemporaryDir dir;
        const QString path = damagedCacheWithBackup(dir);
        QString error;
        QVERIFY(!Cache::open(path, &error));
        const QPalette light = QApplication::palette();
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        for (const bool dark : {false, true}) {
            QPalette palette = light;
            if (dark) {
                palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
                palette.setColor(QPalette::WindowText, Qt::white);
                palette.setColor(QPalette::Button, QColor(0x3c, 0x3c, 0x3c));
                palette.setColor(QPalette::ButtonText, Qt::white);
                palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
                palette.setColor(QPalette::Text, Qt::white);
            }
            QApplication::setPalette(palette);
            DamagedCacheDialog dialog(error, CacheBackup::newest(path), DamagedCacheDialog::When::Opening);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(QDir(out).filePath(dark ? QStringLiteral("damaged-cache-dark.png")
                                                               : QStringLiteral("damaged-cache-light.png"))));
        }
        QApplication::setPalette(light);
    }
};

QTEST_MAIN(TestDamagedCacheDialog)
#include "tst_damagedcachedialog.moc"
