// The window with real subscriptions: feeds of CAP alerts and news served on 127.0.0.1 by a
// real HTTP server, subscribed, refreshed, renamed, moved and removed through FeedActions,
// with the advisory banner, the Advisories view, related coverage across feeds and the
// deceptive-link question checked as a user would see them.

#include "gui/advisorybanner.h"
#include "gui/appsettings.h"
#include "gui/feedactions.h"
#include "gui/imagebar.h"
#include "gui/imagepolicy.h"
#include "gui/linkopener.h"
#include "gui/mainwindow.h"
#include "gui/opmlactions.h"
#include "gui/preferencesdialog.h"
#include "gui/readerview.h"
#include "gui/refreshactions.h"
#include "gui/storycontroller.h"
#include "models/sidebarmodel.h"
#include "models/storylistmodel.h"
#include "services/refreshservice.h"
#include "services/storypage.h"
#include "services/subscriptionservice.h"
#include "storage/advisorystore.h"
#include "storage/cache.h"
#include "support/dialoganswers.h"
#include "support/screenshots.h"
#include "support/testdata.h"
#include "support/testhttpserver.h"
#include "support/urlcatcher.h"
#include "support/windowtest.h"

#include <QAbstractButton>
#include <QApplication>
#include <QBuffer>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QPixmap>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>

#include <functional>
#include <memory>

using namespace bulletin;
using bulletin::test::answerNextDialog;
using bulletin::test::clickButton;
using bulletin::test::readTestData;
using bulletin::test::RecordedRequest;
using bulletin::test::testDataPath;
using bulletin::test::TestHttpServer;
using bulletin::test::TestResponse;
using bulletin::test::UrlCatcher;

namespace {

QByteArray isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate).toUtf8();
}

QByteArray rfcTime(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toUtf8()
        + " GMT";
}

struct Alert
{
    QByteArray id;
    QByteArray msgType = "Alert";
    QByteArray references; // "sender,identifier,sent"
    QByteArray event;
    QByteArray severity;
    QByteArray headline;
    QByteArray description;
    QByteArray area;
    QDateTime sent;
    QDateTime expires;
};

// What the server answers, changed by the test between refreshes. Handlers run on the
// server's thread, so every read and write goes through the mutex.
struct Fixtures
{
    QMutex mutex;
    QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Alert> alerts;
    QByteArray gazetteExtra;
    bool wireMissing = false;
    bool wireOnlyNewest = false; // the feed has dropped its older items

    QByteArray alertsFeed()
    {
        const QMutexLocker lock(&mutex);
        const QByteArray entryTemplate = readTestData(QStringLiteral("alert-entry.xml"));
        QByteArray entries;
        for (const Alert &a : alerts) {
            QByteArray entry = entryTemplate;
            entry.replace("{{ID}}", a.id)
                .replace("{{MSGTYPE}}", a.msgType)
                .replace("{{REFERENCES}}",
                         a.references.isEmpty()
                             ? QByteArray()
                             : "\n        <references>" + a.references + "</references>")
                .replace("{{EVENT}}", a.event)
                .replace("{{SEVERITY}}", a.severity)
                .replace("{{HEADLINE}}", a.headline)
                .replace("{{DESCRIPTION}}", a.description)
                .replace("{{AREA}}", a.area)
                .replace("{{SENT}}", isoTime(a.sent))
                .replace("{{EXPIRES}}", isoTime(a.expires));
            entries += entry;
        }
        return readTestData(QStringLiteral("alerts.atom"))
            .replace("{{NOW}}", isoTime(now))
            .replace("{{ENTRIES}}", entries);
    }

    QByteArray news(const QString &name)
    {
        const QMutexLocker lock(&mutex);
        QByteArray body = readTestData(name);
        body.replace("{{DAY0}}", rfcTime(now.addSecs(-3600)))
            .replace("{{DAY1}}", rfcTime(now.addDays(-1)))
            .replace("{{DAY2}}", rfcTime(now.addDays(-2)))
            .replace("{{EXTRA}}", gazetteExtra);
        return body;
    }
};

} // namespace

