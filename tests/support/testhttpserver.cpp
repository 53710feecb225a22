#include "support/testhttpserver.h"

#include "support/testhttpconnection.h"
#include "support/testhttpstate.h"

#include <QTcpServer>

namespace bulletin::test {

TestHttpServer::TestHttpServer()
    : m_state(std::make_shared<TestHttpState>())
{
    m_thread.setObjectName(QStringLiteral("TestHttpServer"));
}

TestHttpServer::~TestHttpServer()
{
    if (m_server) {
        // Connections are children of the server: they go with it, on their own thread.
        QMetaObject::invokeMethod(
            m_server, [server = m_server] { delete server; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

bool TestHttpServer::listen(const QHostAddress &address)
{
    Q_ASSERT(!m_server);
    m_thread.start();
    m_server = new QTcpServer;
    m_server->moveToThread(&m_thread);
    QObject::connect(m_server, &QTcpServer::newConnection, m_server,
                     [server = m_server, state = m_state] {
                         while (QTcpSocket *socket = server->nextPendingConnection())
                             new TestHttpConnection(socket, state, server);
                     });
    bool listening = false;
    QMetaObject::invokeMethod(
        m_server,
        [&] {
            listening = m_server->listen(address, 0);
            m_port = m_server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    m_address = address;
    return listening;
}

QUrl TestHttpServer::url(const QString &pathAndQuery) const
{
    return QUrl(
        QStringLiteral("http://%1:%2%3").arg(m_address.toString()).arg(m_port).arg(pathAndQuery));
}

void TestHttpServer::route(const QString &path, const TestResponse &response)
{
    m_state->setRoute(path.toUtf8(), [response](const RecordedRequest &) { return response; });
}

void TestHttpServer::route(const QString &path, TestHandler handler)
{
    m_state->setRoute(path.toUtf8(), std::move(handler));
}

QList<RecordedRequest> TestHttpServer::requests() const
{
    return m_state->requests();
}

QList<RecordedRequest> TestHttpServer::requestsTo(const QString &path) const
{
    QList<RecordedRequest> matching;
    for (const RecordedRequest &request : m_state->requests()) {
        if (request.path == path.toUtf8())
            matching.append(request);
    }
    return matching;
}

int TestHttpServer::requestCount() const
{
    return int(m_state->requests().size());
}

int TestHttpServer::maxConcurrentRequests() const
{
    return m_state->maxConcurrentRequests();
}

int TestHttpServer::activeRequests() const
{
    return m_state->activeRequests();
}

int TestHttpServer::connectionCount() const
{
    return m_state->connectionCount();
}

void TestHttpServer::clearRecords()
{
    m_state->clearRecords();
}

} // namespace bulletin::test
