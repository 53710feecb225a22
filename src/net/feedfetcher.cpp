#include "net/feedfetcher.h"

#include "net/httpheaders.h"
#include "net/netlog.h"
#include "net/webaddress.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

#include <algorithm>

namespace bulletin {

namespace {

// What feed readers conventionally ask for; servers that negotiate (a few CMSs return HTML
// to a bare "*/*") then pick the feed.
constexpr char kAccept[] = "application/rss+xml, application/atom+xml, application/feed+json, "
                           "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, "
                           "*/*;q=0.8";

bool isWebScheme(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString describeSize(qint64 bytes)
{
    constexpr qint64 kMiB = 1024 * 1024;
    if (bytes >= kMiB && bytes % kMiB == 0)
        return QStringLiteral("%1 MiB").arg(bytes / kMiB);
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes / 1024);
    return QStringLiteral("%1 bytes").arg(bytes);
}

QString hostOf(const QUrl &url)
{
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

} // namespace

struct FeedFetcher::Job
{
    FetchRequest request;
    QUrl currentUrl;
    QList<QUrl> visited; // every URL already requested in this fetch
    int redirects = 0;
    bool allPermanent = true;
    bool leadingPermanent = true;
    QUrl permanentUrl;
    QNetworkReply *reply = nullptr;
    QTimer *idleTimer = nullptr;
    QTimer *totalTimer = nullptr;
    QByteArray body;
    QStringList tlsErrors;

    FetchResult baseResult() const
    {
        FetchResult result;
        result.cookie = request.cookie;
        result.requestedUrl = request.url;
        result.finalUrl = currentUrl;
        result.redirectCount = redirects;
        result.permanentRedirect = redirects > 0 && allPermanent;
        result.permanentUrl = permanentUrl;
        result.etag = request.etag;
        result.lastModified = request.lastModified;
        return result;
    }

    FetchResult failure(FetchError error, const QString &text) const
    {
        FetchResult result = baseResult();
        result.error = error;
        result.errorText = text;
        return result;
    }
};

FeedFetcher::FeedFetcher(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_userAgent(defaultUserAgent())
{
    Q_ASSERT(m_network);
}

FeedFetcher::~FeedFetcher()
{
    for (const auto &job : m_jobs) {
        if (job->reply) {
            job->reply->disconnect(this);
            job->reply->abort();
            job->reply->deleteLater();
        }
    }
}

QByteArray FeedFetcher::defaultUserAgent()
{
    return QByteArrayLiteral("Bulletin/" BULLETIN_VERSION);
}

void FeedFetcher::fetch(const FetchRequest &request)
{
    QString refusal;
    FetchError error = FetchError::None;
    if (!request.url.isValid() || request.url.scheme().isEmpty()) {
        error = FetchError::InvalidUrl;
        refusal = invalidAddressWords(request.url);
    } else if (!isWebScheme(request.url)) {
        error = FetchError::UnsupportedScheme;
        refusal = QStringLiteral("only http and https addresses can be fetched, not %1:")
                      .arg(request.url.scheme());
    } else if (request.url.host().isEmpty()) {
        error = FetchError::InvalidUrl;
        refusal = QStringLiteral("the address %1 has no host").arg(request.url.toString());
    }
    if (error != FetchError::None) {
        // Queued, so a caller never sees fetchFinished before fetch() has returned.
        const FetchResult result = FetchResult::failure(request, error, refusal);
        QMetaObject::invokeMethod(
            this, [this, result] { emit fetchFinished(result); }, Qt::QueuedConnection);
        return;
    }

    auto job = std::make_unique<Job>();
    job->request = request;
    job->currentUrl = request.url;
    job->idleTimer = new QTimer(this);
    job->idleTimer->setSingleShot(true);
    job->idleTimer->setInterval(m_timeout);
    job->totalTimer = new QTimer(this);
    job->totalTimer->setSingleShot(true);
    Job *raw = job.get();
    connect(job->idleTimer, &QTimer::timeout, this, [this, raw] {
        abortJob(raw, FetchError::Timeout,
                 QStringLiteral("%1 without data").arg(timeoutText(m_timeout)));
    });
    connect(job->totalTimer, &QTimer::timeout, this,
            [this, raw] { abortJob(raw, FetchError::Timeout, timeoutText(m_totalTimeout)); });
    m_jobs.push_back(std::move(job));
    raw->totalTimer->start(m_totalTimeout);
    startTransfer(raw);
}

void FeedFetcher::startTransfer(Job *job)
{
    QNetworkRequest request(job->currentUrl);
    // Redirects are ours: QNAM's own following hides whether they were permanent.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // A feed fetch carries no identity: nothing from the jar goes out, nothing comes in.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    // Conditional GET is done here with the stored validators; a QNAM-level cache (if the
    // application ever installs one) must not answer in our place.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    request.setRawHeader("Accept", kAccept);
    // No Accept-Encoding here: when QNAM adds "gzip, deflate" itself it also decodes the
    // body; setting it ourselves would hand us compressed bytes.
    if (!job->request.etag.isEmpty())
        request.setRawHeader("If-None-Match", job->request.etag);
    if (!job->request.lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", job->request.lastModified.toLatin1());

    qCDebug(lcNet) << "GET" << job->currentUrl.toDisplayString() << "cookie" << job->request.cookie;
    QNetworkReply *reply = m_network->get(request);
    job->reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, job] { checkHeaders(job); });
    connect(reply, &QIODevice::readyRead, this, [this, job] { readBody(job); });
    connect(reply, &QNetworkReply::finished, this, [this, job] { transferFinished(job); });
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, [job](const QList<QSslError> &errors) {
        // Recorded for the message only; they are never ignored.
        for (const QSslError &error : errors)
            job->tlsErrors.append(error.errorString());
    });
#endif
    job->idleTimer->start();
}

void FeedFetcher::checkHeaders(Job *job)
{
    job->idleTimer->start();
    // Refuse an announced oversized body before a byte of it arrives.
    const QVariant length = job->reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_maxBodyBytes) {
        abortJob(
            job, FetchError::TooLarge,
            QStringLiteral("the response is larger than %1").arg(describeSize(m_maxBodyBytes)));
    }
}

