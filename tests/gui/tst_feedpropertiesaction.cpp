#include "gui/feedpropertiesaction.h"

#include "gui/feedpropertiesdialog.h"
#include "gui/imagebar.h"
#include "gui/mainwindow.h"
#include "gui/storycontroller.h"
#include "models/sidebarmodel.h"
#include "services/refreshservice.h"
#include "support/contextmenu.h"
#include "support/dialoganswers.h"
#include "support/testdata.h"
#include "support/windowtest.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace bulletin;
using namespace bulletin::test;

// Feed Properties and the sidebar's context menu in the real window, over feeds on a
// loopback server.
class tst_FeedPropertiesAction : public QObject, protected WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void dialogChangesEveryPropertyAndFetchesTheNewAddress();
    void anAddressAnotherFeedHasIsRefused();
    void sidebarMenuActsOnTheSourceClicked();

private:
    static QByteArray rss(const QByteArray &name, int items);
    QPoint sidebarPoint(const StoryFilter &filter) const;

    qint64 m_feed = 0;
    qint64 m_other = 0;
};

QByteArray tst_FeedPropertiesAction::rss(const QByteArray &name, int items)
{
    QByteArray xml = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>" + name
        + "</title>\n";
    for (int i = 1; i <= items; ++i) {
        const QByteArray n = QByteArray::number(i);
        xml += "<item><guid>" + name + n + "</guid><title>" + name + " story " + n + "</title>"
            + "<link>https://" + name.toLower() + ".example/" + n + "</link></item>\n";
    }
    return xml + "</channel></rss>\n";
}

void tst_FeedPropertiesAction::init()
{
    openCacheAndSettings();
    startServices();
    QByteArray gazette = readTestData(QStringLiteral("harbour-gazette.rss"));
    for (const char *day : {"{{DAY0}}", "{{DAY1}}", "{{DAY2}}"})
        gazette.replace(day, QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toUtf8());
    gazette.replace("{{EXTRA}}", "");
    // The old address answers with a validator; the new one must not be asked with it.
    m_server->route(QStringLiteral("/old.xml"),
                    TestResponse::ok(rss("Old", 2)).withHeader("ETag", "\"old-1\""));
    m_server->route(QStringLiteral("/gazette.xml"), TestResponse::ok(gazette));
    m_server->route(QStringLiteral("/other.xml"), TestResponse::ok(rss("Other", 2)));
    m_feed = m_cache->feeds()
                 .addSubscription(m_server->url(QStringLiteral("/old.xml")).toString(),
                                  QStringLiteral("Old Feed"))
                 .value_or(0);
    m_other = m_cache->feeds()
                  .addSubscription(m_server->url(QStringLiteral("/other.xml")).toString(),
                                   QStringLiteral("Other Feed"))
                  .value_or(0);
    QVERIFY(m_feed && m_other);
    QVERIFY(showMainWindow(QSize(1000, 640)));
    QSignalSpy finished(m_refresh.get(), &RefreshService::refreshFinished);
    m_refresh->refreshAll();
    QVERIFY(finished.wait(15000));
}

void tst_FeedPropertiesAction::cleanup()
{
    closeWindowTest();
}

QPoint tst_FeedPropertiesAction::sidebarPoint(const StoryFilter &filter) const
{
    QTreeView *sidebar = m_window->sidebarView();
    return sidebar->visualRect(m_window->controller()->sidebarModel()->indexFor(filter)).center();
}

