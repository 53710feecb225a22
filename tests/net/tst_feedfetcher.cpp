#include "net/feedfetcher.h"

#include "support/testhttpserver.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace bulletin;
using namespace bulletin::test;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(bulletin::FetchError)
Q_DECLARE_METATYPE(bulletin::test::TestResponse)
Q_DECLARE_METATYPE(bulletin::test::TestResponse::Encoding)

namespace {

const QByteArray kFeed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                         "<item><title>One</title></item></channel></rss>";

} // namespace

class tst_FeedFetcher final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void fetchesFeedWithMetadata();
    void contentLocationIsWhereTheDocumentIs_data();
    void contentLocationIsWhereTheDocumentIs();
    void reportsHttpErrors_data();
    void reportsHttpErrors();
    void roundTripsValidators_data();
    void roundTripsValidators();
    void decodesCompressedBodies_data();
    void decodesCompressedBodies();
    void followsRedirects_data();
    void followsRedirects();
    void stopsRedirectLoops_data();
    void stopsRedirectLoops();
    void capsRedirectCount_data();
    void capsRedirectCount();
    void refusesRedirectToOtherSchemes();
    void timesOutSlowServers_data();
    void timesOutSlowServers();
    void capsBodySize_data();
    void capsBodySize();
    void reportsTruncatedBodies_data();
    void reportsTruncatedBodies();
    void reportsRetryAfter_data();
    void reportsRetryAfter();
    void explainsDnsFailure();
    void explainsRefusedConnection();
    void refusesNonHttpUrls_data();
    void refusesNonHttpUrls();
    void neitherSendsNorStoresCookies();
    void cancelsRunningFetch();
    void destructionAbortsQuietly();

private:
    FetchResult fetch(const FetchRequest &request);
    FetchResult fetch(const QString &path)
    {
        return fetch(FetchRequest{m_server->url(path), {}, {}, 7});
    }

    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FeedFetcher> m_fetcher;
};

void tst_FeedFetcher::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_fetcher = std::make_unique<FeedFetcher>(m_network.get());
    // Generous enough for a loaded CI machine, short enough that a hang fails quickly.
    m_fetcher->setTimeout(5s);
}

void tst_FeedFetcher::cleanup()
{
    m_fetcher.reset();
    m_network.reset();
    m_server.reset();
}

FetchResult tst_FeedFetcher::fetch(const FetchRequest &request)
{
    QSignalSpy finished(m_fetcher.get(), &FeedFetcher::fetchFinished);
    m_fetcher->fetch(request);
    if (finished.isEmpty() && !finished.wait(20000)) {
        return FetchResult::failure(request, FetchError::Other,
                                    QStringLiteral("test: fetchFinished was never emitted"));
    }
    if (finished.size() != 1) {
        return FetchResult::failure(
            request, FetchError::Other,
            QStringLiteral("test: fetchFinished emitted %1 times").arg(finished.size()));
    }
    return finished.first().first().value<FetchResult>();
}

void tst_FeedFetcher::contentLocationIsWhereTheDocumentIs_data()
{
    QTest::addColumn<QByteArray>("contentLocation"); // empty: no header
    QTest::addColumn<QString>("documentUrl"); // a path on the test server, or absolute
    QTest::newRow("none: the address it came from") << QByteArray() << "/cl/feed.xml";
    QTest::newRow("relative to the request")
        << QByteArray("../feeds/feed.xml") << "/feeds/feed.xml";
    QTest::newRow("root-relative") << QByteArray("/feeds/v2/feed.xml") << "/feeds/v2/feed.xml";
    QTest::newRow("absolute") << QByteArray("https://cdn.example/news/feed.xml")
                              << "https://cdn.example/news/feed.xml";
    QTest::newRow("not a web address: ignored")
        << QByteArray("file:///etc/passwd") << "/cl/feed.xml";
}