class tst_FeedWindow : public QObject, protected bulletin::test::WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void subscribesRefreshesAndShowsAdvisories();
    void feedHealthAndManagement();
    void opmlRoundTripThroughTheWindow();
    void remoteImagesOnlyWhenAllowed();
    void everyImageOfAHugeGalleryIsOffered();
    void preferencesReachTheRefresh();

private:
    std::unique_ptr<MainWindow> makeWindow();
    qint64 subscribe(const QString &path, const QStringList &folder);
    qint64 storyByGuidTitle(const QString &titleStart) const;
    void routeFixtures();

    std::shared_ptr<Fixtures> m_fixtures;
};

void tst_FeedWindow::init()
{
    openCacheAndSettings();
    m_fixtures = std::make_shared<Fixtures>();
    const QDateTime now = m_fixtures->now;
    m_fixtures->alerts = {
        {"FL-1",
         "Alert",
         {},
         "Flood",
         "Severe",
         "Flood warning for the lower harbour",
         "The river is expected to overtop the quay walls.",
         "Lower Harbour",
         now.addSecs(-7200),
         now.addDays(1)},
        {"HT-1",
         "Alert",
         {},
         "Heat",
         "Moderate",
         "Heat advisory for the old town",
         "Temperatures above 35 degrees.",
         "Old Town",
         now.addDays(-3),
         now.addDays(-2)},
        {"WN-1",
         "Alert",
         {},
         "Wind",
         "Minor",
         "Wind advisory for the bridges",
         "Gusts up to 70 km/h on exposed bridges.",
         "Harbour bridges",
         now.addSecs(-3600),
         now.addDays(2)},
    };
    startServices();
    routeFixtures();
    m_window = makeWindow();
}

void tst_FeedWindow::cleanup()
{
    closeWindowTest();
}

void tst_FeedWindow::routeFixtures()
{
    const std::shared_ptr<Fixtures> fixtures = m_fixtures;
    m_server->route(QStringLiteral("/alerts.atom"), [fixtures](const RecordedRequest &) {
        return TestResponse::ok(fixtures->alertsFeed(), "application/atom+xml");
    });
    m_server->route(QStringLiteral("/harbour-gazette.rss"), [fixtures](const RecordedRequest &) {
        return TestResponse::ok(fixtures->news(QStringLiteral("harbour-gazette.rss")));
    });
    m_server->route(QStringLiteral("/city-wire.rss"), [fixtures](const RecordedRequest &) {
        {
            const QMutexLocker lock(&fixtures->mutex);
            if (fixtures->wireMissing)
                return TestResponse::withStatus(404, "gone");
        }
        QByteArray body = fixtures->news(QStringLiteral("city-wire.rss"));
        const QMutexLocker lock(&fixtures->mutex);
        if (fixtures->wireOnlyNewest) {
            const qsizetype second = body.indexOf("<item>", body.indexOf("<item>") + 1);
            body = body.left(second) + "</channel></rss>";
        }
        return TestResponse::ok(body);
    });
    QImage image(10, 10, QImage::Format_RGB32);
    image.fill(QColor(0x20, 0x60, 0xa0));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    for (const QString &path : {QStringLiteral("/photo.png"), QStringLiteral("/photo2.png"),
                                QStringLiteral("/pixel.gif")})
        m_server->route(path, TestResponse::ok(png, "image/png"));
    const QByteArray base = m_server->url(QStringLiteral("/")).toString().chopped(1).toUtf8();
    m_server->route(
        QStringLiteral("/gallery.rss"),
        TestResponse::ok(readTestData(QStringLiteral("gallery.rss")).replace("{{BASE}}", base)));
}

std::unique_ptr<MainWindow> tst_FeedWindow::makeWindow()
{
    m_settings->setValue(QStringLiteral("images/cacheDirectory"),
                         m_dir.filePath(QStringLiteral("images")));
    return makeMainWindow({1280, 820});
}

