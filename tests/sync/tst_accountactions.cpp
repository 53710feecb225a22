#include "gui/accountactions.h"
#include "gui/addaccountdialog.h"
#include "gui/appsettings.h"
#include "gui/bookmarkactions.h"
#include "gui/feedactions.h"
#include "gui/mainwindow.h"
#include "gui/preferencesdialog.h"
#include "gui/refreshactions.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "gui/subscribedialog.h"
#include "models/sidebarmodel.h"
#include "models/storylistmodel.h"
#include "services/refreshservice.h"
#include "services/subscriptionservice.h"
#include "storage/accountstore.h"
#include "storage/cache.h"
#include "storage/sqlutil.h"
#include "support/dialoganswers.h"
#include "support/screenshots.h"
#include "support/ttrssserver.h"
#include "sync/passwordstore.h"
#include "sync/syncservice.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <sqlite3.h>

using namespace bulletin;
using namespace bulletin::test;

// The window's side of sync accounts, driven offscreen against the real Tiny Tiny RSS
// server: the account's node in the sidebar with its categories, feeds and counts, marks
// made in the window reaching the server within seconds and before the window closes,
// Refresh asking the server to fetch, the lists reloading in place, a failed sync told
// in words on the node, and the account's feeds subscribed, unsubscribed and moved through
// its server.
class tst_AccountActions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void theAccountIsANodeWithItsCategoriesFeedsAndCounts();
    void marksMadeInTheWindowReachTheServerWithinSeconds();
    void aReadMarkAsksTheWindowsConnectionNothingAboutAccounts();
    void closingTheWindowSendsWhatWaits();
    void refreshAsksTheServerToFetchAndTheListsReloadInPlace();
    void aFailedSyncIsToldInWordsOnTheNode();
    void addAccountShowsErrorsInWordsAndKeepsWhatWasTyped_data();
    void addAccountShowsErrorsInWordsAndKeepsWhatWasTyped();
    void addAccountAsksBeforeKeepingThePasswordInAFile();
    void removingTheAccountKeepsItsBookmarks();
    void subscribingToTheAccountGoesThroughItsServer();
    void unsubscribingAnAccountsFeedKeepsItsBookmarks();
    void movingAnAccountsFeedGoesThroughItsServer();
    void aFeedChangeTheServerCannotHearChangesNothingHere();
    void screenshots();

private:
    // A user of its own with the feed "<user>-tech" of `items` stories in the category
    // "Tech", fetched by the server; the account in a fresh cache (password in the file:
    // tests have no keyring); the window over it with a SyncService, not yet synced.
    bool setUp(const QString &prefix, int items, bool withAccount = true);
    // Fills the Add Account dialog and presses Add.
    static void fill(AddAccountDialog &dialog, const QString &url, const QString &user,
                     const QString &password);
    static QString field(const AddAccountDialog &dialog, const char *name);
    bool sync();
    qint64 storyId(int n) const;
    QString remoteIdOf(int n) const;
    QModelIndex accountNode() const;
    QModelIndex find(const QString &name, const QModelIndex &parent = {}) const;
    void closeWindow();
    // The account's feed of setUp(), chosen in the sidebar; its id.
    qint64 chooseTheFeed();
    // The feeds the server holds for the user, as another client sees them: title -> the
    // server's category id.
    QHash<QString, int> serverFeeds() const;
    // Answers the Subscribe dialog: the account, the address and the folder, then Subscribe;
    // `whileOpen` runs once the dialog has answered (it is still open after a failure).
    void answerSubscribe(const QString &url, const QString &folder,
                         const std::function<void(SubscribeDialog *)> &whileOpen);

    std::optional<TtrssServer> m_server;
    QString m_skip;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_cachePath;
    QString m_user;
    QString m_feedName;
    qint64 m_accountId = 0;
    std::unique_ptr<TtrssApiClient> m_other;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RefreshService> m_refresh;
    std::unique_ptr<SubscriptionService> m_subscriptions;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<MainWindow> m_window;
};

void tst_AccountActions::initTestCase()
{
    m_server = TtrssServer::open(&m_skip);
}

void tst_AccountActions::init()
{
    if (!m_server)
        QSKIP(qPrintable(m_skip));
    m_dir = std::make_unique<QTemporaryDir>();
    m_cachePath = m_dir->filePath(QStringLiteral("cache.sqlite"));
}

void tst_AccountActions::cleanup()
{
    closeWindow();
    m_cache.reset();
}

void tst_AccountActions::closeWindow()
{
    // In the composition root's order: the window, then the services it talks to.
    m_window.reset();
    m_sync.reset();
    m_subscriptions.reset();
    m_refresh.reset();
    m_network.reset();
}