void FeedFetcher::readBody(Job *job)
{
    job->body += job->reply->readAll();
    if (job->body.size() > m_maxBodyBytes) {
        abortJob(
            job, FetchError::TooLarge,
            QStringLiteral("the response is larger than %1").arg(describeSize(m_maxBodyBytes)));
        return;
    }
    job->idleTimer->start();
}

void FeedFetcher::transferFinished(Job *job)
{
    QNetworkReply *reply = job->reply;
    job->body += reply->readAll();
    if (job->body.size() > m_maxBodyBytes) {
        abortJob(
            job, FetchError::TooLarge,
            QStringLiteral("the response is larger than %1").arg(describeSize(m_maxBodyBytes)));
        return;
    }

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QNetworkReply::NetworkError networkError = reply->error();
    // Codes below 200 are the connection and proxy classes: the transfer itself failed,
    // whatever status line may have arrived before. The rest mirror the HTTP status.
    const bool transferFailed = networkError != QNetworkReply::NoError && int(networkError) < 200;
    const bool decodingFailed = networkError >= QNetworkReply::ProtocolUnknownError
        && networkError <= QNetworkReply::ProtocolFailure;
    if (transferFailed || status == 0) {
        finish(job, networkFailure(job, reply));
        return;
    }
    if (decodingFailed && status >= 200 && status < 300) {
        finish(job,
               job->failure(FetchError::Other,
                            QStringLiteral("could not read the response from %1: %2")
                                .arg(hostOf(job->currentUrl), reply->errorString())));
        return;
    }
    if (isRedirectStatus(status)) {
        followRedirect(job, reply, status);
        return;
    }

    FetchResult result = job->baseResult();
    result.httpStatus = status;
    const auto [mime, charset] = splitContentType(reply->rawHeader("Content-Type"));
    result.contentType = mime;
    result.charset = charset;
    if (reply->hasRawHeader("ETag"))
        result.etag = reply->rawHeader("ETag");
    if (reply->hasRawHeader("Last-Modified"))
        result.lastModified = QString::fromLatin1(reply->rawHeader("Last-Modified"));
    result.maxAgeSeconds = parseMaxAge(reply->rawHeader("Cache-Control"));
    if (const QByteArray location = reply->rawHeader("Content-Location").trimmed();
        !location.isEmpty()) {
        const QUrl resolved = job->currentUrl.resolved(QUrl::fromEncoded(location));
        if (resolved.isValid() && isWebScheme(resolved) && !resolved.host().isEmpty())
            result.contentLocation = resolved.adjusted(QUrl::RemoveFragment);
    }
    // Retry-After also appears on redirects and 201s, where it means something else; only
    // "come back later" answers are reported.
    if (status == 429 || status == 503)
        result.retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"),
                                            QDateTime::currentDateTimeUtc());

    if (status == 304) {
        result.notModified = true;
    } else if (status >= 200 && status < 300) {
        // Qt 6.4 sometimes reports a connection that closed mid-body as a clean end (the EOF
        // is taken for the end of a length-less body). With a plain Content-Length we can
        // tell; with compression QNAM drops the header, and the decoder has to notice.
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        const QByteArray coding = reply->rawHeader("Content-Encoding").trimmed().toLower();
        const bool plain = coding.isEmpty() || coding == "identity";
        if (plain && length.isValid() && job->body.size() < length.toLongLong()) {
            finish(job,
                   job->failure(FetchError::Truncated, truncatedText(job, length.toLongLong())));
            return;
        }
        result.body = std::move(job->body);
    } else {
        QString reason
            = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().trimmed();
        if (reason.isEmpty())
            reason = httpReasonPhrase(status);
        result.error = FetchError::Http;
        result.errorText = QStringLiteral("HTTP %1 %2").arg(status).arg(reason).trimmed();
    }
    finish(job, std::move(result));
}