qint64 tst_FeedWindow::subscribe(const QString &path, const QStringList &folder)
{
    QSignalSpy subscribed(m_window->feedActions(), &FeedActions::subscribed);
    QSignalSpy failed(m_window->feedActions(), &FeedActions::subscribeFailed);
    SubscriptionService::Request request;
    request.url = m_server->url(path).toString();
    request.folderPath = folder;
    m_window->feedActions()->subscribe(request);
    if (!subscribed.wait(15000) && subscribed.isEmpty()) {
        qWarning() << "subscribing to" << path << "failed:" << failed;
        return 0;
    }
    return subscribed.at(0).at(0).toLongLong();
}

qint64 tst_FeedWindow::storyByGuidTitle(const QString &titleStart) const
{
    for (const StorySummary &s : m_cache->articles().stories({}, std::nullopt, 500)) {
        if (s.title.startsWith(titleStart))
            return s.id;
    }
    return 0;
}

void tst_FeedWindow::subscribesRefreshesAndShowsAdvisories()
{
    const qint64 alerts = subscribe(QStringLiteral("/alerts.atom"), {QStringLiteral("Alerts")});
    QVERIFY(alerts);
    const qint64 gazette = subscribe(QStringLiteral("/harbour-gazette.rss"),
                                     {QStringLiteral("News")});
    QVERIFY(gazette);
    const qint64 wire = subscribe(QStringLiteral("/city-wire.rss"), {QStringLiteral("News")});
    QVERIFY(wire);

    // The sidebar lists the feeds in their folders with unread counts.
    SidebarModel *sidebar = m_window->controller()->sidebarModel();
    const QModelIndex wireIndex = sidebar->indexFor({StoryFilter::Kind::Feed, wire});
    QVERIFY(wireIndex.isValid());
    QCOMPARE(wireIndex.parent().data().toString(), QStringLiteral("News"));
    QCOMPARE(wireIndex.siblingAtColumn(SidebarModel::CountColumn).data().toString(),
             QStringLiteral("3"));
    QVERIFY(wireIndex.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Last updated")));

    // The window banner: the most severe active advisory (Severe flood, not the expired heat).
    AdvisoryBanner *banner = m_window->advisoryBanner();
    QVERIFY(!banner->isHidden());
    QVERIFY2(banner->text().contains(QStringLiteral("Flood warning for the lower harbour")),
             qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral("Lower Harbour")));
    QVERIFY(banner->accessibleName().contains(QStringLiteral("Flood warning")));

    // An update supersedes the flood warning and raises it to Extreme; refreshing all shows
    // progress and brings it in.
    {
        const QMutexLocker lock(&m_fixtures->mutex);
        m_fixtures->alerts.prepend(
            {"FL-2", "Update",
             "alerts@questport.example,FL-1," + isoTime(m_fixtures->now.addSecs(-7200)), "Flood",
             "Extreme", "Flood warning upgraded: evacuate the lower harbour",
             "Water is over the quay walls.", "Lower Harbour", m_fixtures->now.addSecs(-600),
             m_fixtures->now.addDays(1)});
        m_fixtures->gazetteExtra
            = "<item><guid>gazette-ferry</guid><title>Ferries to the islands run a reduced "
              "timetable this week</title><link>https://gazette.questport.example/ferries</link>"
              "<pubDate>"
            + rfcTime(m_fixtures->now.addSecs(-60))
            + "</pubDate>"
              "<description>Two ferries are in dry dock.</description></item>";
    }
    QSignalSpy finished(m_refresh.get(), &RefreshService::refreshFinished);
    QSignalSpy started(m_refresh.get(), &RefreshService::refreshStarted);
    m_window->refreshActions()->refreshAllAction()->trigger();
    QCOMPARE(started.size(), 1);
    QVERIFY(m_window->refreshActions()->progressWidget()->isVisibleTo(m_window.get()));
    QVERIFY(m_window->refreshActions()->stopAction()->isEnabled());
    QVERIFY(finished.wait(15000));
    QVERIFY(!m_window->refreshActions()->progressWidget()->isVisibleTo(m_window.get()));
    QVERIFY2(banner->text().contains(QStringLiteral("evacuate the lower harbour")),
             qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral("Extreme")));
    // The new story is in the list without restarting.
    QVERIFY(storyByGuidTitle(QStringLiteral("Ferries to the islands")));
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, gazette});
    StoryListModel *list = m_window->controller()->storyModel();
    QCOMPARE(list->rowCount(), 4);

    // The Advisories view: active ones first (Extreme, then Minor), then the retired ones.
    m_window->controller()->showFilter({StoryFilter::Kind::Advisories});
    QCOMPARE(list->rowCount(), 4);
    QCOMPARE(list->index(0, 0).data(StoryListModel::AdvisoryStatusRole).toString(),
             QStringLiteral("active"));
    QVERIFY(
        list->index(0, 0).data().toString().startsWith(QStringLiteral("Flood warning upgraded")));
    QCOMPARE(list->index(1, 0).data(StoryListModel::AdvisoryStatusRole).toString(),
             QStringLiteral("active"));
    QVERIFY(list->index(1, 0).data().toString().startsWith(QStringLiteral("Wind advisory")));
    QStringList retired{list->index(2, 0).data(StoryListModel::AdvisoryStatusRole).toString(),
                        list->index(3, 0).data(StoryListModel::AdvisoryStatusRole).toString()};
    retired.sort();
    QCOMPARE(retired, (QStringList{QStringLiteral("expired"), QStringLiteral("superseded")}));
    QVERIFY(list->index(2, 0).data(Qt::ForegroundRole).isValid());

    // Clicking the banner opens its story; dismissing shows the next one and persists.
    const std::optional<qint64> floodStory = banner->storyId();
    QVERIFY(floodStory);
    QTest::mouseClick(banner, Qt::LeftButton, {}, QPoint(20, 10));
    QCOMPARE(m_window->controller()->currentLocation().storyId, *floodStory);
    QVERIFY(!banner->isHidden()); // it stays, so nothing below it moves
    banner->dismiss();
    QVERIFY2(banner->text().contains(QStringLiteral("Wind advisory")), qPrintable(banner->text()));
    QVERIFY(!banner->isHidden());
    {
        auto again = makeWindow();
        QVERIFY(again->advisoryBanner()->text().contains(QStringLiteral("Wind advisory")));
    }

    // Related coverage across feeds, found off the GUI thread, shown under its own heading.
    const qint64 gazetteBridge = storyByGuidTitle(QStringLiteral("Cargo ship strikes"));
    const qint64 wireBridge = storyByGuidTitle(QStringLiteral("Questport harbour bridge closed"));
    QVERIFY(gazetteBridge && wireBridge);
    m_window->openStory(gazetteBridge);
    ReaderView *reader = m_window->reader();
    QTRY_VERIFY_WITH_TIMEOUT(reader->toPlainText().contains(QStringLiteral("Coverage elsewhere")),
                             10000);
    QVERIFY(reader->toPlainText().contains(
        QStringLiteral("Questport harbour bridge closed after cargo ship hits pylon")));
    QVERIFY(reader->toPlainText().contains(QStringLiteral("City Wire")));
    QVERIFY(!reader->toPlainText().contains(QStringLiteral("Central library")));
    emit reader->storyRequested(wireBridge); // what a click on the headline does
    QCOMPARE(m_window->controller()->currentLocation().storyId, wireBridge);
    m_window->historyActions();
    m_window->controller()->goBack();
    QCOMPARE(m_window->controller()->currentLocation().storyId, gazetteBridge);

    // The deceptive link is marked, and opening it asks first; Cancel opens nothing.
    const QUrl deceptive(QStringLiteral("https://refunds-questport.example.net/login"));
    QVERIFY(reader->toPlainText().contains(QStringLiteral("www.questport-ferries.example \u26A0")));
    QVERIFY(m_window->controller()->linkWarning(deceptive).contains(
        QStringLiteral("refunds-questport.example.net")));
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
    QString asked;
    answerNextDialog([&asked](QWidget *dialog) {
        asked = qobject_cast<QMessageBox *>(dialog)->informativeText();
        clickButton(dialog, QStringLiteral("Cancel"));
    });
    emit reader->externalLinkRequested(deceptive);
    QVERIFY(asked.contains(QStringLiteral("https://refunds-questport.example.net/login")));
    QVERIFY(catcher.urls.isEmpty());
    answerNextDialog([](QWidget *dialog) { clickButton(dialog, QStringLiteral("Open Anyway")); });
    emit reader->externalLinkRequested(deceptive);
    QCOMPARE(catcher.urls, QList<QUrl>{deceptive});
    // An honest link opens at once, with no question.
    emit reader->externalLinkRequested(
        QUrl(QStringLiteral("https://gazette.questport.example/bridge-pylon")));
    QCOMPARE(catcher.urls.size(), 2);
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));

    if (!test::screenshotDir().isEmpty()) {
        m_window->openStory(gazetteBridge);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        test::DarkPaletteScope::settle();
        QVERIFY(test::saveScreenshot(m_window.get(), QStringLiteral("subscriptions.png")));
    }
}