void tst_FeedFetcher::contentLocationIsWhereTheDocumentIs()
{
    QFETCH(QByteArray, contentLocation);
    QFETCH(QString, documentUrl);
    TestResponse response = TestResponse::ok(kFeed, "application/rss+xml");
    if (!contentLocation.isEmpty())
        response.withHeader("Content-Location", contentLocation);
    m_server->route(QStringLiteral("/cl/feed.xml"), response);
    // Behind a redirect, as feeds often are: the header is read against the address after it.
    m_server->route(QStringLiteral("/old/feed.xml"), TestResponse::redirect(302, "/cl/feed.xml"));
    const FetchResult result = fetch(QStringLiteral("/old/feed.xml"));
    QVERIFY2(result.ok(), qPrintable(result.errorText));
    QCOMPARE(result.finalUrl, m_server->url(QStringLiteral("/cl/feed.xml")));
    const QUrl expected = documentUrl.startsWith(u'/') ? m_server->url(documentUrl)
                                                       : QUrl(documentUrl);
    QCOMPARE(result.documentUrl(), expected);
}

void tst_FeedFetcher::fetchesFeedWithMetadata()
{
    m_server->route(QStringLiteral("/feed.xml"),
                    TestResponse::ok(kFeed, "Application/RSS+XML; charset=\"UTF-8\"")
                        .withHeader("ETag", "W/\"abc\"")
                        .withHeader("Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT")
                        .withHeader("Cache-Control", "public, max-age=900"));
    const FetchResult result = fetch(
        FetchRequest{m_server->url(QStringLiteral("/feed.xml")), {}, {}, 42});

    QVERIFY2(result.ok(), qPrintable(result.errorText));
    QCOMPARE(result.cookie, 42);
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.body, kFeed);
    QCOMPARE(result.contentType, QStringLiteral("application/rss+xml"));
    QCOMPARE(result.charset, QStringLiteral("utf-8"));
    QCOMPARE(result.etag, QByteArray("W/\"abc\""));
    QCOMPARE(result.lastModified, QStringLiteral("Sun, 06 Nov 1994 08:49:37 GMT"));
    QCOMPARE(result.maxAgeSeconds, 900);
    QVERIFY(!result.notModified);
    QCOMPARE(result.finalUrl, m_server->url(QStringLiteral("/feed.xml")));
    QCOMPARE(result.redirectCount, 0);
    QVERIFY(!result.permanentRedirect);
    QVERIFY(!result.retryAfter);

    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.header("User-Agent"), QByteArray("Bulletin/" BULLETIN_TEST_VERSION));
    QVERIFY(request.header("Accept").startsWith("application/rss+xml"));
    QVERIFY(!request.hasHeader("If-None-Match"));
    QVERIFY(!request.hasHeader("If-Modified-Since"));
}

void tst_FeedFetcher::reportsHttpErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QString>("expectedText");

    QTest::newRow("404") << 404 << QByteArray() << QStringLiteral("HTTP 404 Not Found");
    QTest::newRow("410") << 410 << QByteArray() << QStringLiteral("HTTP 410 Gone");
    QTest::newRow("500") << 500 << QByteArray() << QStringLiteral("HTTP 500 Internal Server Error");
    QTest::newRow("server's own phrase")
        << 403 << QByteArray("Go Away") << QStringLiteral("HTTP 403 Go Away");
    QTest::newRow("unusual status")
        << 418 << QByteArray("I'm a teapot") << QStringLiteral("HTTP 418 I'm a teapot");
}

void tst_FeedFetcher::reportsHttpErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QString, expectedText);

    TestResponse response = TestResponse::withStatus(status, "<html>error page</html>");
    response.reason = reason;
    m_server->route(QStringLiteral("/feed"), response);
    const FetchResult result = fetch(QStringLiteral("/feed"));
    QCOMPARE(result.error, FetchError::Http);
    QCOMPARE(result.httpStatus, status);
    QCOMPARE(result.errorText, expectedText);
    QVERIFY(result.body.isEmpty());
}

void tst_FeedFetcher::roundTripsValidators_data()
{
    QTest::addColumn<QByteArray>("etag");
    QTest::addColumn<QByteArray>("lastModified");

    QTest::newRow("etag only") << QByteArray("\"v1\"") << QByteArray();
    QTest::newRow("weak etag") << QByteArray("W/\"v1-gzip\"") << QByteArray();
    QTest::newRow("last-modified only")
        << QByteArray() << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT");
    QTest::newRow("both") << QByteArray("\"v1\"") << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT");
}