bool tst_AccountActions::setUp(const QString &prefix, int items, bool withAccount)
{
    m_user = m_server->addUser(prefix);
    QString error;
    m_cache = Cache::open(m_cachePath, &error);
    if (m_user.isEmpty() || !m_cache)
        return false;
    m_other = std::make_unique<TtrssApiClient>(m_server->baseUrl(), m_user,
                                               TtrssServer::password());
    const QString category = m_server->addCategory(m_user, QStringLiteral("Tech"));
    m_feedName = m_user + QStringLiteral("-tech");
    if (category.isEmpty()
        || m_other->subscribeAndFetch(m_server->writeFeed(m_feedName, items), category.toInt())
            <= 0)
        return false;
    if (withAccount) {
        m_accountId = AccountStore(m_cache->database().connection())
                          .add(QStringLiteral("ttrss"), m_server->baseUrl(), m_user, &error)
                          .value_or(0);
        if (m_accountId <= 0
            || !PasswordStore(m_cachePath)
                    .store(m_accountId, TtrssServer::password(), PasswordStore::FileConsent::Given)
                    .ok)
            return false;
    }

    const QString settingsPath = m_dir->filePath(QStringLiteral("settings.ini"));
    m_settings = std::make_unique<QSettings>(settingsPath, QSettings::IniFormat);
    m_settings->setValue(QLatin1String(AppSettings::kSyncIntervalKey), 0); // syncs only when asked
    m_settings->setValue(QLatin1String(AppSettings::kAutoRefreshKey), false);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_refresh = std::make_unique<RefreshService>(*m_cache, m_network.get());
    m_subscriptions = std::make_unique<SubscriptionService>(*m_cache, m_network.get(),
                                                            m_refresh.get());
    m_sync = std::make_unique<SyncService>(m_cachePath);
    m_window = std::make_unique<MainWindow>(*m_cache, *m_settings,
                                            MainWindow::Services{m_refresh.get(),
                                                                 m_subscriptions.get(),
                                                                 m_network.get(), m_sync.get()});
    m_window->resize(1100, 640);
    m_window->show();
    return QTest::qWaitForWindowExposed(m_window.get());
}

bool tst_AccountActions::sync()
{
    QSignalSpy all(m_sync.get(), &SyncService::allFinished);
    m_sync->syncAll();
    return all.wait(60000);
}

qint64 tst_AccountActions::storyId(int n) const
{
    QSqlQuery q(m_cache->database().connection());
    q.prepare(QStringLiteral("SELECT id FROM articles WHERE title = ?"));
    q.addBindValue(QStringLiteral("%1 story %2").arg(m_feedName).arg(n));
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

QString tst_AccountActions::remoteIdOf(int n) const
{
    return AccountStore(m_cache->database().connection()).remoteId(storyId(n)).value_or(QString());
}

QModelIndex tst_AccountActions::accountNode() const
{
    return m_window->controller()->sidebarModel()->indexFor(
        {StoryFilter::Kind::Account, m_accountId});
}

QModelIndex tst_AccountActions::find(const QString &name, const QModelIndex &parent) const
{
    const SidebarModel *model = m_window->controller()->sidebarModel();
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
        if (const QModelIndex inner = find(name, index); inner.isValid())
            return inner;
    }
    return {};
}

void tst_AccountActions::theAccountIsANodeWithItsCategoriesFeedsAndCounts()
{
    QVERIFY(setUp(QStringLiteral("winnode"), 3));
    QVERIFY(accountNode().isValid()); // known before its first sync, with nothing in it
    QCOMPARE(m_window->controller()->sidebarModel()->rowCount(accountNode()), 0);
    QVERIFY(accountNode()
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Never synced yet")));

    QSignalSpy stories(m_window->accountActions(), &AccountActions::storiesChanged);
    QVERIFY(sync());
    QCOMPARE(stories.size(), 1);
    const QModelIndex node = accountNode();
    QVERIFY(node.isValid());
    QCOMPARE(node.data().toString(), QStringLiteral("%1 on 127.0.0.1").arg(m_user));
    QCOMPARE(node.siblingAtColumn(SidebarModel::CountColumn).data().toString(),
             QStringLiteral("3"));
    QVERIFY(node.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Last synced ")));
    const QModelIndex tech = find(QStringLiteral("Tech"), node);
    QVERIFY(tech.isValid());
    QCOMPARE(tech.parent(), node);
    QCOMPARE(tech.data(SidebarModel::CountRole).toInt(), 3);
    QCOMPARE(m_window->controller()->sidebarModel()->rowCount(tech), 1);

    // Its stories behave like any other: chosen in the sidebar, listed, read in the reader.
    m_window->sidebarView()->setCurrentIndex(node);
    QCOMPARE(m_window->controller()->currentFilter(),
             (StoryFilter{StoryFilter::Kind::Account, m_accountId}));
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), 3);
    m_window->openStory(storyId(2));
    QTRY_VERIFY(m_window->controller()->currentLocation().storyId == storyId(2));
    QCOMPARE(node.siblingAtColumn(SidebarModel::CountColumn).data().toString(),
             QStringLiteral("2"));
    // The account's feeds are its server's: moved and unsubscribed through it, not renamed
    // here alone; nor are its folders renamed or deleted.
    m_window->sidebarView()->setCurrentIndex(tech);
    QVERIFY(!m_window->feedActions()->renameAction()->isEnabled());
    QVERIFY(!m_window->feedActions()->removeAction()->isEnabled());
    m_window->sidebarView()->setCurrentIndex(
        m_window->controller()->sidebarModel()->index(0, 0, tech));
    QVERIFY(!m_window->feedActions()->renameAction()->isEnabled());
    QVERIFY(m_window->feedActions()->removeAction()->isEnabled());
    QVERIFY(m_window->feedActions()->moveAction()->isEnabled());
    QVERIFY(m_window->refreshActions()->refreshSelectedAction()->isEnabled());
}

