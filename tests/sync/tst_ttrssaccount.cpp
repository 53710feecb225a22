#include "support/testdata.h"
#include "support/testhttpserver.h"
#include "support/ttrssserver.h"
#include "sync/ttrssaccount.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTest>

using namespace bulletin;
using namespace bulletin::test;

Q_DECLARE_METATYPE(RemoteError::Kind)

// What a user is told when an account cannot sync, for each way it fails: against the real
// server where it can say so itself, against a loopback server playing a broken or old one
// where it cannot.
class tst_TtrssAccount final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void errorsInWords_data();
    void errorsInWords();
    void anExpiredSessionLogsInAgainOnItsOwn();
    void aChangeIsSentInOneCallForManyStories();
    void aServerErrorIsMetOnceMore();
    void aPageReadAheadIsAskedOnceAndAgainAfterAnError();

private:
    std::optional<TtrssServer> m_server;
    QString m_skip;
    TestHttpServer m_fake;
    // A TLS server whose certificate nobody trusts (self-signed, tests/sync/data).
    QSslServer m_tls;
};

void tst_TtrssAccount::initTestCase()
{
    m_server = TtrssServer::open(&m_skip);
    QVERIFY(m_fake.listen());
    // A server older than the client needs: it logs in, with API level 3.
    m_fake.route(
        QStringLiteral("/old/api/"),
        TestResponse::ok(R"({"seq":0,"status":0,"content":{"session_id":"s","api_level":3}})",
                         "text/json"));
    m_fake.route(QStringLiteral("/blog/api/"),
                 TestResponse::withStatus(404, "<html>Not found</html>"));
    m_fake.route(QStringLiteral("/page/api/"),
                 TestResponse::ok("<html><body>A blog</body></html>", "text/html"));

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(test::readTestData(QStringLiteral("selfsigned.crt"))));
    tls.setPrivateKey(QSslKey(test::readTestData(QStringLiteral("selfsigned.key")), QSsl::Rsa));
    m_tls.setSslConfiguration(tls);
    QVERIFY(m_tls.listen(QHostAddress::LocalHost));
}

void tst_TtrssAccount::errorsInWords_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("needsServer");
    QTest::addColumn<RemoteError::Kind>("kind");
    QTest::addColumn<QString>("words");

    const QString real = m_server ? m_server->baseUrl() : QString();
    const QString fake = m_fake.url().toString();
    QTest::newRow("wrong password")
        << real << QStringLiteral("bulletin") << QStringLiteral("not the password") << true
        << RemoteError::Kind::WrongPassword
        << QStringLiteral("the server refused the user name or password");
    QTest::newRow("unknown user") << real << QStringLiteral("nobody-here") << QStringLiteral("x")
                                  << true << RemoteError::Kind::WrongPassword
                                  << QStringLiteral("the server refused the user name or password");
    QTest::newRow("API access disabled")
        << real << QStringLiteral("noapi") << QStringLiteral("bulletin-test") << true
        << RemoteError::Kind::ApiDisabled
        << QStringLiteral("API access is disabled for this user (turn on \"Enable API\" in Tiny "
                          "Tiny RSS's preferences)");
    QTest::newRow("server too old")
        << fake + QStringLiteral("old/") << QStringLiteral("u") << QStringLiteral("p") << false
        << RemoteError::Kind::TooOld
        << QStringLiteral("the server is too old: Tiny Tiny RSS API level 3, Bulletin "
                          "needs 8 or later");
    QTest::newRow("not tt-rss, 404")
        << fake + QStringLiteral("blog") << QStringLiteral("u") << QStringLiteral("p") << false
        << RemoteError::Kind::Protocol
        << QStringLiteral("%1blog/api/ answered HTTP 404, not Tiny Tiny RSS's API (is the "
                          "address right?)")
               .arg(fake);
    QTest::newRow("not tt-rss, a web page")
        << fake + QStringLiteral("page/") << QStringLiteral("u") << QStringLiteral("p") << false
        << RemoteError::Kind::Protocol
        << QStringLiteral("%1page/api/ does not answer as Tiny Tiny RSS's API (is "
                          "the address right?)")
               .arg(fake);
    // Nothing listens on port 1 of the loopback address.
    QTest::newRow("unreachable") << QStringLiteral("http://127.0.0.1:1/") << QStringLiteral("u")
                                 << QStringLiteral("p") << false << RemoteError::Kind::Unreachable
                                 << QStringLiteral(
                                        "the server cannot be reached (Connection refused)");
    QTest::newRow("TLS error")
        << QStringLiteral("https://127.0.0.1:%1/").arg(m_tls.serverPort()) << QStringLiteral("u")
        << QStringLiteral("p") << false << RemoteError::Kind::Tls
        << QStringLiteral("TLS error: the server's certificate is not trusted (The certificate "
                          "is self-signed, and untrusted)");
    // A server that accepts the connection and then says nothing.
    m_fake.route(QStringLiteral("/silent/api/"), [](const RecordedRequest &) {
        TestResponse response;
        response.neverRespond = true;
        return response;
    });
    QTest::newRow("no answer") << fake + QStringLiteral("silent/") << QStringLiteral("u")
                               << QStringLiteral("p") << false << RemoteError::Kind::Unreachable
                               << QStringLiteral("the server did not answer within 2 seconds");
}