void tst_FeedWindow::preferencesReachTheRefresh()
{
    m_settings->setValue(QLatin1String(AppSettings::kIntervalKey), 15);
    m_settings->setValue(QLatin1String(AppSettings::kKeepCountKey), 1);
    m_settings->setValue(QLatin1String(AppSettings::kKeepUnreadKey), false);
    m_settings->setValue(QLatin1String(AppSettings::kAutoRefreshKey), false);
    m_window->applySettings();
    QCOMPARE(m_refresh->schedule().defaultMinutes, 15);
    QVERIFY(!m_refresh->isAutoRefreshing());
    QCOMPARE(m_refresh->retention().global.maxCount, 1);

    // Once the feed drops its older items, a refresh keeps one story (bookmarked ones always;
    // stories still in the feed are never pruned, or they would only come back).
    const qint64 wire = subscribe(QStringLiteral("/city-wire.rss"), {});
    QVERIFY(wire);
    {
        const QMutexLocker lock(&m_fixtures->mutex);
        m_fixtures->wireOnlyNewest = true;
    }
    const qint64 oldest
        = m_cache->articles().stories({StoryFilter::Kind::Feed, wire}, std::nullopt, 10).last().id;
    QVERIFY(m_cache->bookmarks().add(oldest));
    QSignalSpy finished(m_refresh.get(), &RefreshService::refreshFinished);
    m_window->refreshActions()->refreshAllAction()->trigger();
    QVERIFY(finished.wait(15000));
    QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Feed, wire}), 2);
    QVERIFY(m_cache->articles().summary(oldest));
    QCOMPARE(m_cache->bookmarks().count(), 1);

    m_settings->setValue(QLatin1String(AppSettings::kAutoRefreshKey), true);
    m_window->applySettings();
    QVERIFY(m_refresh->isAutoRefreshing());
}