void tst_AccountActions::marksMadeInTheWindowReachTheServerWithinSeconds()
{
    QVERIFY(setUp(QStringLiteral("winmarks"), 3));
    QVERIFY(sync());
    const QString first = remoteIdOf(1);
    const QString second = remoteIdOf(2);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QVERIFY(m_other->article(first).value(QStringLiteral("unread")).toBool());

    // Opened (read at once, the default) and bookmarked (= starred) in the window.
    QSignalSpy sent(m_sync.get(), &SyncService::sendFinished);
    m_window->openStory(storyId(1));
    m_window->openStory(storyId(2));
    m_window->bookmarkActions()->toggleAction()->trigger();
    QVERIFY(sent.wait(SyncService::kChangeDelayMs + 30000));
    QTRY_COMPARE_WITH_TIMEOUT(
        AccountStore(m_cache->database().connection()).pendingCount(m_accountId), 0, 30000);
    QVERIFY(!m_other->article(first).value(QStringLiteral("unread")).toBool());
    QVERIFY(!m_other->article(second).value(QStringLiteral("unread")).toBool());
    QVERIFY(m_other->article(second).value(QStringLiteral("marked")).toBool());
    QVERIFY(!m_other->article(first).value(QStringLiteral("marked")).toBool());
    QVERIFY(m_other->article(remoteIdOf(3)).value(QStringLiteral("unread")).toBool());
}

// Reading story after story (j, j, j) costs the GUI thread its marks and nothing more: whether
// a change waits for a server is the sync's thread's to find out.
void tst_AccountActions::aReadMarkAsksTheWindowsConnectionNothingAboutAccounts()
{
    QVERIFY(setUp(QStringLiteral("winquiet"), 3));
    QVERIFY(sync());
    // Every statement the window's connection runs from here on (triggers are told as
    // comments: they are the marks' own).
    QStringList statements;
    sqlite3_trace_v2(
        sql::nativeHandle(m_cache->database().connection()), SQLITE_TRACE_STMT,
        [](unsigned, void *context, void *, void *text) {
            const QString sql = QString::fromUtf8(static_cast<const char *>(text));
            if (!sql.startsWith(QLatin1String("--")))
                static_cast<QStringList *>(context)->append(sql);
            return 0;
        },
        &statements);
    QSignalSpy sent(m_sync.get(), &SyncService::sendFinished);
    m_window->openStory(storyId(1));
    m_window->openStory(storyId(2));
    sqlite3_trace_v2(sql::nativeHandle(m_cache->database().connection()), 0, nullptr, nullptr);
    QVERIFY(!statements.isEmpty());
    for (const QString &sql : std::as_const(statements)) {
        QVERIFY2(!sql.contains(QLatin1String("sync_pending"))
                     && !sql.contains(QLatin1String("accounts")),
                 qPrintable(sql));
    }
    // The marks still reach the server, in one send.
    QVERIFY(sent.wait(SyncService::kChangeDelayMs + 30000));
    QTRY_COMPARE_WITH_TIMEOUT(
        AccountStore(m_cache->database().connection()).pendingCount(m_accountId), 0, 30000);
    QVERIFY(!m_other->article(remoteIdOf(2)).value(QStringLiteral("unread")).toBool());
}

void tst_AccountActions::closingTheWindowSendsWhatWaits()
{
    QVERIFY(setUp(QStringLiteral("winclose"), 2));
    QVERIFY(sync());
    m_window->openStory(storyId(2));
    QCOMPARE(AccountStore(m_cache->database().connection()).pendingCount(m_accountId), 1);
    // Closed at once, long before the change's delay is over.
    QVERIFY(m_window->close());
    QCOMPARE(AccountStore(m_cache->database().connection()).pendingCount(m_accountId), 0);
    QVERIFY(!m_other->article(remoteIdOf(2)).value(QStringLiteral("unread")).toBool());
    QVERIFY(m_other->article(remoteIdOf(1)).value(QStringLiteral("unread")).toBool());
}

