#include "support/testhttpstate.h"

#include <QMutexLocker>

namespace bulletin::test {

void TestHttpState::setRoute(const QByteArray &path, TestHandler handler)
{
    QMutexLocker lock(&m_mutex);
    m_routes.insert(path, std::move(handler));
}

TestHandler TestHttpState::handlerFor(const QByteArray &path) const
{
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_routes.constFind(path); it != m_routes.constEnd())
        return *it;
    return [](const RecordedRequest &) {
        return TestResponse::withStatus(404, "no route in the test server\n");
    };
}

int TestHttpState::openConnection()
{
    QMutexLocker lock(&m_mutex);
    return ++m_connections;
}

void TestHttpState::record(const RecordedRequest &request)
{
    QMutexLocker lock(&m_mutex);
    m_requests.append(request);
}

void TestHttpState::requestStarted()
{
    QMutexLocker lock(&m_mutex);
    ++m_active;
    m_maxActive = std::max(m_maxActive, m_active);
}

void TestHttpState::requestFinished()
{
    QMutexLocker lock(&m_mutex);
    --m_active;
}

QList<RecordedRequest> TestHttpState::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int TestHttpState::maxConcurrentRequests() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxActive;
}

int TestHttpState::activeRequests() const
{
    QMutexLocker lock(&m_mutex);
    return m_active;
}

int TestHttpState::connectionCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_connections;
}

void TestHttpState::clearRecords()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
    m_maxActive = m_active;
}

} // namespace bulletin::test