void tst_FeedWindow::feedHealthAndManagement()
{
    const qint64 wire = subscribe(QStringLiteral("/city-wire.rss"), {});
    const qint64 gazette = subscribe(QStringLiteral("/harbour-gazette.rss"), {});
    QVERIFY(wire && gazette);
    SidebarModel *sidebar = m_window->controller()->sidebarModel();

    // The feed breaks: its health says so in words, with a badge.
    {
        const QMutexLocker lock(&m_fixtures->mutex);
        m_fixtures->wireMissing = true;
    }
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, wire});
    QSignalSpy finished(m_refresh.get(), &RefreshService::refreshFinished);
    m_window->refreshActions()->refreshSelectedAction()->trigger();
    QVERIFY(finished.wait(15000));
    QModelIndex index = sidebar->indexFor({StoryFilter::Kind::Feed, wire});
    QVERIFY(index.data(SidebarModel::FailingRole).toBool());
    QVERIFY2(index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("HTTP 404")),
             qPrintable(index.data(Qt::ToolTipRole).toString()));
    QVERIFY(!index.data(Qt::DecorationRole).isNull());
    QVERIFY(!sidebar->indexFor({StoryFilter::Kind::Feed, gazette})
                 .data(SidebarModel::FailingRole)
                 .toBool());
    // Its stories are still there to read.
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), 3);

    // Rename and move.
    QVERIFY(m_window->feedActions()->rename({StoryFilter::Kind::Feed, wire},
                                            QStringLiteral("The Wire")));
    QVERIFY(
        m_window->feedActions()->moveFeed(wire, {QStringLiteral("News"), QStringLiteral("City")}));
    index = sidebar->indexFor({StoryFilter::Kind::Feed, wire});
    QCOMPARE(index.data().toString(), QStringLiteral("The Wire"));
    QCOMPARE(index.parent().data().toString(), QStringLiteral("City"));
    QCOMPARE(index.parent().parent().data().toString(), QStringLiteral("News"));
    QCOMPARE(m_window->feedActions()->folderPaths(),
             (QStringList{QStringLiteral("News"), QStringLiteral("News/City")}));

    // Unsubscribing removes the stories but never the bookmarks; confirming goes through
    // a question that names the feed.
    const qint64 story
        = m_cache->articles().stories({StoryFilter::Kind::Feed, wire}, std::nullopt, 1).value(0).id;
    QVERIFY(story);
    QVERIFY(m_cache->bookmarks().add(story));
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, wire});
    // Unsubscribed while a refresh runs (one that asks this feed too), the feed leaves the
    // sidebar at once; its stories go on the purger's thread, beside the refresh's writer.
    QSignalSpy merged(m_refresh.get(), &RefreshService::indexesMerged);
    m_refresh->refreshAll();
    QVERIFY(m_refresh->isRefreshing());
    QString question;
    answerNextDialog([&question](QWidget *dialog) {
        question = qobject_cast<QMessageBox *>(dialog)->text();
        clickButton(dialog, QStringLiteral("Yes"));
    });
    m_window->feedActions()->removeAction()->trigger();
    QVERIFY2(question.contains(QStringLiteral("The Wire"))
                 && question.contains(QStringLiteral("bookmarks")),
             qPrintable(question));
    QVERIFY(!sidebar->indexFor({StoryFilter::Kind::Feed, wire}).isValid());
    QCOMPARE(m_window->controller()->currentFilter().kind, StoryFilter::Kind::All);
    QVERIFY(merged.wait(15000));
    QTRY_VERIFY(!m_cache->feeds().feed(wire));
    QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Feed, wire}), 0);
    QCOMPARE(m_cache->bookmarks().count(), 1);
    QVERIFY(!sidebar->indexFor({StoryFilter::Kind::Feed, wire}).isValid());
}