void FeedFetcher::followRedirect(Job *job, QNetworkReply *reply, int status)
{
    const QByteArray location = reply->rawHeader("Location").trimmed();
    if (location.isEmpty()) {
        finish(job,
               job->failure(FetchError::Http,
                            QStringLiteral("HTTP %1 %2 without a Location")
                                .arg(status)
                                .arg(httpReasonPhrase(status))));
        return;
    }
    // Tolerant: servers send raw spaces and UTF-8 in Location more often than they should.
    const QUrl target = job->currentUrl.resolved(
        QUrl(QString::fromUtf8(location), QUrl::TolerantMode));
    if (target.isValid() && !isWebScheme(target)) {
        finish(job,
               job->failure(FetchError::UnsupportedScheme,
                            QStringLiteral("redirected to an address that is not http or https: %1")
                                .arg(target.toDisplayString())));
        return;
    }
    if (!target.isValid() || target.host().isEmpty()) {
        finish(job,
               job->failure(FetchError::InvalidUrl,
                            QStringLiteral("redirected to an invalid address: %1")
                                .arg(QString::fromUtf8(location))));
        return;
    }
    ++job->redirects;
    if (target == job->currentUrl || job->visited.contains(target)) {
        finish(job,
               job->failure(FetchError::RedirectLoop,
                            QStringLiteral("redirect loop: %1 leads back to %2")
                                .arg(job->currentUrl.toDisplayString(), target.toDisplayString())));
        return;
    }
    if (job->redirects > m_maxRedirects) {
        finish(job,
               job->failure(FetchError::TooManyRedirects,
                            QStringLiteral("more than %1 redirects").arg(m_maxRedirects)));
        return;
    }

    const bool permanent = status == 301 || status == 308;
    if (!permanent) {
        job->allPermanent = false;
        job->leadingPermanent = false;
    } else if (job->leadingPermanent) {
        job->permanentUrl = target;
    }
    qCDebug(lcNet) << status << job->currentUrl.toDisplayString() << "->"
                   << target.toDisplayString();

    reply->disconnect(this);
    reply->deleteLater();
    job->reply = nullptr;
    job->visited.append(job->currentUrl);
    job->currentUrl = target;
    job->body.clear();
    job->tlsErrors.clear();
    startTransfer(job);
}

