#include "storage/accountstore.h"
#include "storage/cache.h"
#include "support/ttrssserver.h"
#include "sync/passwordstore.h"
#include "sync/syncservice.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace bulletin;
using namespace bulletin::test;

// SyncService as the window uses it, against the real server: a sync off the GUI thread that
// answers with signals, a change made in the window sent within seconds and before the
// window closes, a failure told in words that deletes nothing, and an account's feeds
// subscribed and unsubscribed through its server.
class tst_SyncService final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void aSyncRunsOffTheGuiThreadAndSaysWhatItDid();
    void syncsKeepTheirSessionAndLogInAgainWhenItEnds();
    void aChangeMadeHereIsSentWithinSeconds();
    void sendNowSendsWhatWaitsBeforeTheWindowCloses();
    void aFailureIsToldInWordsAndDeletesNothing();
    void anIntervalSyncsUntilItIsTurnedOff();
    void jobsAskedDuringASyncMergeIntoOne();
    void feedChangesAreJobsOfTheirOwnAnsweredInOrder();

private:
    // A user of its own whose feed of `items` stories the server has fetched, and the account
    // for it in a fresh cache with its password kept (in the file: tests have no keyring).
    bool setUp(const QString &prefix, int items);
    bool syncAll(SyncService &service, QList<SyncReport> *reports);
    qint64 storyId(int n) const;
    bool remoteUnread(int n);

    std::optional<TtrssServer> m_server;
    QString m_skip;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_cachePath;
    std::unique_ptr<Cache> m_cache; // the window's connection
    QString m_user;
    qint64 m_accountId = 0;
    std::unique_ptr<TtrssApiClient> m_other;
};

void tst_SyncService::initTestCase()
{
    m_server = TtrssServer::open(&m_skip);
}

void tst_SyncService::init()
{
    if (!m_server)
        QSKIP(qPrintable(m_skip));
    m_cache.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_cachePath = m_dir->filePath(QStringLiteral("cache.sqlite"));
}

bool tst_SyncService::setUp(const QString &prefix, int items)
{
    m_user = m_server->addUser(prefix);
    QString error;
    m_cache = Cache::open(m_cachePath, &error);
    if (m_user.isEmpty() || !m_cache)
        return false;
    m_other = std::make_unique<TtrssApiClient>(m_server->baseUrl(), m_user,
                                               TtrssServer::password());
    if (m_other->subscribeAndFetch(m_server->writeFeed(m_user, items)) <= 0)
        return false;
    m_accountId = AccountStore(m_cache->database().connection())
                      .add(QStringLiteral("ttrss"), m_server->baseUrl(), m_user, &error)
                      .value_or(0);
    return m_accountId > 0
        && PasswordStore(m_cachePath)
               .store(m_accountId, TtrssServer::password(), PasswordStore::FileConsent::Given)
               .ok;
}

bool tst_SyncService::syncAll(SyncService &service, QList<SyncReport> *reports)
{
    QSignalSpy finished(&service, &SyncService::syncFinished);
    QSignalSpy all(&service, &SyncService::allFinished);
    service.syncAll();
    if (!all.wait(60000))
        return false;
    for (const QList<QVariant> &arguments : std::as_const(finished))
        *reports << arguments.at(0).value<SyncReport>();
    return true;
}

qint64 tst_SyncService::storyId(int n) const
{
    QSqlQuery q(m_cache->database().connection());
    q.prepare(QStringLiteral("SELECT id FROM articles WHERE title = ?"));
    q.addBindValue(QStringLiteral("%1 story %2").arg(m_user).arg(n));
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

bool tst_SyncService::remoteUnread(int n)
{
    const QString id = m_other->idOfTitle(QStringLiteral("%1 story %2").arg(m_user).arg(n));
    return m_other->article(id).value(QStringLiteral("unread")).toBool();
}

void tst_SyncService::aSyncRunsOffTheGuiThreadAndSaysWhatItDid()
{
    QVERIFY(setUp(QStringLiteral("service"), 3));
    SyncService service(m_cachePath);
    QSignalSpy started(&service, &SyncService::syncStarted);
    QSignalSpy pending(&service, &SyncService::pendingChanged);
    QList<SyncReport> reports;
    QVERIFY(syncAll(service, &reports));
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().at(0).toLongLong(), m_accountId);
    QCOMPARE(reports.size(), 1);
    QVERIFY2(reports.first().ok, qPrintable(reports.first().error.words));
    QCOMPARE(reports.first().accountId, m_accountId);
    QCOMPARE(reports.first().pulled, 3);
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().at(1).toInt(), 0);
    QVERIFY(!service.isSyncing());
    // Written by the sync's own connection; the window's sees it.
    QCOMPARE(m_cache->articles().count({}), 3);
    QVERIFY(storyId(3) > 0);
}