void tst_FeedWindow::opmlRoundTripThroughTheWindow()
{
    QVERIFY(subscribe(QStringLiteral("/city-wire.rss"),
                      {QStringLiteral("News"), QStringLiteral("City")}));
    QVERIFY(subscribe(QStringLiteral("/alerts.atom"), {QStringLiteral("Alerts")}));
    const QString opml = m_dir.filePath(QStringLiteral("subscriptions.opml"));
    QVERIFY(m_window->opmlActions()->exportOpmlFile(opml));

    // Into a fresh profile: same subscriptions, same folders.
    QString error;
    std::unique_ptr<Cache> fresh = Cache::open(m_dir.filePath(QStringLiteral("fresh.sqlite")),
                                               &error);
    QVERIFY2(fresh, qPrintable(error));
    {
        MainWindow window(*fresh, *m_settings);
        QVERIFY(!window.refreshActions()->refreshAllAction()->isEnabled()); // no network given
        const OpmlService::ImportReport report = window.opmlActions()->importOpmlFile(opml);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.added, 2);
        QCOMPARE(window.feedActions()->folderPaths(),
                 (QStringList{QStringLiteral("Alerts"), QStringLiteral("News"),
                              QStringLiteral("News/City")}));
        QVERIFY(
            fresh->feeds().feedByUrl(m_server->url(QStringLiteral("/city-wire.rss")).toString()));
        // A file that is no OPML imports nothing and says why.
        const OpmlService::ImportReport bad = window.opmlActions()->importOpmlFile(
            testDataPath(QStringLiteral("city-wire.rss")));
        QVERIFY(!bad.error.isEmpty());
        QCOMPARE(fresh->feeds().feeds().size(), 2);
    }
}