void tst_FeedFetcher::roundTripsValidators()
{
    QFETCH(QByteArray, etag);
    QFETCH(QByteArray, lastModified);

    // Answers 304 only when the validators it handed out come back.
    m_server->route(QStringLiteral("/feed"), [etag, lastModified](const RecordedRequest &request) {
        const bool etagMatches = !etag.isEmpty() && request.header("If-None-Match") == etag;
        const bool dateMatches = !lastModified.isEmpty()
            && request.header("If-Modified-Since") == lastModified;
        if (etagMatches || dateMatches)
            return TestResponse::withStatus(304);
        TestResponse response = TestResponse::ok(kFeed);
        if (!etag.isEmpty())
            response.withHeader("ETag", etag);
        if (!lastModified.isEmpty())
            response.withHeader("Last-Modified", lastModified);
        return response;
    });

    const FetchResult first = fetch(QStringLiteral("/feed"));
    QVERIFY2(first.ok(), qPrintable(first.errorText));
    QCOMPARE(first.body, kFeed);
    QCOMPARE(first.etag, etag);
    QCOMPARE(first.lastModified.toLatin1(), lastModified);

    const FetchResult second = fetch(
        FetchRequest{m_server->url(QStringLiteral("/feed")), first.etag, first.lastModified, 7});
    QVERIFY2(second.ok(), qPrintable(second.errorText));
    QCOMPARE(second.httpStatus, 304);
    QVERIFY(second.notModified);
    QVERIFY(second.body.isEmpty());
    // The 304 carried no validators: the ones sent are kept for next time.
    QCOMPARE(second.etag, etag);
    QCOMPARE(second.lastModified.toLatin1(), lastModified);

    QCOMPARE(m_server->requestCount(), 2);
    const RecordedRequest sent = m_server->requests().at(1);
    QCOMPARE(sent.header("If-None-Match"), etag);
    QCOMPARE(sent.header("If-Modified-Since"), lastModified);
}

void tst_FeedFetcher::decodesCompressedBodies_data()
{
    QTest::addColumn<TestResponse::Encoding>("encoding");
    QTest::addColumn<bool>("chunked");

    QTest::newRow("gzip") << TestResponse::Encoding::Gzip << false;
    QTest::newRow("deflate") << TestResponse::Encoding::Deflate << false;
    QTest::newRow("gzip, chunked") << TestResponse::Encoding::Gzip << true;
    QTest::newRow("identity, chunked") << TestResponse::Encoding::Identity << true;
}

void tst_FeedFetcher::decodesCompressedBodies()
{
    QFETCH(TestResponse::Encoding, encoding);
    QFETCH(bool, chunked);

    const QByteArray body = kFeed.repeated(200);
    TestResponse response = TestResponse::ok(body);
    response.encoding = encoding;
    response.chunked = chunked;
    response.chunkSize = 1000;
    m_server->route(QStringLiteral("/feed"), response);

    const FetchResult result = fetch(QStringLiteral("/feed"));
    QVERIFY2(result.ok(), qPrintable(result.errorText));
    QCOMPARE(result.body.size(), body.size());
    QCOMPARE(result.body, body);
    // QNAM offered compression itself, which is what makes it decode the answer.
    QVERIFY(m_server->requests().first().header("Accept-Encoding").contains("gzip"));
}

using IntList = QList<int>;

void tst_FeedFetcher::followsRedirects_data()
{
    QTest::addColumn<IntList>("statuses"); // one redirect hop per status, then the feed
    QTest::addColumn<bool>("permanent");
    QTest::addColumn<int>("permanentHops"); // hops the permanentUrl is after; 0 = empty

    QTest::newRow("301") << IntList{301} << true << 1;
    QTest::newRow("308") << IntList{308} << true << 1;
    QTest::newRow("302") << IntList{302} << false << 0;
    QTest::newRow("303") << IntList{303} << false << 0;
    QTest::newRow("307") << IntList{307} << false << 0;
    QTest::newRow("301, 308, 301") << IntList{301, 308, 301} << true << 3;
    QTest::newRow("301 then 302") << IntList{301, 302} << false << 1;
    QTest::newRow("302 then 301") << IntList{302, 301} << false << 0;
}

