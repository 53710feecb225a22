// Subscribing through the window's Subscribe dialog, against a real HTTP server on
// 127.0.0.1: a page that offers several feeds lists them by the titles it gives and lets the
// user take more than one; an error keeps the dialog and the typed address; the folder
// starts at the top level whatever the sidebar shows.

#include "gui/feedactions.h"
#include "gui/mainwindow.h"
#include "gui/storycontroller.h"
#include "models/sidebarmodel.h"
#include "services/refreshservice.h"
#include "services/subscriptionservice.h"
#include "storage/cache.h"
#include "support/dialoganswers.h"
#include "support/screenshots.h"
#include "support/testhttpserver.h"
#include "support/windowtest.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSettings>
#include <QTest>
#include <QTreeView>

using namespace bulletin;
using bulletin::test::answerNextDialog;
using bulletin::test::TestHttpServer;
using bulletin::test::TestResponse;

namespace {

const QByteArray kPage = "<!DOCTYPE html><html><head><title>City Wire</title>\n"
                         "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"City Wire: "
                         "all news\" href=\"/wire.rss\">\n"
                         "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Civil "
                         "protection &amp; alerts\" href=\"alerts.atom\">\n"
                         "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Old "
                         "archive\" href=\"/archive.rss\">\n"
                         "</head><body><p>City Wire</p></body></html>";

const QByteArray kWire
    = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>City Wire</title>"
      "<link>https://wire.example/</link>"
      "<item><guid>w1</guid><title>Tram line opens</title><description>The tram "
      "runs.</description></item>"
      "<item><guid>w2</guid><title>Library late nights</title><description>Open "
      "late.</description></item>"
      "</channel></rss>";

const QByteArray kAlerts
    = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
      "<title>Civil Protection</title><id>urn:alerts</id><updated>2026-12-01T10:00:00Z</updated>"
      "<entry><id>urn:a1</id><title>Flood warning</title><updated>2026-12-01T10:00:00Z</updated>"
      "<summary>The river is rising.</summary></entry></feed>";

QAbstractButton *buttonIn(QWidget *dialog, const QString &startsWith)
{
    for (QAbstractButton *button : dialog->findChildren<QAbstractButton *>()) {
        if (button->isVisible() && button->text().remove(QLatin1Char('&')).startsWith(startsWith))
            return button;
    }
    return nullptr;
}

QLineEdit *addressIn(QWidget *dialog)
{
    for (QLineEdit *edit : dialog->findChildren<QLineEdit *>()) {
        if (edit->accessibleName() == QLatin1String("Feed or web page address"))
            return edit;
    }
    return nullptr;
}

// The visible text of the dialog's labels, joined.
QString labelsIn(QWidget *dialog)
{
    QStringList texts;
    for (QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label->isVisible())
            texts << label->text();
    }
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class tst_SubscribeDialog : public QObject, protected bulletin::test::WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aPageListsItsFeedsByTitleAndSeveralCanBeTaken();
    void anErrorKeepsTheDialogAndTheAddress_data();
    void anErrorKeepsTheDialogAndTheAddress();
    void theFolderStartsAtTheTopLevel();

private:
    QString url(const QString &path) const { return m_server->url(path).toString(); }

    qint64 m_alertsFolder = 0;
};

void tst_SubscribeDialog::init()
{
    openCacheAndSettings();
    startServices();
    m_server->route(QStringLiteral("/city"), TestResponse::ok(kPage, "text/html; charset=utf-8"));
    m_server->route(QStringLiteral("/plain"),
                    TestResponse::ok("<html><body>No feeds here</body></html>", "text/html"));
    m_server->route(QStringLiteral("/wire.rss"), TestResponse::ok(kWire, "application/rss+xml"));
    m_server->route(QStringLiteral("/alerts.atom"),
                    TestResponse::ok(kAlerts, "application/atom+xml"));
    m_server->route(QStringLiteral("/broken"), TestResponse::withStatus(500, "down"));
    // A folder of alerts, selected in the sidebar when the user asks to subscribe.
    m_alertsFolder = m_cache->feeds().folderForPath({QStringLiteral("Alerts")});
    QVERIFY(m_alertsFolder);
    QVERIFY(m_cache->feeds().addSubscription(url(QStringLiteral("/cap.xml")), QStringLiteral("CAP"),
                                             m_alertsFolder));
    QVERIFY(showMainWindow({1100, 700}));
    m_window->controller()->showFilter({StoryFilter::Kind::Folder, m_alertsFolder});
}

void tst_SubscribeDialog::cleanup()
{
    closeWindowTest();
}

