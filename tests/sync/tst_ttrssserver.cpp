#include "support/ttrssserver.h"

#include <QTest>

using namespace bulletin::test;

// The project's own Tiny Tiny RSS server (tools/ttrss), as the sync tests rely on it: users
// with and without API access, feeds served on 127.0.0.1 that tt-rss's own updater fetches
// (the loopback_fetch plugin), and an administrator ending every session.
class tst_TtrssServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aNewUserLogsInThroughTheApi();
    void aUserWithoutApiAccessIsRefused();
    void aFeedServedHereIsFetchedByTheServer();
    void endingTheSessionsLogsEveryClientOut();

private:
    std::optional<TtrssServer> m_server;
    QString m_skip;
};

void tst_TtrssServer::initTestCase()
{
    m_server = TtrssServer::open(&m_skip);
}

void tst_TtrssServer::aNewUserLogsInThroughTheApi()
{
    if (!m_server)
        QSKIP(qPrintable(m_skip));
    const QString user = m_server->addUser(QStringLiteral("smoke"));
    QVERIFY(!user.isEmpty());
    TtrssApiClient client(m_server->baseUrl(), user, TtrssServer::password());
    const QJsonValue level = client.call(QStringLiteral("getApiLevel"));
    QVERIFY2(level.isObject(), qPrintable(client.lastError()));
    // Debian 12's tt-rss speaks API level 15.
    QVERIFY(level.toObject().value(QStringLiteral("level")).toInt() >= 15);
}

void tst_TtrssServer::aUserWithoutApiAccessIsRefused()
{
    if (!m_server)
        QSKIP(qPrintable(m_skip));
    // start.sh's "noapi" user has the password of its TTRSS_PASSWORD (bulletin-test by default).
    TtrssApiClient client(m_server->baseUrl(), QStringLiteral("noapi"),
                          QStringLiteral("bulletin-test"));
    QVERIFY(client.call(QStringLiteral("getApiLevel")).isNull());
    QVERIFY2(client.lastError().contains(QLatin1String("API_DISABLED")),
             qPrintable(client.lastError()));
}

void tst_TtrssServer::aFeedServedHereIsFetchedByTheServer()
{
    if (!m_server)
        QSKIP(qPrintable(m_skip));
    const QString user = m_server->addUser(QStringLiteral("fetch"));
    TtrssApiClient client(m_server->baseUrl(), user, TtrssServer::password());
    const QString url = m_server->writeFeed(QStringLiteral("smoke-%1").arg(user), 3);
    QVERIFY(!url.isEmpty());
    const QJsonValue subscribed = client.call(QStringLiteral("subscribeToFeed"),
                                              {{QStringLiteral("feed_url"), url}});
    QVERIFY2(subscribed.isObject(), qPrintable(client.lastError()));
    // 1: subscribed (0 would be "already", 2 "invalid URL", 5 "could not download").
    QCOMPARE(subscribed.toObject()
                 .value(QStringLiteral("status"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toInt(),
             1);
    QVERIFY(m_server->updateFeeds());
    QStringList titles;
    for (const QJsonValue &headline : client.headlines())
        titles << headline.toObject().value(QStringLiteral("title")).toString();
    titles.sort();
    QCOMPARE(titles,
             (QStringList{QStringLiteral("smoke-%1 story 1").arg(user),
                          QStringLiteral("smoke-%1 story 2").arg(user),
                          QStringLiteral("smoke-%1 story 3").arg(user)}));
}

void tst_TtrssServer::endingTheSessionsLogsEveryClientOut()
{
    if (!m_server)
        QSKIP(qPrintable(m_skip));
    const QString user = m_server->addUser(QStringLiteral("expire"));
    TtrssApiClient client(m_server->baseUrl(), user, TtrssServer::password());
    QVERIFY2(client.call(QStringLiteral("getApiLevel")).isObject(), qPrintable(client.lastError()));
    QVERIFY(m_server->expireSessions());
    // The client keeps its session id, which the server no longer knows.
    QVERIFY(client.call(QStringLiteral("getApiLevel")).isNull());
    QVERIFY2(client.lastError().contains(QLatin1String("NOT_LOGGED_IN")),
             qPrintable(client.lastError()));
}

QTEST_GUILESS_MAIN(tst_TtrssServer)
#include "tst_ttrssserver.moc"
