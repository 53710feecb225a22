// What the window says about a refresh: a refresh the user stops says so and how far it got,
// and a feed that was read with recovery says what was wrong in its health. Real feeds on a
// loopback server, the real window offscreen. With BULLETIN_SCREENSHOT_DIR set, the status
// bar and the feed's tooltip are saved there as PNGs.

#include "gui/advisorybanner.h"
#include "gui/appsettings.h"
#include "gui/feedactions.h"
#include "gui/mainwindow.h"
#include "gui/preferencesdialog.h"
#include "gui/refreshactions.h"
#include "gui/storycontroller.h"
#include "models/sidebarmodel.h"
#include "services/refreshservice.h"
#include "services/subscriptionservice.h"
#include "storage/cache.h"
#include "support/screenshots.h"
#include "support/testdata.h"
#include "support/testhttpserver.h"
#include "support/windowtest.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>
#include <QToolTip>
#include <QTreeView>

#include <memory>

using namespace bulletin;
using bulletin::test::TestHttpServer;
using bulletin::test::TestResponse;

namespace {

QByteArray rss(const QByteArray &name, int items)
{
    QByteArray xml = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>" + name
        + "</title>\n";
    for (int i = 1; i <= items; ++i) {
        const QByteArray n = QByteArray::number(i);
        xml += "<item><guid>" + name + "-" + n + "</guid><title>" + name + " story " + n
            + "</title>" + "<description>Text of story " + n + "</description></item>\n";
    }
    return xml + "</channel>\n</rss>\n";
}

} // namespace

class tst_FeedActions final : public QObject, protected test::WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void stoppedRefreshSaysHowFarItGot();
    void recoveredFeedShowsWhatWasWrongInItsHealth();
    void newAlertRaisesTheBannerWhileTheRefreshRuns();
    void preferencesSetTheAlertInterval();

private:
    qint64 addFeed(const QString &path);
    bool openWindow();
};

void tst_FeedActions::init()
{
    openCacheAndSettings();
    startServices();
}

void tst_FeedActions::cleanup()
{
    closeWindowTest();
}

qint64 tst_FeedActions::addFeed(const QString &path)
{
    return m_cache->feeds().addSubscription(m_server->url(path).toString(), {}).value_or(0);
}

bool tst_FeedActions::openWindow()
{
    return showMainWindow({1000, 640});
}

void tst_FeedActions::stoppedRefreshSaysHowFarItGot()
{
    // Three feeds answer at once; five servers never do, so the refresh waits on them until
    // the user stops it.
    for (int i = 1; i <= 3; ++i) {
        const QString path = QStringLiteral("/news%1.xml").arg(i);
        m_server->route(path, TestResponse::ok(rss("News" + QByteArray::number(i), 2)));
        QVERIFY(addFeed(path));
    }
    TestResponse silent;
    silent.neverRespond = true;
    for (int i = 1; i <= 5; ++i) {
        const QString path = QStringLiteral("/stuck%1.xml").arg(i);
        m_server->route(path, silent);
        QVERIFY(addFeed(path));
    }
    QVERIFY(openWindow());

    QSignalSpy refreshed(m_refresh.get(), &RefreshService::feedRefreshed);
    QSignalSpy finished(m_refresh.get(), &RefreshService::refreshFinished);
    m_window->refreshActions()->refreshAllAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 3, 15000);
    QTRY_VERIFY(m_server->activeRequests() > 0); // waiting on a server that says nothing
    QVERIFY(m_window->refreshActions()->stopAction()->isEnabled());
    m_window->refreshActions()->stopAction()->trigger();
    QVERIFY(finished.size() > 0 || finished.wait(15000));

    const QString message = m_window->statusBar()->currentMessage();
    QCOMPARE(message, QStringLiteral("Refresh stopped after 3 of 8 feed(s): 6 new story(ies)."));
    QVERIFY(!m_window->refreshActions()->progressWidget()->isVisible());
    QVERIFY(test::saveScreenshot(m_window->statusBar(),
                                 QStringLiteral("refresh-stopped-statusbar.png")));
    QVERIFY(test::saveScreenshot(m_window.get(), QStringLiteral("refresh-stopped-window.png")));

    // A refresh that runs to its end reports as before, failures included.
    for (int i = 1; i <= 5; ++i)
        m_server->route(QStringLiteral("/stuck%1.xml").arg(i), TestResponse::withStatus(404));
    finished.clear();
    m_window->refreshActions()->refreshAllAction()->trigger();
    QVERIFY(finished.wait(15000));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral(
                 "Refreshed 8 feed(s): 0 new story(ies), 5 failed (see the feed's tooltip)."));
}