void tst_FeedFetcher::followsRedirects()
{
    QFETCH(IntList, statuses);
    QFETCH(bool, permanent);
    QFETCH(int, permanentHops);

    // /hop0 -> /hop1 -> ... -> /feed; odd hops use a relative Location, as many servers do.
    for (int i = 0; i < statuses.size(); ++i) {
        const QString next = i + 1 < statuses.size() ? QStringLiteral("/hop%1").arg(i + 1)
                                                     : QStringLiteral("/feed");
        const QByteArray location = i % 2 ? next.toUtf8() : m_server->url(next).toEncoded();
        m_server->route(QStringLiteral("/hop%1").arg(i),
                        TestResponse::redirect(statuses.at(i), location));
    }
    m_server->route(QStringLiteral("/feed"), TestResponse::ok(kFeed).withHeader("ETag", "\"e\""));

    const FetchResult result = fetch(
        FetchRequest{m_server->url(QStringLiteral("/hop0")), "\"old\"", {}, 3});
    QVERIFY2(result.ok(), qPrintable(result.errorText));
    QCOMPARE(result.body, kFeed);
    QCOMPARE(result.requestedUrl, m_server->url(QStringLiteral("/hop0")));
    QCOMPARE(result.finalUrl, m_server->url(QStringLiteral("/feed")));
    QCOMPARE(result.redirectCount, statuses.size());
    QCOMPARE(result.permanentRedirect, permanent);
    const QUrl expectedPermanent = permanentHops == 0 ? QUrl()
        : permanentHops == statuses.size()
        ? m_server->url(QStringLiteral("/feed"))
        : m_server->url(QStringLiteral("/hop%1").arg(permanentHops));
    QCOMPARE(result.permanentUrl, expectedPermanent);
    QCOMPARE(result.etag, QByteArray("\"e\""));
    QCOMPARE(m_server->requestCount(), statuses.size() + 1);
    // Validators travel with the fetch along the chain.
    QCOMPARE(m_server->requests().last().header("If-None-Match"), QByteArray("\"old\""));
}

void tst_FeedFetcher::stopsRedirectLoops_data()
{
    QTest::addColumn<QStringList>(
        "chain"); // each path redirects to the next, the last to the first

    QTest::newRow("to itself") << QStringList{QStringLiteral("/a")};
    QTest::newRow("two steps") << QStringList{QStringLiteral("/a"), QStringLiteral("/b")};
    QTest::newRow("three steps") << QStringList{QStringLiteral("/a"), QStringLiteral("/b"),
                                                QStringLiteral("/c")};
}

void tst_FeedFetcher::stopsRedirectLoops()
{
    QFETCH(QStringList, chain);
    for (int i = 0; i < chain.size(); ++i) {
        m_server->route(chain.at(i),
                        TestResponse::redirect(302, chain.at((i + 1) % chain.size()).toUtf8()));
    }
    const FetchResult result = fetch(chain.first());
    QCOMPARE(result.error, FetchError::RedirectLoop);
    QVERIFY2(result.errorText.startsWith(QLatin1String("redirect loop: ")),
             qPrintable(result.errorText));
    QCOMPARE(m_server->requestCount(), chain.size());
}

void tst_FeedFetcher::capsRedirectCount_data()
{
    QTest::addColumn<int>("hops");
    QTest::addColumn<bool>("ok");

    QTest::newRow("5 is allowed") << 5 << true;
    QTest::newRow("6 is too many") << 6 << false;
}

void tst_FeedFetcher::capsRedirectCount()
{
    QFETCH(int, hops);
    QFETCH(bool, ok);
    for (int i = 0; i < hops; ++i)
        m_server->route(QStringLiteral("/r%1").arg(i),
                        TestResponse::redirect(307, "/r" + QByteArray::number(i + 1)));
    m_server->route(QStringLiteral("/r%1").arg(hops), TestResponse::ok(kFeed));

    const FetchResult result = fetch(QStringLiteral("/r0"));
    if (ok) {
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(result.redirectCount, hops);
    } else {
        QCOMPARE(result.error, FetchError::TooManyRedirects);
        QCOMPARE(result.errorText, QStringLiteral("more than 5 redirects"));
        QCOMPARE(m_server->requestCount(), 6);
    }
}