void tst_SubscribeDialog::aPageListsItsFeedsByTitleAndSeveralCanBeTaken()
{
    QStringList offered;
    bool closed = false;
    answerNextDialog([&](QWidget *dialog) {
        const auto closeAnyway = qScopeGuard([dialog] {
            if (dialog->isVisible()) // a check failed on the way: do not leave the dialog open
                qobject_cast<QDialog *>(dialog)->reject();
        });
        addressIn(dialog)->setText(url(QStringLiteral("/city")));
        buttonIn(dialog, QStringLiteral("Subscribe"))->click();
        // The page's feeds, in the same dialog, by the titles the page gives.
        QListWidget *choices = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (choices = dialog->findChild<QListWidget *>()) && choices->isVisible(), 10000);
        for (int row = 0; row < choices->count(); ++row)
            offered << choices->item(row)->text();
        QCOMPARE(choices->count(), 3);
        QVERIFY(labelsIn(dialog).contains(QStringLiteral("offers these feeds")));
        QVERIFY(bulletin::test::saveLightAndDark(dialog, QStringLiteral("subscribe-picker")));
        // Two of them: the wire and the alerts.
        choices->item(0)->setCheckState(Qt::Checked);
        choices->item(1)->setCheckState(Qt::Checked);
        choices->item(2)->setCheckState(Qt::Unchecked);
        QAbstractButton *subscribe = buttonIn(dialog, QStringLiteral("Subscribe"));
        QCOMPARE(subscribe->text().remove(QLatin1Char('&')),
                 QStringLiteral("Subscribe (2 Checked)"));
        subscribe->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 15000);
        closed = true;
    });
    m_window->feedActions()->subscribeAction()->trigger();
    QVERIFY(closed);
    QCOMPARE(offered.size(), 3);
    QVERIFY2(offered.at(0).startsWith(QStringLiteral("City Wire: all news (RSS)")),
             qPrintable(offered.at(0)));
    QVERIFY(offered.at(0).contains(url(QStringLiteral("/wire.rss"))));
    QVERIFY2(offered.at(1).startsWith(QStringLiteral("Civil protection & alerts (Atom)")),
             qPrintable(offered.at(1)));
    QVERIFY(offered.at(2).startsWith(QStringLiteral("Old archive (RSS)")));
    // Both are subscribed, each with its feed's own title, at the top level.
    const std::optional<FeedRecord> wire = m_cache->feeds().feedByUrl(
        url(QStringLiteral("/wire.rss")));
    const std::optional<FeedRecord> alerts = m_cache->feeds().feedByUrl(
        url(QStringLiteral("/alerts.atom")));
    QVERIFY(wire && alerts);
    QCOMPARE(wire->title, QStringLiteral("City Wire"));
    QCOMPARE(alerts->title, QStringLiteral("Civil Protection"));
    QCOMPARE(wire->folderId, 0);
    QCOMPARE(alerts->folderId, 0);
    QVERIFY(!m_cache->feeds().feedByUrl(url(QStringLiteral("/archive.rss"))));
}

void tst_SubscribeDialog::anErrorKeepsTheDialogAndTheAddress_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("error");
    QTest::newRow("a page without feeds")
        << QStringLiteral("/plain") << QStringLiteral("announces no feed");
    QTest::newRow("a broken server") << QStringLiteral("/broken") << QStringLiteral("500");
    QTest::newRow("nothing there") << QStringLiteral("/nothing") << QStringLiteral("404");
}

void tst_SubscribeDialog::anErrorKeepsTheDialogAndTheAddress()
{
    QFETCH(QString, path);
    QFETCH(QString, error);
    QString shown;
    QString kept;
    bool closed = false;
    answerNextDialog([&](QWidget *dialog) {
        const auto closeAnyway = qScopeGuard([dialog] {
            if (dialog->isVisible()) // a check failed on the way: do not leave the dialog open
                qobject_cast<QDialog *>(dialog)->reject();
        });
        addressIn(dialog)->setText(url(path));
        buttonIn(dialog, QStringLiteral("Subscribe"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(labelsIn(dialog).contains(QStringLiteral("Could not subscribe")),
                                 10000);
        QVERIFY(dialog->isVisible());
        shown = labelsIn(dialog);
        kept = addressIn(dialog)->text();
        QVERIFY(buttonIn(dialog, QStringLiteral("Subscribe"))->isEnabled());
        // Corrected, it goes through, and the error goes.
        addressIn(dialog)->setText(url(QStringLiteral("/wire.rss")));
        QVERIFY(!labelsIn(dialog).contains(QStringLiteral("Could not subscribe")));
        buttonIn(dialog, QStringLiteral("Subscribe"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 15000);
        closed = true;
    });
    m_window->feedActions()->subscribeAction()->trigger();
    QVERIFY(closed);
    QCOMPARE(kept, url(path));
    QVERIFY2(shown.contains(error), qPrintable(shown));
    QVERIFY(m_cache->feeds().feedByUrl(url(QStringLiteral("/wire.rss"))));
    QVERIFY(!m_cache->feeds().feedByUrl(url(path)));
}

void tst_SubscribeDialog::theFolderStartsAtTheTopLevel()
{
    QCOMPARE(m_window->controller()->currentFilter().kind, StoryFilter::Kind::Folder);
    QString folder = QStringLiteral("(not asked)");
    QStringList offered;
    answerNextDialog([&](QWidget *dialog) {
        auto *combo = dialog->findChild<QComboBox *>();
        folder = combo->currentText();
        for (int i = 0; i < combo->count(); ++i)
            offered << combo->itemText(i);
        buttonIn(dialog, QStringLiteral("Cancel"))->click();
    });
    m_window->feedActions()->subscribeAction()->trigger();
    QCOMPARE(folder, QString()); // not "Alerts", though the Alerts folder is selected
    QVERIFY(offered.contains(QStringLiteral("Alerts"))); // the user can still choose it
}

QTEST_MAIN(tst_SubscribeDialog)
#include "tst_subscribedialog.moc"