void tst_AccountActions::refreshAsksTheServerToFetchAndTheListsReloadInPlace()
{
    QVERIFY(setUp(QStringLiteral("winrefresh"), 40));
    QVERIFY(sync());
    const QModelIndex feed = m_window->controller()->sidebarModel()->index(
        0, 0, find(QStringLiteral("Tech"), accountNode()));
    QVERIFY(feed.isValid());
    m_window->sidebarView()->setCurrentIndex(feed);
    StoryListModel *list = m_window->controller()->storyModel();
    QCOMPARE(list->rowCount(), 40);
    // The reader on an older story, the list scrolled down to it.
    const qint64 reading = storyId(5);
    m_window->openStory(reading);
    QTRY_COMPARE(m_window->controller()->currentLocation().storyId, reading);
    m_window->storyView()->scrollTo(m_window->storyView()->currentIndex());
    const int scroll = m_window->storyView()->verticalScrollBar()->value();
    QVERIFY(scroll > 0);

    // The publisher adds two stories; the server has not fetched them yet. Refresh asks it.
    m_server->writeFeed(m_feedName, 42);
    QSignalSpy stories(m_window->accountActions(), &AccountActions::storiesChanged);
    QSignalSpy finished(m_sync.get(), &SyncService::syncFinished);
    m_window->refreshActions()->refreshSelectedAction()->trigger();
    QVERIFY(stories.wait(60000));
    QCOMPARE(finished.size(), 1);
    QVERIFY2(finished.first().at(0).value<SyncReport>().ok,
             qPrintable(finished.first().at(0).value<SyncReport>().error.words));
    QVERIFY(storyId(42) > 0);
    QCOMPARE(list->rowCount(), 42);
    // Reloaded in place: the same story chosen, the list where it was (two rows further).
    QCOMPARE(m_window->controller()->currentLocation().storyId, reading);
    QCOMPARE(
        list->data(m_window->storyView()->currentIndex(), StoryListModel::StoryIdRole).toLongLong(),
        reading);
    QCOMPARE(m_window->storyView()->verticalScrollBar()->value(), scroll);
    QCOMPARE(m_window->sidebarView()->currentIndex(),
             m_window->controller()->sidebarModel()->indexFor(
                 {StoryFilter::Kind::Feed, feed.data(SidebarModel::NodeIdRole).toLongLong()}));
}

void tst_AccountActions::aFailedSyncIsToldInWordsOnTheNode()
{
    QVERIFY(setUp(QStringLiteral("winfail"), 2));
    QVERIFY(sync());
    QVERIFY(!accountNode().data(SidebarModel::FailingRole).toBool());
    // The password was changed on the server: the kept one no longer opens it, and the
    // session the service keeps ends with it.
    QVERIFY(m_server->setPassword(m_user, QStringLiteral("a new password")));
    QVERIFY(sync());
    const QModelIndex node = accountNode();
    QVERIFY(node.data(SidebarModel::FailingRole).toBool());
    QVERIFY(!node.data(Qt::DecorationRole).isNull());
    const QString tooltip = node.data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(
                 QStringLiteral("Last sync failed: the server refused the user name or password")),
             qPrintable(tooltip));
    QVERIFY(m_window->statusBar()->currentMessage().contains(
        QStringLiteral("sync failed: the server refused")));
    // Nothing local went: the stories stay.
    QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Account, m_accountId}), 2);
    QCOMPARE(node.siblingAtColumn(SidebarModel::CountColumn).data().toString(),
             QStringLiteral("2"));
}

void tst_AccountActions::fill(AddAccountDialog &dialog, const QString &url, const QString &user,
                              const QString &password)
{
    dialog.findChild<QLineEdit *>(QStringLiteral("address"))->setText(url);
    dialog.findChild<QLineEdit *>(QStringLiteral("user"))->setText(user);
    dialog.findChild<QLineEdit *>(QStringLiteral("password"))->setText(password);
    clickButton(&dialog, QStringLiteral("Add"));
}

QString tst_AccountActions::field(const AddAccountDialog &dialog, const char *name)
{
    return dialog.findChild<QLineEdit *>(QLatin1String(name))->text();
}

void tst_AccountActions::addAccountShowsErrorsInWordsAndKeepsWhatWasTyped_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("words");
    const QString real = m_server ? m_server->baseUrl() : QString();
    QTest::newRow("wrong password")
        << real << QStringLiteral("bulletin") << QStringLiteral("not the password")
        << QStringLiteral("Cannot log in: the server refused the user name or password");
    QTest::newRow("API access disabled")
        << real << QStringLiteral("noapi") << QStringLiteral("bulletin-test")
        << QStringLiteral("Cannot log in: API access is disabled for this user (turn on \"Enable "
                          "API\" in Tiny Tiny "
                          "RSS's preferences)");
    // Nothing listens on port 1 of the loopback address.
    QTest::newRow("unreachable")
        << QStringLiteral("http://127.0.0.1:1/") << QStringLiteral("u") << QStringLiteral("p")
        << QStringLiteral("Cannot log in: the server cannot be reached (Connection refused)");
    QTest::newRow("not an address")
        << QStringLiteral("rss.example.org") << QStringLiteral("u") << QStringLiteral("p")
        << QStringLiteral("the server address must be an absolute http or https address, not "
                          "\"rss.example.org\"");
}

