#pragma once

#include "net/fetchrequest.h"
#include "net/fetchresult.h"

#include <QObject>

#include <chrono>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace bulletin {

// Fetches feeds over HTTP(S) without ever blocking: fetch() returns at once and each fetch
// ends in exactly one fetchFinished, never from inside fetch() itself.
//
// What it does for every fetch: conditional GET from the request's validators (304 is a
// success with notModified), gzip/deflate via QNetworkAccessManager's own decoding,
// redirects followed here so permanent and temporary ones are told apart and loops caught,
// an inactivity timeout and a total time limit, a cap on the body size, Retry-After and
// Cache-Control max-age reported, no cookies loaded or stored, http and https only.
//
// Known limit: Qt 6.4 now and then takes a chunked body cut off by a closed connection for
// a complete one; the feed parser's own well-formedness check is the backstop there.
//
// Lives on the thread of the QNetworkAccessManager it is given (the GUI thread), which it
// does not own and which must outlive it. Destroying the fetcher aborts its transfers
// without emitting anything.
class FeedFetcher final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kDefaultMaxBodyBytes = 10 * 1024 * 1024;

    explicit FeedFetcher(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~FeedFetcher() override;

    // No data for this long ends the fetch with FetchError::Timeout (default 30 s).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // A whole fetch, redirects included, may not take longer than this (default 2 min), so a
    // server dripping a byte a second cannot hold a slot forever.
    void setTotalTimeout(std::chrono::milliseconds timeout) { m_totalTimeout = timeout; }
    std::chrono::milliseconds totalTimeout() const { return m_totalTimeout; }
    // Bodies larger than this (after decompression) are aborted with FetchError::TooLarge.
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }
    void setMaxRedirects(int redirects) { m_maxRedirects = redirects; }
    int maxRedirects() const { return m_maxRedirects; }
    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }
    QByteArray userAgent() const { return m_userAgent; }

    void fetch(const FetchRequest &request);
    // Ends the fetches with this cookie with FetchError::Cancelled (emitted synchronously).
    void cancel(int cookie);
    void cancelAll();
    int activeCount() const { return int(m_jobs.size()); }

    static QByteArray defaultUserAgent();

signals:
    void fetchFinished(const bulletin::FetchResult &result);

private:
    struct Job;

    void startTransfer(Job *job);
    void readBody(Job *job);
    void checkHeaders(Job *job);
    void transferFinished(Job *job);
    // Starts the next hop, or finishes the job with the reason it cannot.
    void followRedirect(Job *job, QNetworkReply *reply, int status);
    void abortJob(Job *job, FetchError reason, const QString &text);
    void finish(Job *job, FetchResult result);
    FetchResult networkFailure(Job *job, QNetworkReply *reply) const;
    QString timeoutText(std::chrono::milliseconds timeout) const;
    QString truncatedText(const Job *job, qint64 expectedBytes) const;

    QNetworkAccessManager *m_network;
    std::vector<std::unique_ptr<Job>> m_jobs;
    std::chrono::milliseconds m_timeout = std::chrono::seconds(30);
    std::chrono::milliseconds m_totalTimeout = std::chrono::minutes(2);
    qint64 m_maxBodyBytes = kDefaultMaxBodyBytes;
    int m_maxRedirects = 5;
    QByteArray m_userAgent;
};

} // namespace bulletin