void tst_FeedFetcher::refusesRedirectToOtherSchemes()
{
    m_server->route(QStringLiteral("/feed"), TestResponse::redirect(301, "file:///etc/passwd"));
    const FetchResult result = fetch(QStringLiteral("/feed"));
    QCOMPARE(result.error, FetchError::UnsupportedScheme);
    QVERIFY(result.errorText.contains(QLatin1String("file:///etc/passwd")));
}

void tst_FeedFetcher::timesOutSlowServers_data()
{
    QTest::addColumn<TestResponse>("response");
    QTest::addColumn<QString>("expectedText");

    TestResponse thinking = TestResponse::ok(kFeed);
    thinking.delayBeforeHeadersMs = 5000;
    QTest::newRow("no headers in time")
        << thinking << QStringLiteral("timed out after 0.3 s without data");

    TestResponse silent;
    silent.neverRespond = true;
    QTest::newRow("never responds")
        << silent << QStringLiteral("timed out after 0.3 s without data");

    TestResponse stalled = TestResponse::ok(QByteArray(4000, 'x'));
    stalled.chunkSize = 1000;
    stalled.delayBetweenChunksMs = 5000;
    QTest::newRow("stalls mid-body")
        << stalled << QStringLiteral("timed out after 0.3 s without data");

    // Each piece arrives well within the inactivity timeout, but the whole takes 10 s.
    TestResponse dripping = TestResponse::ok(QByteArray(200, 'x'));
    dripping.chunkSize = 2;
    dripping.delayBetweenChunksMs = 100;
    QTest::newRow("drips past the total limit")
        << dripping << QStringLiteral("timed out after 1.2 s");
}

void tst_FeedFetcher::timesOutSlowServers()
{
    QFETCH(TestResponse, response);
    QFETCH(QString, expectedText);

    m_fetcher->setTimeout(300ms);
    m_fetcher->setTotalTimeout(1200ms);
    m_server->route(QStringLiteral("/feed"), response);
    QElapsedTimer timer;
    timer.start();
    const FetchResult result = fetch(QStringLiteral("/feed"));
    QCOMPARE(result.error, FetchError::Timeout);
    QCOMPARE(result.errorText, expectedText);
    QVERIFY(result.body.isEmpty());
    QVERIFY2(timer.elapsed() < 4000, QByteArray::number(timer.elapsed()).constData());
    // The transfer was really abandoned: the server sees the connection go.
    QTRY_COMPARE(m_server->activeRequests(), 0);
}

void tst_FeedFetcher::capsBodySize_data()
{
    QTest::addColumn<TestResponse>("response");
    QTest::addColumn<bool>("tooLarge");

    constexpr int cap = 10 * 1024;
    QTest::newRow("exactly at the cap") << TestResponse::ok(QByteArray(cap, 'x')) << false;
    QTest::newRow("announced by Content-Length")
        << TestResponse::ok(QByteArray(cap + 1, 'x')) << true;

    TestResponse chunked = TestResponse::ok(QByteArray(cap * 4, 'x'));
    chunked.chunked = true;
    chunked.chunkSize = 1024;
    QTest::newRow("chunked, no length") << chunked << true;

    // A decompression bomb: small on the wire, large once decoded.
    TestResponse bomb = TestResponse::ok(QByteArray(1024 * 1024, '\0'));
    bomb.encoding = TestResponse::Encoding::Gzip;
    QTest::newRow("gzip bomb") << bomb << true;

    TestResponse lying = TestResponse::ok(QByteArray(cap * 3, 'x'));
    lying.withHeader("Content-Length", QByteArray::number(cap * 3));
    lying.chunkSize = 4096;
    QTest::newRow("streamed over the cap") << lying << true;
}

void tst_FeedFetcher::capsBodySize()
{
    QFETCH(TestResponse, response);
    QFETCH(bool, tooLarge);

    m_fetcher->setMaxBodyBytes(10 * 1024);
    m_server->route(QStringLiteral("/feed"), response);
    const FetchResult result = fetch(QStringLiteral("/feed"));
    if (!tooLarge) {
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(result.body.size(), 10 * 1024);
        return;
    }
    QCOMPARE(result.error, FetchError::TooLarge);
    QCOMPARE(result.errorText, QStringLiteral("the response is larger than 10 KiB"));
    QVERIFY(result.body.isEmpty());
}