void tst_AccountActions::addAccountShowsErrorsInWordsAndKeepsWhatWasTyped()
{
    QFETCH(QString, url);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, words);
    QVERIFY(setUp(QStringLiteral("winadd"), 1, false));
    AddAccountDialog dialog(*m_cache, m_window.get());
    dialog.show();
    fill(dialog, url, user, password);
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("status"));
    // The login runs off the GUI thread; the answer comes back into the dialog.
    QTRY_VERIFY_WITH_TIMEOUT(
        status->isVisible() && !status->text().startsWith(QStringLiteral("Logging in")), 30000);
    QCOMPARE(status->text(), words);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(field(dialog, "address"), url);
    QCOMPARE(field(dialog, "user"), user);
    QCOMPARE(field(dialog, "password"), password);
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("address"))->isEnabled());
    QVERIFY(AccountStore(m_cache->database().connection()).accounts().isEmpty());
}

void tst_AccountActions::addAccountAsksBeforeKeepingThePasswordInAFile()
{
    QVERIFY(setUp(QStringLiteral("winconsent"), 2, false));
    // File › Add Account… opens the dialog.
    bool opened = false;
    answerNextDialog([&opened](QWidget *dialog) {
        opened = qobject_cast<AddAccountDialog *>(dialog) != nullptr;
        clickButton(dialog, QStringLiteral("Cancel"));
    });
    m_window->accountActions()->addAction()->trigger();
    QVERIFY(opened);

    AddAccountDialog dialog(*m_cache, m_window.get());
    dialog.show();
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("status"));
    // Tests have no keyring: the dialog asks before writing the password to a file. No.
    QString question;
    answerNextDialog([&question](QWidget *box) {
        question = qobject_cast<QMessageBox *>(box)->text();
        clickButton(box, QStringLiteral("No"));
    });
    fill(dialog, m_server->baseUrl(), m_user, TtrssServer::password());
    QTRY_VERIFY_WITH_TIMEOUT(!question.isEmpty(), 30000);
    QVERIFY2(question.startsWith(QStringLiteral("No keyring answered")), qPrintable(question));
    QTRY_VERIFY(status->text().contains(QStringLiteral("only with your consent")));
    QVERIFY(dialog.isVisible());
    QVERIFY(AccountStore(m_cache->database().connection()).accounts().isEmpty());

    // Yes: kept in the file, readable by the user alone; the account is added and syncs.
    answerNextDialog([](QWidget *box) { clickButton(box, QStringLiteral("Yes")); });
    clickButton(&dialog, QStringLiteral("Add"));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 30000);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.accountId());
    m_accountId = *dialog.accountId();
    const QFileInfo file(PasswordStore(m_cachePath).filePath(m_accountId));
    QVERIFY(file.exists());
    QCOMPARE(file.permissions()
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                    | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QSignalSpy all(m_sync.get(), &SyncService::allFinished);
    m_window->accountActions()->accountAdded(m_accountId);
    QVERIFY(accountNode().isValid());
    QVERIFY(all.wait(60000));
    QCOMPARE(accountNode().siblingAtColumn(SidebarModel::CountColumn).data().toString(),
             QStringLiteral("2"));
}

void tst_AccountActions::removingTheAccountKeepsItsBookmarks()
{
    QVERIFY(setUp(QStringLiteral("winremove"), 3));
    QVERIFY(sync());
    m_window->openStory(storyId(2));
    m_window->bookmarkActions()->toggleAction()->trigger();
    QCOMPARE(m_cache->bookmarks().count(), 1);
    m_window->sidebarView()->setCurrentIndex(accountNode());
    QVERIFY(m_window->accountActions()->removeAction()->isEnabled());

    // Asked first; No leaves it.
    answerNextDialog([](QWidget *box) { clickButton(box, QStringLiteral("No")); });
    m_window->accountActions()->removeAction()->trigger();
    QVERIFY(accountNode().isValid());

    QSignalSpy all(m_sync.get(), &SyncService::allFinished);
    answerNextDialog([](QWidget *box) { clickButton(box, QStringLiteral("Yes")); });
    m_window->accountActions()->removeAction()->trigger();
    QVERIFY(!accountNode().isValid());
    QCOMPARE(m_window->controller()->currentFilter(), StoryFilter{});
    QVERIFY(!QFileInfo::exists(PasswordStore(m_cachePath).filePath(m_accountId)));
    // Its stories leave on the sync's thread; the bookmark stays, a local one now.
    QVERIFY(all.wait(60000));
    QTRY_COMPARE(m_cache->articles().count({}), 0);
    QVERIFY(AccountStore(m_cache->database().connection()).accounts().isEmpty());
    QCOMPARE(m_cache->bookmarks().count(), 1);
    QCOMPARE(m_window->controller()
                 ->sidebarModel()
                 ->indexFor({StoryFilter::Kind::Bookmarked})
                 .data(SidebarModel::CountRole)
                 .toInt(),
             1);
}

qint64 tst_AccountActions::chooseTheFeed()
{
    const SidebarModel *model = m_window->controller()->sidebarModel();
    const QModelIndex feed = model->index(0, 0, find(QStringLiteral("Tech"), accountNode()));
    if (!feed.isValid())
        return 0;
    m_window->sidebarView()->setCurrentIndex(feed);
    return feed.data(SidebarModel::NodeIdRole).toLongLong();
}

