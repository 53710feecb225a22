#include "support/testhttpserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

using namespace bulletin::test;

namespace {

// A deliberately dumb blocking client: the server runs on its own thread, so this works and
// shows the bytes on the wire exactly, which is what the network tests rely on.
QByteArray exchange(const TestHttpServer &server, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray received;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(1500))
        received += socket.readAll();
    received += socket.readAll();
    return received;
}

QByteArray get(const QByteArray &path)
{
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Probe: yes\r\n\r\n";
}

} // namespace

class tst_TestHttpServer final : public QObject
{
    Q_OBJECT

private slots:
    void answersRoutesAndRecordsRequests();
    void unknownPathIs404();
    void compressesWithGzipAndDeflate();
    void sendsChunkedFraming();
    void truncatesBodyAndHangsUp();
    void delaysHeaders();
    void keepsConnectionsAlive();
};

void tst_TestHttpServer::answersRoutesAndRecordsRequests()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    server.route(QStringLiteral("/feed"), TestResponse::ok("<rss/>").withHeader("ETag", "\"v1\""));
    const QByteArray reply = exchange(server, get("/feed?x=1"));
    QVERIFY2(reply.startsWith("HTTP/1.1 200 OK\r\n"), reply.constData());
    QVERIFY(reply.contains("ETag: \"v1\"\r\n"));
    QVERIFY(reply.contains("Content-Length: 6\r\n"));
    QVERIFY(reply.endsWith("\r\n\r\n<rss/>"));
    QCOMPARE(server.requestCount(), 1);
    const RecordedRequest request = server.requests().first();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/feed?x=1"));
    QCOMPARE(request.path, QByteArray("/feed"));
    QCOMPARE(request.header("x-probe"), QByteArray("yes"));
    QVERIFY(!request.hasHeader("If-None-Match"));
}

void tst_TestHttpServer::unknownPathIs404()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    QVERIFY(exchange(server, get("/nothing")).startsWith("HTTP/1.1 404 Not Found\r\n"));
}

void tst_TestHttpServer::compressesWithGzipAndDeflate()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    const QByteArray body = QByteArray("<item>compress me</item>").repeated(100);
    TestResponse gzip = TestResponse::ok(body);
    gzip.encoding = TestResponse::Encoding::Gzip;
    server.route(QStringLiteral("/gz"), gzip);
    TestResponse deflate = TestResponse::ok(body);
    deflate.encoding = TestResponse::Encoding::Deflate;
    server.route(QStringLiteral("/df"), deflate);

    const QByteArray gz = exchange(server, get("/gz"));
    QVERIFY(gz.contains("Content-Encoding: gzip\r\n"));
    const QByteArray gzBody = gz.mid(gz.indexOf("\r\n\r\n") + 4);
    QVERIFY(gzBody.startsWith("\x1f\x8b"));
    QVERIFY(gzBody.size() < body.size() / 4);

    const QByteArray df = exchange(server, get("/df"));
    QVERIFY(df.contains("Content-Encoding: deflate\r\n"));
    QByteArray zlibBody = df.mid(df.indexOf("\r\n\r\n") + 4);
    // qUncompress reads zlib data behind a 4-byte big-endian length.
    const quint32 size = quint32(body.size());
    zlibBody.prepend(QByteArray(1, char(size & 0xff)));
    zlibBody.prepend(QByteArray(1, char((size >> 8) & 0xff)));
    zlibBody.prepend(QByteArray(1, char((size >> 16) & 0xff)));
    zlibBody.prepend(QByteArray(1, char((size >> 24) & 0xff)));
    QCOMPARE(qUncompress(zlibBody), body);
}

void tst_TestHttpServer::sendsChunkedFraming()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    TestResponse response = TestResponse::ok("abcdefghij");
    response.chunked = true;
    response.chunkSize = 4;
    server.route(QStringLiteral("/c"), response);
    const QByteArray reply = exchange(server, get("/c"));
    QVERIFY(reply.contains("Transfer-Encoding: chunked\r\n"));
    QVERIFY(!reply.contains("Content-Length"));
    QVERIFY2(reply.endsWith("\r\n\r\n4\r\nabcd\r\n4\r\nefgh\r\n2\r\nij\r\n0\r\n\r\n"),
             reply.constData());
}

void tst_TestHttpServer::truncatesBodyAndHangsUp()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    TestResponse response = TestResponse::ok(QByteArray(1000, 'x'));
    response.closeAfterBodyBytes = 300;
    server.route(QStringLiteral("/t"), response);
    const QByteArray reply = exchange(server, get("/t"));
    QVERIFY(reply.contains("Content-Length: 1000\r\n"));
    QCOMPARE(reply.mid(reply.indexOf("\r\n\r\n") + 4), QByteArray(300, 'x'));
}

void tst_TestHttpServer::delaysHeaders()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    TestResponse response = TestResponse::ok("late");
    response.delayBeforeHeadersMs = 400;
    server.route(QStringLiteral("/slow"), response);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(exchange(server, get("/slow")).endsWith("late"));
    QVERIFY2(timer.elapsed() >= 390, QByteArray::number(timer.elapsed()).constData());
}

void tst_TestHttpServer::keepsConnectionsAlive()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    server.route(QStringLiteral("/a"), TestResponse::ok("a"));
    const QByteArray twoRequests = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n" + get("/a");
    const QByteArray reply = exchange(server, twoRequests);
    QCOMPARE(reply.count("HTTP/1.1 200 OK"), 2);
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.requests().at(0).connectionId, server.requests().at(1).connectionId);
    QCOMPARE(server.connectionCount(), 1);
}

QTEST_GUILESS_MAIN(tst_TestHttpServer)
#include "tst_testhttpserver.moc"
