#pragma once

#include "support/testhttpresponse.h"

#include <QHash>
#include <QMutex>

namespace bulletin::test {

// What the server thread and the test thread share: routes and the record of requests and
// concurrency. Every method may be called from either thread.
class TestHttpState final
{
public:
    void setRoute(const QByteArray &path, TestHandler handler);
    // The handler for path; a 404 handler when none is registered.
    TestHandler handlerFor(const QByteArray &path) const;

    int openConnection();
    void record(const RecordedRequest &request);
    void requestStarted();
    void requestFinished();

    QList<RecordedRequest> requests() const;
    int maxConcurrentRequests() const;
    int activeRequests() const;
    int connectionCount() const;
    void clearRecords();

private:
    mutable QMutex m_mutex;
    QHash<QByteArray, TestHandler> m_routes;
    QList<RecordedRequest> m_requests;
    int m_connections = 0;
    int m_active = 0;
    int m_maxActive = 0;
};

} // namespace bulletin::test