void tst_TtrssAccount::errorsInWords()
{
    QFETCH(QString, base);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(bool, needsServer);
    QFETCH(RemoteError::Kind, kind);
    QFETCH(QString, words);
    if (needsServer && !m_server)
        QSKIP(qPrintable(m_skip));
    TtrssAccount account(QUrl(base), user, password, 2000);
    QList<RemoteFeed> feeds;
    const RemoteError failure = account.feeds(&feeds);
    QVERIFY2(failure.kind == kind, qPrintable(failure.words));
    QCOMPARE(failure.words, words);
    QVERIFY(feeds.isEmpty());
}

void tst_TtrssAccount::anExpiredSessionLogsInAgainOnItsOwn()
{
    if (!m_server)
        QSKIP(qPrintable(m_skip));
    const QString user = m_server->addUser(QStringLiteral("session"));
    QVERIFY(!user.isEmpty());
    TtrssAccount account(QUrl(m_server->baseUrl()), user, TtrssServer::password());
    QVERIFY(!account.login());
    const QString first = account.sessionId();
    QVERIFY(!first.isEmpty());
    QVERIFY(m_server->expireSessions());
    // The old session is refused now...
    TtrssApiClient probe(m_server->baseUrl(), user, TtrssServer::password());
    QList<RemoteCategory> categories;
    // ...and the account notices, logs in again and answers as if nothing happened.
    const RemoteError failure = account.categories(&categories);
    QVERIFY2(!failure, qPrintable(failure.words));
    QVERIFY(account.sessionId() != first);
}

void tst_TtrssAccount::aChangeIsSentInOneCallForManyStories()
{
    if (!m_server)
        QSKIP(qPrintable(m_skip));
    const QString user = m_server->addUser(QStringLiteral("batch"));
    TtrssApiClient other(m_server->baseUrl(), user, TtrssServer::password());
    const QString url = m_server->writeFeed(user + QStringLiteral("-batch"), 5);
    const QJsonObject subscribed
        = other.call(QStringLiteral("subscribeToFeed"), {{QStringLiteral("feed_url"), url}})
              .toObject();
    const int feedId = subscribed.value(QStringLiteral("status"))
                           .toObject()
                           .value(QStringLiteral("feed_id"))
                           .toInt();
    QVERIFY2(feedId > 0, qPrintable(other.lastError()));
    other.call(QStringLiteral("updateFeed"), {{QStringLiteral("feed_id"), feedId}});
    QStringList ids;
    for (const QJsonValue &headline : other.headlines())
        ids << QString::number(headline.toObject().value(QStringLiteral("id")).toInt());
    QCOMPARE(ids.size(), 5);

    TtrssAccount account(QUrl(m_server->baseUrl()), user, TtrssServer::password());
    RemoteChange change;
    change.field = RemoteChange::Field::Read;
    change.value = true;
    change.ids = ids;
    QVERIFY(!account.send(change));
    QCOMPARE(other.headlines(-4, QStringLiteral("unread")).size(), 0);
}