FetchResult FeedFetcher::networkFailure(Job *job, QNetworkReply *reply) const
{
    const QString host = hostOf(job->currentUrl);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
        return job->failure(FetchError::Dns,
                            QStringLiteral("DNS lookup failed for %1").arg(job->currentUrl.host()));
    case QNetworkReply::ConnectionRefusedError:
        return job->failure(FetchError::Connection,
                            QStringLiteral("connection refused by %1").arg(host));
    case QNetworkReply::RemoteHostClosedError:
        if (status > 0) {
            const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
            return job->failure(FetchError::Truncated,
                                truncatedText(job, length.isValid() ? length.toLongLong() : -1));
        }
        return job->failure(FetchError::Connection,
                            QStringLiteral("%1 closed the connection without answering").arg(host));
    case QNetworkReply::TimeoutError:
        return job->failure(FetchError::Timeout,
                            QStringLiteral("timed out connecting to %1").arg(host));
    case QNetworkReply::OperationCanceledError:
        return job->failure(FetchError::Cancelled, QStringLiteral("cancelled"));
    case QNetworkReply::SslHandshakeFailedError:
        return job->failure(FetchError::Tls,
                            QStringLiteral("TLS error: %1")
                                .arg(job->tlsErrors.isEmpty()
                                         ? reply->errorString()
                                         : job->tlsErrors.join(QLatin1String("; "))));
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return job->failure(FetchError::Connection,
                            QStringLiteral("proxy error: %1").arg(reply->errorString()));
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return job->failure(
            FetchError::Connection,
            QStringLiteral("network error reaching %1: %2").arg(host, reply->errorString()));
    default:
        return job->failure(
            FetchError::Other,
            QStringLiteral("fetching from %1 failed: %2").arg(host, reply->errorString()));
    }
}

void FeedFetcher::cancel(int cookie)
{
    std::vector<Job *> matching;
    for (const auto &job : m_jobs) {
        if (job->request.cookie == cookie)
            matching.push_back(job.get());
    }
    for (Job *job : matching)
        abortJob(job, FetchError::Cancelled, QStringLiteral("cancelled"));
}

void FeedFetcher::cancelAll()
{
    std::vector<Job *> all;
    for (const auto &job : m_jobs)
        all.push_back(job.get());
    for (Job *job : all) {
        // A slot of an earlier fetchFinished may have ended this one already.
        const bool stillRunning = std::any_of(m_jobs.begin(), m_jobs.end(),
                                              [job](const auto &j) { return j.get() == job; });
        if (stillRunning)
            abortJob(job, FetchError::Cancelled, QStringLiteral("cancelled"));
    }
}

void FeedFetcher::abortJob(Job *job, FetchError reason, const QString &text)
{
    qCDebug(lcNet) << "abort" << job->currentUrl.toDisplayString() << text;
    finish(job, job->failure(reason, text));
}

void FeedFetcher::finish(Job *job, FetchResult result)
{
    job->idleTimer->disconnect(this);
    job->idleTimer->stop();
    job->idleTimer->deleteLater(); // may be the sender of the signal we are in
    job->totalTimer->disconnect(this);
    job->totalTimer->stop();
    job->totalTimer->deleteLater();
    if (job->reply) {
        job->reply->disconnect(this);
        if (job->reply->isRunning())
            job->reply->abort();
        job->reply->deleteLater();
    }
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(),
                                 [job](const auto &j) { return j.get() == job; });
    Q_ASSERT(it != m_jobs.end());
    m_jobs.erase(it);

    if (!result.ok())
        qCInfo(lcNet) << "fetch failed:" << result.requestedUrl.toDisplayString()
                      << result.errorText;
    emit fetchFinished(result);
}

QString FeedFetcher::truncatedText(const Job *job, qint64 expectedBytes) const
{
    const QString host = hostOf(job->currentUrl);
    if (expectedBytes >= 0) {
        return QStringLiteral("%1 closed the connection before the whole response arrived "
                              "(%2 of %3 bytes)")
            .arg(host)
            .arg(job->body.size())
            .arg(expectedBytes);
    }
    return QStringLiteral("%1 closed the connection before the whole response arrived "
                          "(%2 bytes received)")
        .arg(host)
        .arg(job->body.size());
}

QString FeedFetcher::timeoutText(std::chrono::milliseconds timeout) const
{
    const qint64 ms = timeout.count();
    if (ms % 1000 == 0)
        return QStringLiteral("timed out after %1 s").arg(ms / 1000);
    return QStringLiteral("timed out after %1 s").arg(double(ms) / 1000.0, 0, 'g', 3);
}

} // namespace bulletin