void tst_FeedWindow::remoteImagesOnlyWhenAllowed()
{
    const qint64 gallery = subscribe(QStringLiteral("/gallery.rss"), {});
    QVERIFY(gallery);
    const qint64 dawn = storyByGuidTitle(QStringLiteral("The harbour at dawn"));
    const qint64 dusk = storyByGuidTitle(QStringLiteral("The harbour at dusk"));
    QVERIFY(dawn && dusk);
    const auto photoRequests = [this] {
        return m_server->requestsTo(QStringLiteral("/photo.png")).size()
            + m_server->requestsTo(QStringLiteral("/photo2.png")).size()
            + m_server->requestsTo(QStringLiteral("/pixel.gif")).size();
    };

    // Opening a story with remote images makes no request; the bar offers them.
    m_window->openStory(dawn);
    QTest::qWait(200); // a request would have come by now: there is no event to wait for
    QCOMPARE(photoRequests(), 0);
    QVERIFY(!m_window->imageBar()->isHidden());
    QVERIFY(m_window->imageBar()->findChild<QLabel *>()->text().startsWith(
        QStringLiteral("1 remote image")));
    QVERIFY(m_window->reader()->toPlainText().contains(QStringLiteral("[Harbour at dawn]")));

    // Load Images: this story's picture (never the tracking pixel) comes in and is shown.
    m_window->imageBar()->loadButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsTo(QStringLiteral("/photo.png")).size(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!QDir(m_dir.filePath(QStringLiteral("images"))).isEmpty(QDir::Files),
                             10000);
    QVERIFY(!m_window->reader()->toPlainText().contains(QStringLiteral("[Harbour at dawn]")));
    const QUrl photo = m_server->url(QStringLiteral("/photo.png"));
    QTRY_VERIFY(
        !m_window->reader()->document()->resource(QTextDocument::ImageResource, photo).isNull());
    const QVariant shown = m_window->reader()->document()->resource(QTextDocument::ImageResource,
                                                                    photo);
    const QImage image = shown.typeId() == QMetaType::QImage ? shown.value<QImage>()
        : shown.typeId() == QMetaType::QPixmap               ? shown.value<QPixmap>().toImage()
                                               : QImage::fromData(shown.toByteArray());
    QCOMPARE(image.size(), QSize(10, 10));
    QVERIFY(m_window->imageBar()->isHidden());
    QCOMPARE(m_server->requestsTo(QStringLiteral("/pixel.gif")).size(), 0);

    // Only for that story: the next one in the feed asks again.
    m_window->openStory(dusk);
    QTest::qWait(200); // as above: a wait for something that must not happen
    QCOMPARE(m_server->requestsTo(QStringLiteral("/photo2.png")).size(), 0);
    QVERIFY(!m_window->imageBar()->isHidden());
    // Always for this feed: loads now, and for later stories and later starts.
    m_window->imageBar()->alwaysButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsTo(QStringLiteral("/photo2.png")).size(), 1, 10000);
    const QString photo2File = m_dir.filePath(QStringLiteral("images")) + QLatin1Char('/')
        + QString::fromLatin1(QCryptographicHash::hash(m_server->url(QStringLiteral("/photo2.png"))
                                                           .toString(QUrl::FullyEncoded)
                                                           .toUtf8(),
                                                       QCryptographicHash::Sha1)
                                  .toHex());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(photo2File), 10000);

    // "Load remote images in every story" (Preferences) covers stories never allowed before.
    m_window->controller()->imagePolicy()->setImageFeeds({});
    m_settings->setValue(QStringLiteral("images/alwaysFeeds"), QVariantList());
    QVERIFY(QFile::remove(photo2File));
    m_settings->setValue(QLatin1String(AppSettings::kImagesAlwaysKey), true);
    m_window->applySettings();
    m_window->openStory(dawn);
    m_window->openStory(dusk);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsTo(QStringLiteral("/photo2.png")).size(), 2, 10000);
    QVERIFY(m_window->imageBar()->isHidden());
    m_settings->setValue(QLatin1String(AppSettings::kImagesAlwaysKey), false);
    m_settings->setValue(QStringLiteral("images/alwaysFeeds"), QVariantList{gallery});

    // A new window (the next start): the feed's pictures show from the disk cache, offline.
    m_window.reset();
    m_server.reset(); // nothing to ask any more
    m_window = makeWindow();
    m_window->openStory(dawn);
    QVERIFY(!m_window->reader()->toPlainText().contains(QStringLiteral("[Harbour at dawn]")));
    QVERIFY(m_window->imageBar()->isHidden());
}

