#pragma once

#include "support/testhttpresponse.h"

#include <QHostAddress>
#include <QThread>
#include <QUrl>

#include <memory>

class QTcpServer;

namespace bulletin::test {

class TestHttpState;

// A real HTTP/1.1 server on loopback for network tests, listening on an ephemeral port.
//
// It runs on its own thread, so a client that blocks the test thread cannot starve it, and
// timings (delays, drips) are the server's own. Routes map a path (without query) to a fixed
// response or a handler; unknown paths answer 404. Every request is recorded with its headers
// so a test can assert what was sent, or that nothing was. Use it from one test thread;
// handlers run on the server thread.
class TestHttpServer final
{
public:
    TestHttpServer();
    ~TestHttpServer();
    TestHttpServer(const TestHttpServer &) = delete;
    TestHttpServer &operator=(const TestHttpServer &) = delete;

    // Starts listening; any 127.x.y.z address works on Linux, which lets one test play
    // several hosts. Returns false when the address cannot be bound.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost);
    quint16 port() const { return m_port; }
    QUrl url(const QString &pathAndQuery = QStringLiteral("/")) const;

    void route(const QString &path, const TestResponse &response);
    void route(const QString &path, TestHandler handler);

    QList<RecordedRequest> requests() const;
    QList<RecordedRequest> requestsTo(const QString &path) const;
    int requestCount() const;
    // The most requests that were being answered at the same moment since the last clear.
    int maxConcurrentRequests() const;
    int activeRequests() const;
    int connectionCount() const;
    void clearRecords();

private:
    std::shared_ptr<TestHttpState> m_state;
    QThread m_thread;
    QTcpServer *m_server = nullptr; // lives on m_thread
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace bulletin::test