// A sync logs in once and keeps its session for the next ones, in the window's whole run;
// a session the server ended is opened again on its own.
void tst_SyncService::syncsKeepTheirSessionAndLogInAgainWhenItEnds()
{
    QVERIFY(setUp(QStringLiteral("session"), 2));
    SyncService service(m_cachePath);
    QList<SyncReport> reports;
    QVERIFY(syncAll(service, &reports));
    const int sessions = m_server->sessionCount();
    QVERIFY(sessions > 0);
    QVERIFY(syncAll(service, &reports));
    QVERIFY(syncAll(service, &reports));
    QCOMPARE(m_server->sessionCount(), sessions);

    QVERIFY(m_server->expireSessions());
    m_other = std::make_unique<TtrssApiClient>(m_server->baseUrl(), m_user,
                                               TtrssServer::password());
    QVERIFY(m_other->subscribeAndFetch(m_server->writeFeed(m_user + QStringLiteral("-more"), 1))
            > 0);
    reports.clear();
    QVERIFY(syncAll(service, &reports));
    QCOMPARE(reports.size(), 1);
    QVERIFY2(reports.first().ok, qPrintable(reports.first().error.words));
    QCOMPARE(reports.first().pulled, 1);
    QCOMPARE(m_cache->articles().count({}), 3);
}

void tst_SyncService::aChangeMadeHereIsSentWithinSeconds()
{
    QVERIFY(setUp(QStringLiteral("changes"), 3));
    SyncService service(m_cachePath);
    QList<SyncReport> reports;
    QVERIFY(syncAll(service, &reports));
    QVERIFY(remoteUnread(1) && remoteUnread(2));

    // j, j: two marks in the window, one batch to the server.
    QSignalSpy started(&service, &SyncService::syncStarted);
    QSignalSpy sent(&service, &SyncService::sendFinished);
    QSignalSpy pending(&service, &SyncService::pendingChanged);
    QVERIFY(m_cache->articles().setRead({storyId(1)}, true));
    service.changesMade();
    QVERIFY(m_cache->articles().setRead({storyId(2)}, true));
    service.changesMade();
    QVERIFY(sent.wait(SyncService::kChangeDelayMs + 30000));
    QCOMPARE(started.size(), 1);
    QVERIFY(!remoteUnread(1));
    QVERIFY(!remoteUnread(2));
    QVERIFY(remoteUnread(3));
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().at(1).toInt(), 0);
    QCOMPARE(AccountStore(m_cache->database().connection()).pendingCount(m_accountId), 0);
}

void tst_SyncService::sendNowSendsWhatWaitsBeforeTheWindowCloses()
{
    QVERIFY(setUp(QStringLiteral("close"), 2));
    {
        SyncService service(m_cachePath);
        QList<SyncReport> reports;
        QVERIFY(syncAll(service, &reports));
        QVERIFY(m_cache->articles().setRead({storyId(2)}, true));
        service.changesMade();
        // The window closes now, long before the delay is over.
        QSignalSpy sent(&service, &SyncService::sendFinished);
        service.sendNow();
        QVERIFY(sent.wait(30000));
    }
    QVERIFY(!remoteUnread(2));
    QVERIFY(remoteUnread(1));
}

void tst_SyncService::aFailureIsToldInWordsAndDeletesNothing()
{
    QVERIFY(setUp(QStringLiteral("failure"), 2));
    SyncService service(m_cachePath);
    QList<SyncReport> reports;
    QVERIFY(syncAll(service, &reports));
    QVERIFY(m_cache->articles().setRead({storyId(1)}, true));

    // The password was changed on the server: the kept one no longer opens it, and the
    // session the service keeps ends with it.
    QVERIFY(m_server->setPassword(m_user, QStringLiteral("a new password")));
    m_other = std::make_unique<TtrssApiClient>(m_server->baseUrl(), m_user,
                                               QStringLiteral("a new password"));
    reports.clear();
    QVERIFY(syncAll(service, &reports));
    QCOMPARE(reports.size(), 1);
    QVERIFY(!reports.first().ok);
    QCOMPARE(int(reports.first().error.kind), int(RemoteError::Kind::WrongPassword));
    QCOMPARE(reports.first().error.words,
             QStringLiteral("the server refused the user name or password"));
    const auto account = AccountStore(m_cache->database().connection()).account(m_accountId);
    QVERIFY(account);
    QCOMPARE(account->lastError, reports.first().error.words);
    QCOMPARE(account->pending, 1);
    QCOMPARE(m_cache->articles().count({}), 2);
    QVERIFY(m_cache->articles().summary(storyId(1))->read);
    QVERIFY(remoteUnread(1));
}