void tst_FeedFetcher::reportsTruncatedBodies_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("Content-Length") << false;
    QTest::newRow("chunked") << true;
}

void tst_FeedFetcher::reportsTruncatedBodies()
{
    QFETCH(bool, chunked);
    TestResponse response = TestResponse::ok(QByteArray(1000, 'x'));
    response.chunked = chunked;
    response.chunkSize = 100;
    response.closeAfterBodyBytes = 250;
    m_server->route(QStringLiteral("/feed"), response);

    const FetchResult result = fetch(QStringLiteral("/feed"));
    if (chunked && result.ok()) {
        // Qt 6.4 races here: when the FIN is read together with the last bytes,
        // QHttpNetworkConnectionChannel ends the reply as if the body were complete.
        QCOMPARE(result.body.size(), 250);
        QSKIP("Qt 6.4 took the cut chunked body for a complete one this time (known race)");
    }
    QCOMPARE(result.error, FetchError::Truncated);
    QVERIFY2(
        result.errorText.contains(QLatin1String("closed the connection before the whole response")),
        qPrintable(result.errorText));
    QVERIFY(result.body.isEmpty());
}

void tst_FeedFetcher::reportsRetryAfter_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QDateTime>("expected"); // invalid: none reported
    QTest::addColumn<bool>("relative"); // expected is "now + expected seconds since epoch"

    QTest::newRow("429 seconds") << 429 << QByteArray("120")
                                 << QDateTime::fromSecsSinceEpoch(120, Qt::UTC) << true;
    QTest::newRow("503 HTTP date")
        << 503 << QByteArray("Wed, 21 Oct 2037 07:28:00 GMT")
        << QDateTime(QDate(2037, 10, 21), QTime(7, 28), Qt::UTC) << false;
    QTest::newRow("429 without header") << 429 << QByteArray() << QDateTime() << false;
    QTest::newRow("503 garbage") << 503 << QByteArray("soon") << QDateTime() << false;
    QTest::newRow("500 is not a come-back-later")
        << 500 << QByteArray("120") << QDateTime() << false;
}

void tst_FeedFetcher::reportsRetryAfter()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QDateTime, expected);
    QFETCH(bool, relative);

    TestResponse response = TestResponse::withStatus(status);
    if (!retryAfter.isEmpty())
        response.withHeader("Retry-After", retryAfter);
    m_server->route(QStringLiteral("/feed"), response);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    const FetchResult result = fetch(QStringLiteral("/feed"));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QCOMPARE(result.error, FetchError::Http);
    QCOMPARE(result.httpStatus, status);
    QCOMPARE(result.retryAfter.has_value(), expected.isValid());
    if (!expected.isValid())
        return;
    if (relative) {
        const qint64 seconds = expected.toSecsSinceEpoch();
        QVERIFY(*result.retryAfter >= before.addSecs(seconds - 1));
        QVERIFY(*result.retryAfter <= after.addSecs(seconds + 1));
    } else {
        QCOMPARE(*result.retryAfter, expected);
    }
}

void tst_FeedFetcher::explainsDnsFailure()
{
    // .invalid never resolves (RFC 6761), with or without a network.
    const FetchResult result = fetch(
        FetchRequest{QUrl(QStringLiteral("http://no-such-host.invalid/feed.xml")), {}, {}, 1});
    QCOMPARE(result.error, FetchError::Dns);
    QCOMPARE(result.errorText, QStringLiteral("DNS lookup failed for no-such-host.invalid"));
}

void tst_FeedFetcher::explainsRefusedConnection()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    } // closed again: nothing listens there now
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/feed").arg(port));
    const FetchResult result = fetch(FetchRequest{url, {}, {}, 1});
    QCOMPARE(result.error, FetchError::Connection);
    QCOMPARE(result.errorText, QStringLiteral("connection refused by 127.0.0.1:%1").arg(port));
}

