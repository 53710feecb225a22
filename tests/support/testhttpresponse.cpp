#include "support/testhttpresponse.h"

namespace bulletin::test {

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

TestResponse &TestResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

TestResponse TestResponse::ok(const QByteArray &body, const QByteArray &contentType)
{
    TestResponse response;
    response.body = body;
    response.withHeader("Content-Type", contentType);
    return response;
}

TestResponse TestResponse::withStatus(int status, const QByteArray &body)
{
    TestResponse response;
    response.status = status;
    response.body = body;
    return response;
}

TestResponse TestResponse::redirect(int status, const QByteArray &location)
{
    TestResponse response;
    response.status = status;
    response.withHeader("Location", location);
    return response;
}

QByteArray standardReasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 410:
        return "Gone";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

} // namespace bulletin::test