void tst_SyncService::anIntervalSyncsUntilItIsTurnedOff()
{
    QVERIFY(setUp(QStringLiteral("interval"), 2));
    SyncService service(m_cachePath);
    QSignalSpy started(&service, &SyncService::syncStarted);
    QSignalSpy all(&service, &SyncService::allFinished);
    service.setIntervalMinutes(15);
    QCOMPARE(service.interval().count(), qint64(15 * 60 * 1000));
    QVERIFY(service.isIntervalActive());

    // Nothing but the interval asks for this sync.
    service.setInterval(std::chrono::seconds(1));
    QVERIFY(all.wait(60000));
    QVERIFY(!started.isEmpty());
    QCOMPARE(started.first().at(0).toLongLong(), m_accountId);
    QCOMPARE(m_cache->articles().count({}), 2);

    // Off: once the sync under way (and one the interval asked meanwhile) is over, several
    // intervals pass without another.
    service.setIntervalMinutes(0);
    QVERIFY(!service.isIntervalActive());
    QTRY_VERIFY_WITH_TIMEOUT(!service.isSyncing(), 60000);
    started.clear();
    QVERIFY(!started.wait(3500));
    QVERIFY(!service.isSyncing());
}

void tst_SyncService::jobsAskedDuringASyncMergeIntoOne()
{
    QVERIFY(setUp(QStringLiteral("merge"), 2));
    SyncService service(m_cachePath);
    QList<SyncReport> reports;
    QVERIFY(syncAll(service, &reports));
    QVERIFY(m_cache->articles().setRead({storyId(1)}, true));

    QSignalSpy started(&service, &SyncService::syncStarted);
    QSignalSpy all(&service, &SyncService::allFinished);
    QSignalSpy sent(&service, &SyncService::sendFinished);
    service.syncAll();
    QVERIFY(service.isSyncing());
    // Asked while it runs: a send, a purge, a sync and a Refresh of the account's server
    // become one update-and-sync after it, never two jobs at once.
    service.sendNow();
    service.purgeRemoved();
    service.syncAccount(m_accountId);
    service.updateAndSync(m_accountId);
    QVERIFY(all.wait(60000));
    QTRY_VERIFY_WITH_TIMEOUT(all.size() == 2 && !service.isSyncing(), 60000);
    QCOMPARE(sent.size(), 0);
    QCOMPARE(started.size(), 2);
    QVERIFY(!remoteUnread(1));
    QCOMPARE(AccountStore(m_cache->database().connection()).pendingCount(m_accountId), 0);
}

void tst_SyncService::feedChangesAreJobsOfTheirOwnAnsweredInOrder()
{
    QVERIFY(setUp(QStringLiteral("svcfeeds"), 2));
    SyncService service(m_cachePath);
    QList<SyncReport> reports;
    QVERIFY(syncAll(service, &reports));
    const QString url = m_server->writeFeed(m_user + QStringLiteral("-more"), 3);

    // Asked from the GUI thread, answered later by a signal; a sync asked meanwhile waits.
    QSignalSpy changed(&service, &SyncService::feedChanged);
    QSignalSpy all(&service, &SyncService::allFinished);
    service.subscribe(m_accountId, url);
    service.syncAll();
    QCOMPARE(changed.size(), 0);
    QVERIFY(all.wait(60000));
    QCOMPARE(changed.size(), 1);
    const FeedChange subscribed = changed.first().at(0).value<FeedChange>();
    QVERIFY2(!subscribed.error, qPrintable(subscribed.error.words));
    QCOMPARE(subscribed.kind, FeedChange::Kind::Subscribe);
    QCOMPARE(subscribed.accountId, m_accountId);
    QCOMPARE(subscribed.url, url);
    QVERIFY(subscribed.feedId > 0);
    QCOMPARE(m_cache->feeds().feed(subscribed.feedId)->accountId, m_accountId);
    QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Feed, subscribed.feedId}), 3);

    // Two asked at once run one after the other: the second finds the feed gone.
    changed.clear();
    service.unsubscribe(subscribed.feedId);
    service.unsubscribe(subscribed.feedId);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 60000);
    const FeedChange first = changed.at(0).at(0).value<FeedChange>();
    const FeedChange second = changed.at(1).at(0).value<FeedChange>();
    QVERIFY2(!first.error, qPrintable(first.error.words));
    QCOMPARE(first.accountId, m_accountId);
    QVERIFY(second.error);
    QVERIFY(second.error.words.contains(QStringLiteral("not a feed of")));
    // Its stories left the cache with it; the other feed's stay.
    QVERIFY(!m_cache->feeds().feed(subscribed.feedId));
    QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Feed, subscribed.feedId}), 0);
    QCOMPARE(m_cache->articles().count({}), 2);
    QCOMPARE(m_other->call(QStringLiteral("getFeeds"), {{QStringLiteral("cat_id"), -3}})
                 .toArray()
                 .size(),
             1);
}

QTEST_GUILESS_MAIN(tst_SyncService)
#include "tst_syncservice.moc"