// A hostile story with 10,000 remote images and as many tracking pixels comes in through a
// refresh: it is stored, it opens, and the bar offers every image once (never a pixel).
void tst_FeedWindow::everyImageOfAHugeGalleryIsOffered()
{
    // Some 1.4 million characters: within what a story keeps (inputlimits.h), and shown in
    // parts. The bar offers the images of the whole story, not only of the part on screen.
    constexpr int kImages = 10000;
    QByteArray html;
    for (int i = 0; i < kImages; ++i) {
        const QByteArray n = QByteArray::number(i);
        html += "<img src=\"https://img.example/" + n + ".jpg\"><img src=\"https://t.example/" + n
            + ".gif\" width=\"1\" height=\"1\"><img src=\"https://img.example/"
            + QByteArray::number(i / 2) + ".jpg\">";
    }
    m_server->route(
        QStringLiteral("/huge-gallery.rss"),
        TestResponse::ok("<rss version=\"2.0\"><channel><title>Huge</title><item><guid>huge</guid>"
                         "<title>Every picture</title><link>https://pictures.example/huge</link>"
                         "<description><![CDATA["
                         + html + "]]></description></item></channel></rss>"));
    // The settings file outlives each test's cache: neither the preference nor a feed id of
    // an earlier test may allow images (this test must never ask for its 10,000 pictures).
    m_settings->setValue(QLatin1String(AppSettings::kImagesAlwaysKey), false);
    m_settings->remove(QStringLiteral("images/alwaysFeeds"));
    m_window->applySettings();
    m_window->controller()->imagePolicy()->setImageFeeds({});
    QVERIFY(subscribe(QStringLiteral("/huge-gallery.rss"), {}));
    const qint64 story = storyByGuidTitle(QStringLiteral("Every picture"));
    QVERIFY(story);

    m_window->openStory(story);
    QVERIFY(!m_window->imageBar()->isHidden());
    QCOMPARE(m_window->imageBar()->findChild<QLabel *>()->text().section(u' ', 0, 2),
             QStringLiteral("%1 remote image(s)").arg(kImages));
    const QString shown = m_window->reader()->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("This story is long: part 1 of")),
             qPrintable(shown.left(200)));
    const qsizetype placeholders = shown.count(QStringLiteral("[image]"));
    QVERIFY2(placeholders > 0 && placeholders < 2 * kImages,
             qPrintable(QString::number(placeholders)));
}

QTEST_MAIN(tst_FeedWindow)
#include "tst_feedwindow.moc"