QHash<QString, int> tst_AccountActions::serverFeeds() const
{
    // A client of its own each time: a session of the other client may have been ended.
    TtrssApiClient phone(m_server->baseUrl(), m_user, TtrssServer::password());
    QHash<QString, int> feeds;
    for (const QJsonValue &value :
         phone.call(QStringLiteral("getFeeds"), {{QStringLiteral("cat_id"), -3}}).toArray()) {
        const QJsonObject feed = value.toObject();
        feeds.insert(feed.value(QStringLiteral("title")).toString(),
                     feed.value(QStringLiteral("cat_id")).toInt());
    }
    return feeds;
}

void tst_AccountActions::answerSubscribe(const QString &url, const QString &folder,
                                         const std::function<void(SubscribeDialog *)> &whileOpen)
{
    answerNextDialog([this, url, folder, whileOpen](QWidget *widget) {
        // Closed however the answer ends, so that a failed check cannot leave it waiting.
        const auto close = qScopeGuard([widget] {
            if (widget->isVisible())
                qobject_cast<QDialog *>(widget)->reject();
        });
        auto *dialog = qobject_cast<SubscribeDialog *>(widget);
        QVERIFY(dialog);
        auto *place = dialog->findChild<QComboBox *>(QStringLiteral("place"));
        QVERIFY(place->isVisible());
        // The local feeds first (the default), then the account.
        QCOMPARE(place->count(), 2);
        QCOMPARE(place->currentIndex(), 0);
        place->setCurrentIndex(place->findText(QStringLiteral("%1 on 127.0.0.1").arg(m_user)));
        QCOMPARE(dialog->chosenAccount(), m_accountId);
        dialog->findChild<QLineEdit *>(QStringLiteral("address"))->setText(url);
        // The account's folders are its categories; none is made here.
        auto *folders = dialog->findChild<QComboBox *>(QStringLiteral("folder"));
        QVERIFY(!folders->isEditable());
        QVERIFY(folders->findText(folder) >= 0);
        folders->setCurrentIndex(folders->findText(folder));
        QVERIFY(!dialog->findChild<QLineEdit *>(QStringLiteral("title"))->isEnabled());
        clickButton(dialog, QStringLiteral("Subscribe"));
        auto *status = dialog->findChild<QLabel *>(QStringLiteral("status"));
        QVERIFY(status->text().startsWith(QStringLiteral("Asking the server of")));
        // The answer comes from the sync's thread; the dialog waits for it.
        QTRY_VERIFY_WITH_TIMEOUT(
            !dialog->isVisible() || !status->text().startsWith(QStringLiteral("Asking")), 60000);
        if (whileOpen)
            whileOpen(dialog);
    });
}

void tst_AccountActions::subscribingToTheAccountGoesThroughItsServer()
{
    QVERIFY(setUp(QStringLiteral("winsub"), 1));
    QVERIFY(sync());
    const QString name = m_user + QStringLiteral("-news");
    const QString url = m_server->writeFeed(name, 3);
    QSignalSpy subscribed(m_window->feedActions(), &FeedActions::subscribed);
    answerSubscribe(url, QStringLiteral("Tech"), {});
    m_window->feedActions()->subscribeAction()->trigger();
    QCOMPARE(subscribed.size(), 1);
    const qint64 feedId = subscribed.first().at(0).toLongLong();

    // The server has it, in the category chosen, for every client of the account.
    const QHash<QString, int> server = serverFeeds();
    QVERIFY2(server.contains(name), qPrintable(QStringList(server.keys()).join(", ")));
    QCOMPARE(server.value(name), server.value(m_feedName));
    // Here it is the account's, under the account's node in that folder, with its stories.
    QCOMPARE(m_cache->feeds().feed(feedId)->accountId, m_accountId);
    const QModelIndex tech = find(QStringLiteral("Tech"), accountNode());
    QCOMPARE(m_window->controller()->sidebarModel()->rowCount(tech), 2);
    const QModelIndex feed = m_window->controller()->sidebarModel()->indexFor(
        {StoryFilter::Kind::Feed, feedId});
    QCOMPARE(feed.parent(), tech);
    QCOMPARE(feed.data(SidebarModel::CountRole).toInt(), 3);
    QCOMPARE(m_window->controller()->currentFilter(),
             (StoryFilter{StoryFilter::Kind::Feed, feedId}));
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), 3);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("subscribed to")));
    // Not a local subscription as well.
    QCOMPARE(m_cache->feeds().feeds().size(), 2);
}