void tst_FeedFetcher::refusesNonHttpUrls_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<FetchError>("error");

    QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://example.org/feed"))
                         << FetchError::UnsupportedScheme;
    QTest::newRow("file") << QUrl(QStringLiteral("file:///etc/passwd"))
                          << FetchError::UnsupportedScheme;
    QTest::newRow("data") << QUrl(QStringLiteral("data:text/xml,<rss/>"))
                          << FetchError::UnsupportedScheme;
    QTest::newRow("relative") << QUrl(QStringLiteral("/feed.xml")) << FetchError::InvalidUrl;
    QTest::newRow("empty") << QUrl() << FetchError::InvalidUrl;
    QTest::newRow("http without host")
        << QUrl(QStringLiteral("http:///feed")) << FetchError::InvalidUrl;
}

void tst_FeedFetcher::refusesNonHttpUrls()
{
    QFETCH(QUrl, url);
    QFETCH(FetchError, error);

    QSignalSpy finished(m_fetcher.get(), &FeedFetcher::fetchFinished);
    m_fetcher->fetch(FetchRequest{url, {}, {}, 9});
    QCOMPARE(finished.size(), 0); // never from inside fetch()
    QVERIFY(finished.wait(5000));
    const FetchResult result = finished.first().first().value<FetchResult>();
    QCOMPARE(result.error, error);
    QCOMPARE(result.cookie, 9);
    QVERIFY(!result.errorText.isEmpty());
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_FeedFetcher::neitherSendsNorStoresCookies()
{
    // The application's jar holds a cookie for this host; a feed fetch must not carry it.
    const QUrl base = m_server->url(QStringLiteral("/"));
    m_network->cookieJar()->setCookiesFromUrl({QNetworkCookie("session", "secret")}, base);
    m_server->route(QStringLiteral("/feed"),
                    TestResponse::ok(kFeed).withHeader("Set-Cookie", "tracker=1; Path=/"));

    QVERIFY(fetch(QStringLiteral("/feed")).ok());
    QVERIFY(fetch(QStringLiteral("/feed")).ok());
    QCOMPARE(m_server->requestCount(), 2);
    for (const RecordedRequest &request : m_server->requests())
        QVERIFY2(!request.hasHeader("Cookie"), request.header("Cookie").constData());
    const auto stored = m_network->cookieJar()->cookiesForUrl(base);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().name(), QByteArray("session"));
}

void tst_FeedFetcher::cancelsRunningFetch()
{
    TestResponse silent;
    silent.neverRespond = true;
    m_server->route(QStringLiteral("/feed"), silent);

    QSignalSpy finished(m_fetcher.get(), &FeedFetcher::fetchFinished);
    m_fetcher->fetch(FetchRequest{m_server->url(QStringLiteral("/feed")), {}, {}, 5});
    m_fetcher->fetch(FetchRequest{m_server->url(QStringLiteral("/feed")), {}, {}, 6});
    QTRY_COMPARE(m_server->activeRequests(), 2);
    QCOMPARE(m_fetcher->activeCount(), 2);

    m_fetcher->cancel(5);
    QCOMPARE(finished.size(), 1);
    FetchResult result = finished.takeFirst().first().value<FetchResult>();
    QCOMPARE(result.cookie, 5);
    QCOMPARE(result.error, FetchError::Cancelled);
    QCOMPARE(m_fetcher->activeCount(), 1);

    m_fetcher->cancelAll();
    QCOMPARE(finished.size(), 1);
    result = finished.takeFirst().first().value<FetchResult>();
    QCOMPARE(result.cookie, 6);
    QCOMPARE(result.error, FetchError::Cancelled);
    QCOMPARE(m_fetcher->activeCount(), 0);
    QTRY_COMPARE(m_server->activeRequests(), 0);
}

void tst_FeedFetcher::destructionAbortsQuietly()
{
    TestResponse silent;
    silent.neverRespond = true;
    m_server->route(QStringLiteral("/feed"), silent);
    QSignalSpy finished(m_fetcher.get(), &FeedFetcher::fetchFinished);
    m_fetcher->fetch(FetchRequest{m_server->url(QStringLiteral("/feed")), {}, {}, 5});
    QTRY_COMPARE(m_server->activeRequests(), 1);
    m_fetcher.reset();
    QCOMPARE(finished.size(), 0);
    QTRY_COMPARE(m_server->activeRequests(), 0);
}

QTEST_GUILESS_MAIN(tst_FeedFetcher)
#include "tst_feedfetcher.moc"