// A server's own error (HTTP 5xx) is often passing: the call that met it goes once more, and
// only a second one is the answer. A loopback server plays a tt-rss whose first answer to
// each operation is an error page.
void tst_TtrssAccount::aServerErrorIsMetOnceMore()
{
    struct Counts
    {
        std::atomic<int> login{0};
        std::atomic<int> getFeeds{0};
    };
    const auto counts = std::make_shared<Counts>();
    const auto handler = [counts](bool failAlways) {
        return [counts, failAlways](const RecordedRequest &request) {
            const QString op = QJsonDocument::fromJson(request.body)
                                   .object()
                                   .value(QStringLiteral("op"))
                                   .toString();
            std::atomic<int> &seen = op == QLatin1String("login") ? counts->login
                                                                  : counts->getFeeds;
            if (seen++ == 0 || (failAlways && op != QLatin1String("login")))
                return TestResponse::withStatus(500, "<html>Internal Server Error</html>");
            if (op == QLatin1String("login"))
                return TestResponse::ok(
                    R"({"seq":0,"status":0,"content":{"session_id":"s","api_level":18}})",
                    "text/json");
            return TestResponse::ok(
                R"({"seq":0,"status":0,"content":[{"id":7,"title":"Harbour News","feed_url":"https://harbour.example/feed","cat_id":0,"unread":2}]})",
                "text/json");
        };
    };
    m_fake.route(QStringLiteral("/busy/api/"), handler(false));
    TtrssAccount busy(m_fake.url(QStringLiteral("/busy/")), QStringLiteral("u"),
                      QStringLiteral("p"), 2000);
    QList<RemoteFeed> feeds;
    const RemoteError failure = busy.feeds(&feeds);
    QVERIFY2(!failure, qPrintable(failure.words));
    QCOMPARE(feeds.size(), 1);
    QCOMPARE(feeds.first().title, QStringLiteral("Harbour News"));
    QCOMPARE(counts->login.load(), 2);
    QCOMPARE(counts->getFeeds.load(), 2);

    counts->login = 1; // logs in at once from here on
    counts->getFeeds = 0;
    m_fake.route(QStringLiteral("/broken/api/"), handler(true));
    TtrssAccount broken(m_fake.url(QStringLiteral("/broken/")), QStringLiteral("u"),
                        QStringLiteral("p"), 2000);
    feeds.clear();
    const RemoteError second = broken.feeds(&feeds);
    QCOMPARE(second.kind, RemoteError::Kind::Protocol);
    QCOMPARE(second.words,
             QStringLiteral(
                 "%1broken/api/ answered HTTP 500, not Tiny Tiny RSS's API (is the address right?)")
                 .arg(m_fake.url().toString()));
    QCOMPARE(counts->getFeeds.load(), 2);
    QVERIFY(feeds.isEmpty());
}

void tst_TtrssAccount::aPageReadAheadIsAskedOnceAndAgainAfterAnError()
{
    // A server whose pages say which page they are; it answers HTTP 500 to the first
    // getHeadlines when told to.
    struct State
    {
        std::atomic<int> headlines{0};
        std::atomic<bool> failFirst{false};
    };
    const auto state = std::make_shared<State>();
    m_fake.route(QStringLiteral("/pages/api/"), [state](const RecordedRequest &request) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (body.value(QStringLiteral("op")).toString() == QLatin1String("login"))
            return TestResponse::ok(
                R"({"seq":0,"status":0,"content":{"session_id":"s","api_level":18}})", "text/json");
        if (state->headlines++ == 0 && state->failFirst)
            return TestResponse::withStatus(500, "<html>Internal Server Error</html>");
        const int skip = body.value(QStringLiteral("skip")).toInt();
        const QJsonArray page{
            QJsonObject{{QStringLiteral("id"), 1000 - skip},
                        {QStringLiteral("feed_id"), 7},
                        {QStringLiteral("title"), QStringLiteral("Page from %1").arg(skip)},
                        {QStringLiteral("unread"), true}}};
        return TestResponse::ok(QJsonDocument(QJsonObject{{QStringLiteral("seq"), 0},
                                                          {QStringLiteral("status"), 0},
                                                          {QStringLiteral("content"), page}})
                                    .toJson(QJsonDocument::Compact),
                                "text/json");
    });
    TtrssAccount account(m_fake.url(QStringLiteral("/pages/")), QStringLiteral("u"),
                         QStringLiteral("p"), 2000);
    QVERIFY(!account.login());
    HeadlineQuery second;
    second.skip = 200;

    // Asked ahead: the request goes out at once, and the page is then taken from it
    // without a second request.
    account.readAhead(second);
    QTRY_COMPARE(state->headlines.load(), 1);
    QList<RemoteHeadline> page;
    RemoteError failure = account.headlines(second, &page);
    QVERIFY2(!failure, qPrintable(failure.words));
    QCOMPARE(page.size(), 1);
    QCOMPARE(page.first().title, QStringLiteral("Page from 200"));
    QCOMPARE(state->headlines.load(), 1);

    // Another page asked than the one read ahead: that page, not the other.
    HeadlineQuery third = second;
    third.skip = 400;
    account.readAhead(second);
    page.clear();
    failure = account.headlines(third, &page);
    QVERIFY2(!failure, qPrintable(failure.words));
    QCOMPARE(page.size(), 1);
    QCOMPARE(page.first().title, QStringLiteral("Page from 400"));

    // The page read ahead met a server error: it is asked again, and arrives.
    state->headlines = 0;
    state->failFirst = true;
    account.readAhead(second);
    QTRY_COMPARE(state->headlines.load(), 1);
    page.clear();
    failure = account.headlines(second, &page);
    QVERIFY2(!failure, qPrintable(failure.words));
    QCOMPARE(page.size(), 1);
    QCOMPARE(page.first().title, QStringLiteral("Page from 200"));
    QCOMPARE(state->headlines.load(), 2);
}

QTEST_GUILESS_MAIN(tst_TtrssAccount)
#include "tst_ttrssaccount.moc"