void tst_AccountActions::unsubscribingAnAccountsFeedKeepsItsBookmarks()
{
    QVERIFY(setUp(QStringLiteral("winunsub"), 3));
    QVERIFY(sync());
    m_window->openStory(storyId(2));
    m_window->bookmarkActions()->toggleAction()->trigger();
    QCOMPARE(m_cache->bookmarks().count(), 1);
    const qint64 feedId = chooseTheFeed();
    QVERIFY(feedId > 0);
    QVERIFY(m_window->feedActions()->removeAction()->isEnabled());

    QString question;
    answerNextDialog([&question](QWidget *box) {
        question = qobject_cast<QMessageBox *>(box)->text();
        clickButton(box, QStringLiteral("Yes"));
    });
    QSignalSpy changed(m_window->feedActions(), &FeedActions::feedChanged);
    m_window->feedActions()->removeAction()->trigger();
    QVERIFY2(question.contains(QStringLiteral("on %1 on 127.0.0.1").arg(m_user)),
             qPrintable(question));
    // While the server is asked, the status bar says so and the feed is still here.
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("unsubscribing from")));
    QVERIFY(m_window->controller()
                ->sidebarModel()
                ->indexFor({StoryFilter::Kind::Feed, feedId})
                .isValid());
    QVERIFY(changed.wait(60000));
    QVERIFY2(!changed.first().at(0).value<FeedChange>().error,
             qPrintable(changed.first().at(0).value<FeedChange>().error.words));

    QVERIFY(!serverFeeds().contains(m_feedName));
    QVERIFY(!m_window->controller()
                 ->sidebarModel()
                 ->indexFor({StoryFilter::Kind::Feed, feedId})
                 .isValid());
    QVERIFY(m_window->statusBar()->currentMessage().contains(
        QStringLiteral("unsubscribed from %1; its bookmarks are kept").arg(m_feedName)));
    // Its stories left the cache; the bookmark stayed.
    QCOMPARE(m_cache->articles().count({}), 0);
    QCOMPARE(m_cache->bookmarks().count(), 1);
    QCOMPARE(m_window->controller()
                 ->sidebarModel()
                 ->indexFor({StoryFilter::Kind::Bookmarked})
                 .data(SidebarModel::CountRole)
                 .toInt(),
             1);
    // A sync does not bring it back.
    QVERIFY(sync());
    QCOMPARE(m_cache->feeds().feeds().size(), 0);
}

void tst_AccountActions::movingAnAccountsFeedGoesThroughItsServer()
{
    QVERIFY(setUp(QStringLiteral("winmove"), 2));
    const QString harbour = m_server->addCategory(m_user, QStringLiteral("Harbour"));
    QVERIFY(!harbour.isEmpty());
    // A local folder, not the account's: not offered for the account's feed.
    QVERIFY(m_cache->feeds().folderForPath({QStringLiteral("Local")}) > 0);
    QVERIFY(sync());
    const qint64 feedId = chooseTheFeed();
    QVERIFY(feedId > 0);
    QVERIFY(m_window->feedActions()->moveAction()->isEnabled());

    QStringList offered;
    answerNextDialog([&offered](QWidget *widget) {
        auto *dialog = qobject_cast<QInputDialog *>(widget);
        QVERIFY(dialog);
        offered = dialog->comboBoxItems();
        dialog->setTextValue(QStringLiteral("Harbour"));
        dialog->accept();
    });
    QSignalSpy changed(m_window->feedActions(), &FeedActions::feedChanged);
    m_window->feedActions()->moveAction()->trigger();
    QCOMPARE(offered,
             (QStringList{QStringLiteral("(top level)"), QStringLiteral("Harbour"),
                          QStringLiteral("Tech")}));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("moving")));
    QVERIFY(changed.wait(60000));
    QVERIFY2(!changed.first().at(0).value<FeedChange>().error,
             qPrintable(changed.first().at(0).value<FeedChange>().error.words));

    // The server says so, to another client.
    QCOMPARE(serverFeeds().value(m_feedName), harbour.toInt());
    // The sidebar follows: the feed under Harbour with its stories and counts.
    const QModelIndex node = m_window->controller()->sidebarModel()->indexFor(
        {StoryFilter::Kind::Feed, feedId});
    QCOMPARE(node.parent(), find(QStringLiteral("Harbour"), accountNode()));
    QCOMPARE(node.data(SidebarModel::CountRole).toInt(), 2);
    QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Feed, feedId}), 2);
    QVERIFY(m_window->statusBar()->currentMessage().contains(
        QStringLiteral("moved %1 to Harbour").arg(m_feedName)));
    m_window->sidebarView()->expandAll();
    m_window->sidebarView()->setCurrentIndex(node);
    QVERIFY(saveLightAndDark(m_window.get(), QStringLiteral("account-feed-moved")));

    // Back to the top level.
    QVERIFY(m_window->feedActions()->moveFeed(feedId, {}));
    QVERIFY(changed.wait(60000));
    QCOMPARE(serverFeeds().value(m_feedName), 0);
    QCOMPARE(m_window->controller()
                 ->sidebarModel()
                 ->indexFor({StoryFilter::Kind::Feed, feedId})
                 .parent(),
             accountNode());
}

