#pragma once

#include <QByteArray>
#include <QList>

#include <functional>
#include <utility>

namespace bulletin::test {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// What the test server received: one parsed HTTP request.
struct RecordedRequest
{
    QByteArray method;
    QByteArray target; // path and query, as sent
    QByteArray path; // target without the query
    HeaderList headers; // in the order sent
    QByteArray body;
    int connectionId = 0; // requests on one kept-alive connection share it

    // The value of the first header with this name (case-insensitive), or a null array.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
};

// What the test server answers, and how badly it behaves while doing so.
struct TestResponse
{
    enum class Encoding { Identity, Gzip, Deflate };

    int status = 200;
    QByteArray reason; // empty: the standard phrase for status
    HeaderList headers; // Content-Length/Transfer-Encoding/Content-Encoding are added
    QByteArray body; // before encoding

    Encoding encoding = Encoding::Identity; // compress body and send Content-Encoding
    bool chunked = false; // Transfer-Encoding: chunked
    int chunkSize = 0; // body written in pieces of this size; 0 = one
    int delayBeforeHeadersMs = 0; // a slow server thinking
    int delayBetweenChunksMs = 0; // a slow server dripping
    qint64 closeAfterBodyBytes = -1; // truncated: hang up after this many body bytes
    bool neverRespond = false; // read the request, then say nothing at all

    TestResponse &withHeader(const QByteArray &name, const QByteArray &value);

    static TestResponse ok(const QByteArray &body,
                           const QByteArray &contentType = "application/rss+xml; charset=utf-8");
    static TestResponse withStatus(int status, const QByteArray &body = {});
    static TestResponse redirect(int status, const QByteArray &location);
};

// Called on the server's thread for each request to its route: it must not touch objects
// of the test thread without synchronisation (capturing values or atomics is fine).
using TestHandler = std::function<TestResponse(const RecordedRequest &)>;

QByteArray standardReasonPhrase(int status);

} // namespace bulletin::test