void tst_FeedPropertiesAction::dialogChangesEveryPropertyAndFetchesTheNewAddress()
{
    auto *properties = m_window->findChild<FeedPropertiesAction *>();
    QVERIFY(properties);
    m_window->controller()->showFilter({});
    QVERIFY(!properties->action()->isEnabled()); // All stories is no feed
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_feed});
    QVERIFY(properties->action()->isEnabled());

    // The user's part, in the dialog the action opens: everything changed at once.
    bool filled = false;
    answerNextDialog([&](QWidget *modal) {
        auto *dialog = qobject_cast<FeedPropertiesDialog *>(modal);
        if (!dialog)
            return;
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("feedTitle"))->text(),
                 QStringLiteral("Old Feed"));
        dialog->findChild<QLineEdit *>(QStringLiteral("feedTitle"))
            ->setText(QStringLiteral("Harbour Gazette"));
        dialog->findChild<QLineEdit *>(QStringLiteral("feedAddress"))
            ->setText(m_server->url(QStringLiteral("/gazette.xml")).toString());
        dialog->findChild<QComboBox *>(QStringLiteral("feedFolder"))
            ->setEditText(QStringLiteral("News/Local"));
        auto *interval = dialog->findChild<QComboBox *>(QStringLiteral("feedInterval"));
        interval->setCurrentIndex(interval->findData(15));
        dialog->findChild<QCheckBox *>(QStringLiteral("feedImages"))->setChecked(true);
        dialog->findChild<QCheckBox *>(QStringLiteral("feedAlertSource"))->setChecked(true);
        if (const QString dir = qEnvironmentVariable("BULLETIN_SCREENSHOT_DIR"); !dir.isEmpty())
            dialog->grab().save(QDir(dir).filePath(QStringLiteral("feed-properties.png")));
        filled = true;
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    m_server->clearRecords();
    properties->action()->trigger();
    QVERIFY(filled);

    const std::optional<FeedRecord> feed = m_cache->feeds().feed(m_feed);
    QVERIFY(feed);
    QCOMPARE(feed->title, QStringLiteral("Harbour Gazette"));
    QCOMPARE(feed->url, m_server->url(QStringLiteral("/gazette.xml")).toString());
    QCOMPARE(feed->refreshMinutes, 15);
    QVERIFY(feed->alertSource);
    QVERIFY(feed->folderId != 0);
    QVERIFY(m_window->imageBar()->isFeedAllowed(m_feed));
    QVERIFY(m_settings->value(QStringLiteral("images/alwaysFeeds")).toList().contains(m_feed));
    // The new address is fetched at once, in full (no validators of the old one), and its
    // stories come into the feed next to the ones it had.
    QTRY_VERIFY_WITH_TIMEOUT(!m_server->requestsTo(QStringLiteral("/gazette.xml")).isEmpty(),
                             10000);
    QVERIFY(m_server->requestsTo(QStringLiteral("/gazette.xml"))
                .first()
                .header("If-None-Match")
                .isNull());
    QTRY_COMPARE_WITH_TIMEOUT(m_cache->articles().count({StoryFilter::Kind::Feed, m_feed}), 2 + 3,
                              10000);
    // Every story of an alert source is an advisory.
    QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Advisories}), 5);

    // Opened again, the dialog shows what was stored; Cancel changes nothing.
    const std::optional<FeedPropertiesDialog::Values> values = properties->valuesOf(m_feed);
    QVERIFY(values);
    QCOMPARE(values->folderPath, (QStringList{QStringLiteral("News"), QStringLiteral("Local")}));
    answerNextDialog([](QWidget *dialog) { static_cast<QDialog *>(dialog)->reject(); });
    properties->action()->trigger();
    QCOMPARE(properties->valuesOf(m_feed), values);
}

void tst_FeedPropertiesAction::anAddressAnotherFeedHasIsRefused()
{
    auto *properties = m_window->findChild<FeedPropertiesAction *>();
    FeedPropertiesDialog::Values wanted = *properties->valuesOf(m_feed);
    const QString oldUrl = wanted.url;
    wanted.url = m_server->url(QStringLiteral("/other.xml")).toString();
    wanted.title = QStringLiteral("Renamed");
    QString error;
    QVERIFY(!properties->apply(m_feed, wanted, &error));
    QVERIFY2(error.contains(QStringLiteral("Other Feed")), qPrintable(error));
    // The address stays; the rest of what was asked is done.
    QCOMPARE(m_cache->feeds().feed(m_feed)->url, oldUrl);
    QCOMPARE(m_cache->feeds().feed(m_feed)->title, QStringLiteral("Renamed"));
    QCOMPARE(m_cache->feeds().feed(m_other)->url, wanted.url);
}

void tst_FeedPropertiesAction::sidebarMenuActsOnTheSourceClicked()
{
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_other});
    QTreeView *sidebar = m_window->sidebarView();
    const QStringList entries = runContextMenu(sidebar,
                                               sidebarPoint({StoryFilter::Kind::Feed, m_feed}),
                                               QStringLiteral("Mark All as Read"));
    for (const char *entry : {"Mark All as Read", "Refresh Feed", "Feed Properties\u2026"})
        QVERIFY2(entries.contains(QString::fromUtf8(entry)),
                 qPrintable(entries.join(QLatin1Char('|'))));
    // The marks are stored off the GUI thread.
    QTRY_COMPARE(m_cache->articles().unreadCount({StoryFilter::Kind::Feed, m_feed}), 0);
    QCOMPARE(m_cache->articles().unreadCount({StoryFilter::Kind::Feed, m_other}),
             2); // not the one selected before

    // Refresh from the menu fetches the feed clicked.
    m_server->clearRecords();
    runContextMenu(sidebar, sidebarPoint({StoryFilter::Kind::Feed, m_other}),
                   QStringLiteral("Refresh Feed"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_server->requestsTo(QStringLiteral("/other.xml")).isEmpty(), 10000);
    QVERIFY(m_server->requestsTo(QStringLiteral("/old.xml")).isEmpty());

    // A folder's menu: mark read and refresh, but no feed properties.
    const qint64 folder = m_cache->feeds().folderForPath({QStringLiteral("World")});
    QVERIFY(m_cache->feeds().moveToFolder(m_other, folder));
    m_window->controller()->refreshSidebar();
    const QStringList folderEntries = runContextMenu(
        sidebar, sidebarPoint({StoryFilter::Kind::Folder, folder}));
    QVERIFY2(folderEntries.contains(QStringLiteral("Mark All as Read")),
             qPrintable(folderEntries.join(QLatin1Char('|'))));
    QVERIFY(folderEntries.contains(QStringLiteral("Refresh Folder")));
    QVERIFY(folderEntries.contains(QStringLiteral("[Feed Properties\u2026]")));
}

QTEST_MAIN(tst_FeedPropertiesAction)
#include "tst_feedpropertiesaction.moc"