void tst_AccountActions::aFeedChangeTheServerCannotHearChangesNothingHere()
{
    QVERIFY(setUp(QStringLiteral("windown"), 2));
    const QString harbour = m_server->addCategory(m_user, QStringLiteral("Harbour"));
    QVERIFY(!harbour.isEmpty());
    QVERIFY(sync());
    const qint64 feedId = chooseTheFeed();
    QVERIFY(feedId > 0);
    const qint64 tech = m_cache->feeds().feed(feedId)->folderId;
    const QString url = m_server->writeFeed(m_user + QStringLiteral("-news"), 2);

    QVERIFY(m_server->stopWeb());
    // The web server comes back however the test ends.
    const auto restart = qScopeGuard([this] { m_server->startWeb(); });
    const QString unreachable = QStringLiteral("the server cannot be reached");
    QSignalSpy changed(m_window->feedActions(), &FeedActions::feedChanged);

    QVERIFY(m_window->feedActions()->removeFeed(feedId));
    QVERIFY(changed.wait(60000));
    QCOMPARE(changed.last().at(0).value<FeedChange>().error.kind, RemoteError::Kind::Unreachable);
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(
                 QStringLiteral("Could not unsubscribe from %1: %2").arg(m_feedName, unreachable)),
             qPrintable(m_window->statusBar()->currentMessage()));

    QVERIFY(m_window->feedActions()->moveFeed(feedId, {QStringLiteral("Harbour")}));
    QVERIFY(changed.wait(60000));
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(
                 QStringLiteral("Could not move %1: %2").arg(m_feedName, unreachable)),
             qPrintable(m_window->statusBar()->currentMessage()));

    // The Subscribe dialog tells it, with the address kept to try again.
    QString told;
    QString kept;
    answerSubscribe(url, QStringLiteral("(top level)"), [&](SubscribeDialog *dialog) {
        QVERIFY(dialog->isVisible());
        told = dialog->findChild<QLabel *>(QStringLiteral("status"))->text();
        kept = dialog->findChild<QLineEdit *>(QStringLiteral("address"))->text();
    });
    m_window->feedActions()->subscribeAction()->trigger();
    QVERIFY2(told.contains(unreachable), qPrintable(told));
    QCOMPARE(kept, url);

    // Nothing changed here: the feed in its folder, its stories, no feed added.
    const QList<FeedRecord> feeds = m_cache->feeds().feeds();
    QCOMPARE(feeds.size(), 1);
    QCOMPARE(feeds.first().id, feedId);
    QCOMPARE(feeds.first().folderId, tech);
    QVERIFY(!m_cache->feeds().hasRemovals());
    QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Feed, feedId}), 2);
    const QModelIndex node = m_window->controller()->sidebarModel()->indexFor(
        {StoryFilter::Kind::Feed, feedId});
    QCOMPARE(node.parent(), find(QStringLiteral("Tech"), accountNode()));
    QCOMPARE(node.data(SidebarModel::CountRole).toInt(), 2);
}

void tst_AccountActions::screenshots()
{
    // Set BULLETIN_SCREENSHOT_DIR to look at the account's node, its tooltip's health and
    // the sync's progress in the status bar.
    const QString dir = qEnvironmentVariable("BULLETIN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("BULLETIN_SCREENSHOT_DIR not set");
    QDir().mkpath(dir);
    QVERIFY(setUp(QStringLiteral("winshot"), 6));
    QVERIFY(sync());
    m_window->sidebarView()->expandAll();
    m_window->sidebarView()->setCurrentIndex(accountNode());
    m_window->openStory(storyId(4));
    QVERIFY(PasswordStore(m_cachePath)
                .store(m_accountId, QStringLiteral("an old password"),
                       PasswordStore::FileConsent::Given)
                .ok);
    QVERIFY(sync());
    DarkPaletteScope::settle();
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("account-light.png"))));
    const QPalette original = QApplication::palette();
    QApplication::setPalette(darkPalette());
    DarkPaletteScope::settle();
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("account-dark.png"))));

    // The Add Account dialog with a wrong password, in both palettes.
    AddAccountDialog dialog(*m_cache, m_window.get());
    dialog.show();
    fill(dialog, m_server->baseUrl(), m_user, QStringLiteral("not the password"));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("status"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Cannot log in")), 30000);
    QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("add-account-dark.png"))));
    QApplication::setPalette(original);
    DarkPaletteScope::settle();
    QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("add-account-light.png"))));
    dialog.close();

    // The Subscribe dialog offers where to subscribe: the account chosen, its folders.
    bool grabbed = false;
    answerNextDialog([this, &grabbed](QWidget *widget) {
        auto *place = widget->findChild<QComboBox *>(QStringLiteral("place"));
        place->setCurrentIndex(1);
        widget->findChild<QLineEdit *>(QStringLiteral("address"))
            ->setText(QStringLiteral("https://example.org/feed.xml"));
        grabbed = saveLightAndDark(widget, QStringLiteral("subscribe-account"));
        qobject_cast<QDialog *>(widget)->reject();
    });
    m_window->feedActions()->subscribeAction()->trigger();
    QVERIFY(grabbed);
}

QTEST_MAIN(tst_AccountActions)
#include "tst_accountactions.moc"
