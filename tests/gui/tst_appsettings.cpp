#include "gui/appsettings.h"

#include "services/remoteimages.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace bulletin;

// The typed settings over a real INI file: what is set is there for the next start, and a
// settings file written by an earlier version (raw keys) keeps the user's preferences.
class tst_AppSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void nothingStoredReadsAsTheDefaults();
    void whatIsSetIsReadBackFromTheFile();
    void anEarlierVersionsFileIsRead();
    void shortcutsFollowTheDefaultsUntilChanged();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("settings.ini")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_AppSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_AppSettings::nothingStoredReadsAsTheDefaults()
{
    QSettings file(path(), QSettings::IniFormat);
    const AppSettings settings(file);
    QVERIFY(settings.autoRefresh());
    QCOMPARE(settings.refreshIntervalMinutes(), 60);
    QCOMPARE(settings.alertIntervalMinutes(), 5);
    QCOMPARE(settings.syncIntervalMinutes(), 15);
    QCOMPARE(settings.keepCount(), 0);
    QCOMPARE(settings.keepDays(), 0);
    QVERIFY(settings.keepUnread());
    QCOMPARE(settings.markReadDelayMs(), 0);
    QVERIFY(!settings.readerFont());
    QVERIFY(settings.notifyAdvisories());
    QVERIFY(!settings.trayIcon());
    QVERIFY(!settings.imagesAlways());
    QVERIFY(settings.imageFeeds().isEmpty());
    QCOMPARE(settings.imageDirectory(), ImageCache::defaultDirectory());
    QCOMPARE(settings.theme(), QString());
    QCOMPARE(settings.lastView(), StoryFilter{});
    QCOMPARE(settings.lastStory(), 0);
    QCOMPARE(settings.lastBookmark(), 0);
    QVERIFY(settings.storyOrders().isEmpty());
    QVERIFY(settings.windowGeometry().isEmpty());
}

void tst_AppSettings::whatIsSetIsReadBackFromTheFile()
{
    QFont font(QStringLiteral("DejaVu Serif"));
    font.setPointSize(14);
    const StoryFilter folder{StoryFilter::Kind::Folder, 7};
    StoryOrder byHeadline;
    byHeadline.key = StoryOrder::Key::Headline;
    byHeadline.reversed = true;
    {
        QSettings file(path(), QSettings::IniFormat);
        AppSettings settings(file);
        settings.setAutoRefresh(false);
        settings.setRefreshIntervalMinutes(90);
        settings.setAlertIntervalMinutes(10);
        settings.setSyncIntervalMinutes(0);
        settings.setKeepCount(200);
        settings.setKeepDays(30);
        settings.setKeepUnread(false);
        settings.setMarkReadDelayMs(-1);
        settings.setReaderFont(font);
        settings.setNotifyAdvisories(false);
        settings.setTrayIcon(true);
        settings.setImagesAlways(true);
        settings.setImageFeeds({3, 12});
        settings.setTheme(QStringLiteral("dark"));
        settings.setShortcuts(QStringLiteral("goBack"), {QKeySequence(Qt::Key_B)},
                              {QKeySequence(Qt::ALT | Qt::Key_Left)});
        settings.setWindowGeometry(QByteArray("geometry"));
        settings.setWindowState(QByteArray("state"));
        settings.setOuterSplitter(QByteArray("outer"));
        settings.setInnerSplitter(QByteArray("inner"));
        settings.setLastView(folder);
        settings.setLastLocation({.storyId = 41, .bookmarkId = 0});
        settings.setStoryOrder(folder.key(), byHeadline);
        settings.sync();
    }
    QSettings file(path(), QSettings::IniFormat);
    const AppSettings settings(file);
    QVERIFY(!settings.autoRefresh());
    QCOMPARE(settings.refreshIntervalMinutes(), 90);
    QCOMPARE(settings.alertIntervalMinutes(), 10);
    QCOMPARE(settings.syncIntervalMinutes(), 0);
    QCOMPARE(settings.keepCount(), 200);
    QCOMPARE(settings.keepDays(), 30);
    QVERIFY(!settings.keepUnread());
    QCOMPARE(settings.markReadDelayMs(), -1);
    QVERIFY(settings.readerFont());
    QCOMPARE(settings.readerFont()->family(), font.family());
    QCOMPARE(settings.readerFont()->pointSize(), 14);
    QVERIFY(!settings.notifyAdvisories());
    QVERIFY(settings.trayIcon());
    QVERIFY(settings.imagesAlways());
    QCOMPARE(settings.imageFeeds(), (QSet<qint64>{3, 12}));
    QCOMPARE(settings.theme(), QStringLiteral("dark"));
    QCOMPARE(settings.shortcuts(QStringLiteral("goBack"), {QKeySequence(Qt::ALT | Qt::Key_Left)}),
             QList<QKeySequence>{QKeySequence(Qt::Key_B)});
    QCOMPARE(settings.windowGeometry(), QByteArray("geometry"));
    QCOMPARE(settings.windowState(), QByteArray("state"));
    QCOMPARE(settings.outerSplitter(), QByteArray("outer"));
    QCOMPARE(settings.innerSplitter(), QByteArray("inner"));
    QCOMPARE(settings.lastView(), folder);
    QCOMPARE(settings.lastStory(), 41);
    QCOMPARE(settings.storyOrders().value(folder.key()), byHeadline);
    QCOMPARE(settings.storyOrders().size(), 1);
}