void tst_FeedActions::recoveredFeedShowsWhatWasWrongInItsHealth()
{
    // The server stops writing in the middle of the fourth item, in a response that is
    // complete as HTTP: the document itself is cut.
    const QByteArray whole = rss("Gazette", 5);
    const QByteArray cut = whole.left(whole.indexOf("<item><guid>Gazette-4") + 8);
    m_server->route(QStringLiteral("/gazette.xml"), TestResponse::ok(cut));
    m_server->route(QStringLiteral("/wire.xml"), TestResponse::ok(rss("Wire", 2)));
    const qint64 gazette = addFeed(QStringLiteral("/gazette.xml"));
    const qint64 wire = addFeed(QStringLiteral("/wire.xml"));
    QVERIFY(openWindow());

    QSignalSpy finished(m_refresh.get(), &RefreshService::refreshFinished);
    m_window->refreshActions()->refreshAllAction()->trigger();
    QVERIFY(finished.wait(15000));

    SidebarModel *sidebar = m_window->controller()->sidebarModel();
    const QModelIndex index = sidebar->indexFor({StoryFilter::Kind::Feed, gazette});
    QVERIFY(index.isValid());
    const QString health = index.data(Qt::ToolTipRole).toString();
    QVERIFY2(health.contains(QStringLiteral(
                 "Last update read with recovery: not well-formed at line 8, column 8 "
                 "(premature end of document); 3 stories recovered")),
             qPrintable(health));
    QVERIFY(!index.data(SidebarModel::FailingRole).toBool()); // its three stories are there to read
    QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Feed, gazette}), 3);
    const QString clean
        = sidebar->indexFor({StoryFilter::Kind::Feed, wire}).data(Qt::ToolTipRole).toString();
    QVERIFY2(!clean.contains(QStringLiteral("recovery")), qPrintable(clean));

    if (!qEnvironmentVariableIsEmpty("BULLETIN_SCREENSHOT_DIR")) {
        auto *view = m_window->findChild<QTreeView *>(QStringLiteral("sidebarView"));
        QVERIFY(view);
        const QRect row = view->visualRect(index);
        QToolTip::showText(view->viewport()->mapToGlobal(row.center()), health, view->viewport());
        QWidget *tip = nullptr;
        QTRY_VERIFY((tip = [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (w->inherits("QTipLabel") && w->isVisible())
                    return w;
            return static_cast<QWidget *>(nullptr);
        }()));
        QVERIFY(test::saveScreenshot(tip, QStringLiteral("recovered-feed-tooltip.png")));
        QVERIFY(test::saveScreenshot(m_window.get(), QStringLiteral("recovered-feed-window.png")));
    }

    // Fixed at the source, the feed reads clean again and its health says so.
    m_server->route(QStringLiteral("/gazette.xml"), TestResponse::ok(whole));
    m_window->refreshActions()->refreshAllAction()->trigger();
    QVERIFY(finished.wait(15000));
    QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Feed, gazette}), 5);
    QTRY_VERIFY(!sidebar->indexFor({StoryFilter::Kind::Feed, gazette})
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("recovery")));
}

void tst_FeedActions::newAlertRaisesTheBannerWhileTheRefreshRuns()
{
    // The warning is stored while a news server still says nothing: the banner shows it then,
    // not when the whole batch is done (a slow feed can take minutes to time out).
    m_server->route(QStringLiteral("/alerts.cap"),
                    TestResponse::ok(test::readTestData(QStringLiteral("flood-warning.cap")),
                                     "application/cap+xml"));
    TestResponse silent;
    silent.neverRespond = true;
    m_server->route(QStringLiteral("/slow.xml"), silent);
    QVERIFY(addFeed(QStringLiteral("/alerts.cap")));
    QVERIFY(addFeed(QStringLiteral("/slow.xml")));
    QVERIFY(openWindow());
    AdvisoryBanner *banner = m_window->advisoryBanner();
    QVERIFY(banner->isHidden());

    m_window->refreshActions()->refreshAllAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), 15000);
    QVERIFY(m_refresh->isRefreshing()); // the news feed is still being waited for
    QVERIFY2(banner->text().contains(QStringLiteral("Flood warning: leave the lower quay now")),
             qPrintable(banner->text()));
    QVERIFY(
        test::saveScreenshot(m_window.get(), QStringLiteral("alert-during-refresh-window.png")));

    QSignalSpy finished(m_refresh.get(), &RefreshService::refreshFinished);
    m_window->refreshActions()->stopAction()->trigger();
    QVERIFY(finished.size() > 0 || finished.wait(15000));
    QVERIFY(!banner->isHidden());
}

void tst_FeedActions::preferencesSetTheAlertInterval()
{
    QVERIFY(openWindow());
    QCOMPARE(m_refresh->schedule().alertMinutes, 5);
    QCOMPARE(m_refresh->schedule().defaultMinutes, 60);
    {
        AppSettings preferences(*m_settings);
        PreferencesDialog dialog(preferences, {}, {}, m_cache.get(), m_window.get());
        QSpinBox *alerts = nullptr;
        for (QSpinBox *box : dialog.findChildren<QSpinBox *>()) {
            if (box->accessibleName() == QLatin1String("Alert refresh interval"))
                alerts = box;
        }
        QVERIFY(alerts);
        QCOMPARE(alerts->value(), 5);
        alerts->setValue(15);
        dialog.resize(dialog.sizeHint());
        QVERIFY(test::saveScreenshot(&dialog, QStringLiteral("preferences-alert-interval.png")));
        dialog.save();
    }
    m_window->applySettings();
    QCOMPARE(m_refresh->schedule().alertMinutes, 15);
    QCOMPARE(m_refresh->schedule().defaultMinutes, 60); // the news feeds' own is left alone
}

QTEST_MAIN(tst_FeedActions)
#include "tst_feedactions.moc"