void tst_AppSettings::anEarlierVersionsFileIsRead()
{
    // The keys as earlier versions wrote them, spelled out: a renamed key would lose them.
    {
        QSettings file(path(), QSettings::IniFormat);
        file.setValue(QStringLiteral("refresh/automatic"), false);
        file.setValue(QStringLiteral("refresh/intervalMinutes"), 120);
        file.setValue(QStringLiteral("refresh/alertIntervalMinutes"), 15);
        file.setValue(QStringLiteral("sync/intervalMinutes"), 30);
        file.setValue(QStringLiteral("retention/maxStoriesPerFeed"), 500);
        file.setValue(QStringLiteral("retention/maxAgeDays"), 90);
        file.setValue(QStringLiteral("retention/keepUnread"), false);
        file.setValue(QStringLiteral("reader/markReadDelayMs"), 3000);
        file.setValue(QStringLiteral("reader/font"),
                      QFont(QStringLiteral("DejaVu Sans"), 12).toString());
        file.setValue(QStringLiteral("notifications/advisories"), false);
        file.setValue(QStringLiteral("window/trayIcon"), true);
        file.setValue(QStringLiteral("images/alwaysLoad"), true);
        file.setValue(QStringLiteral("images/alwaysFeeds"), QVariantList{qint64(5), qint64(8)});
        file.setValue(QStringLiteral("images/cacheDirectory"),
                      m_dir->filePath(QStringLiteral("images")));
        file.setValue(QStringLiteral("appearance/theme"), QStringLiteral("light"));
        file.setValue(QStringLiteral("shortcuts/refreshAll"), QStringLiteral("F5; Ctrl+R"));
        file.setValue(QStringLiteral("shortcuts/subscribe"), QString()); // removed by the user
        file.setValue(QStringLiteral("window/geometry"), QByteArray("geometry"));
        file.setValue(QStringLiteral("window/state"), QByteArray("state"));
        file.setValue(QStringLiteral("window/outerSplitter"), QByteArray("outer"));
        file.setValue(QStringLiteral("window/innerSplitter"), QByteArray("inner"));
        file.setValue(QStringLiteral("view/filterKind"), 4); // a feed
        file.setValue(QStringLiteral("view/filterId"), 4);
        file.setValue(QStringLiteral("reader/lastStory"), 0);
        file.setValue(QStringLiteral("reader/lastBookmark"), 9);
        file.setValue(QStringLiteral("storyOrder/4_4_0"), QStringLiteral("-date")); // feed 4
        file.sync();
    }
    QSettings file(path(), QSettings::IniFormat);
    const AppSettings settings(file);
    QVERIFY(!settings.autoRefresh());
    QCOMPARE(settings.refreshIntervalMinutes(), 120);
    QCOMPARE(settings.alertIntervalMinutes(), 15);
    QCOMPARE(settings.syncIntervalMinutes(), 30);
    QCOMPARE(settings.keepCount(), 500);
    QCOMPARE(settings.keepDays(), 90);
    QVERIFY(!settings.keepUnread());
    QCOMPARE(settings.markReadDelayMs(), 3000);
    QVERIFY(settings.readerFont());
    QCOMPARE(settings.readerFont()->pointSize(), 12);
    QVERIFY(!settings.notifyAdvisories());
    QVERIFY(settings.trayIcon());
    QVERIFY(settings.imagesAlways());
    QCOMPARE(settings.imageFeeds(), (QSet<qint64>{5, 8}));
    QCOMPARE(settings.imageDirectory(), m_dir->filePath(QStringLiteral("images")));
    QCOMPARE(settings.theme(), QStringLiteral("light"));
    QCOMPARE(settings.shortcuts(QStringLiteral("refreshAll"), {QKeySequence(Qt::Key_F5)}),
             (QList<QKeySequence>{QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)}));
    QVERIFY(settings.shortcuts(QStringLiteral("subscribe"), {QKeySequence(Qt::CTRL | Qt::Key_N)})
                .isEmpty());
    QCOMPARE(settings.windowGeometry(), QByteArray("geometry"));
    QCOMPARE(settings.windowState(), QByteArray("state"));
    QCOMPARE(settings.outerSplitter(), QByteArray("outer"));
    QCOMPARE(settings.innerSplitter(), QByteArray("inner"));
    QCOMPARE(settings.lastView(), (StoryFilter{StoryFilter::Kind::Feed, 4}));
    QCOMPARE(settings.lastStory(), 0);
    QCOMPARE(settings.lastBookmark(), 9);
    StoryOrder oldestFirst;
    oldestFirst.reversed = true;
    QCOMPARE(settings.storyOrders().value(StoryFilter{StoryFilter::Kind::Feed, 4}.key()),
             oldestFirst);
}

void tst_AppSettings::shortcutsFollowTheDefaultsUntilChanged()
{
    QSettings file(path(), QSettings::IniFormat);
    AppSettings settings(file);
    const QList<QKeySequence> defaults{QKeySequence(Qt::Key_F5)};
    settings.setShortcuts(QStringLiteral("refreshAll"), defaults, defaults);
    QVERIFY(!file.contains(QStringLiteral("shortcuts/refreshAll"))); // the defaults are not stored
    const QList<QKeySequence> newDefaults{QKeySequence(Qt::Key_F6)};
    QCOMPARE(settings.shortcuts(QStringLiteral("refreshAll"), newDefaults), newDefaults);
    settings.setShortcuts(QStringLiteral("refreshAll"), {}, defaults);
    QVERIFY(settings.shortcuts(QStringLiteral("refreshAll"), defaults).isEmpty());
}

QTEST_MAIN(tst_AppSettings)
#include "tst_appsettings.moc"
