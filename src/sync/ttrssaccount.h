#pragma once

#include "sync/remoteaccount.h"

#include <QJsonObject>
#include <QNetworkRequest>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace bulletin {

// A Tiny Tiny RSS account, through its JSON API: every call is a POST of a JSON object to
// <base>/api/ (tt-rss ignores form-encoded posts), answered with {"status", "content"}.
// What the server does that shaped this class (docs/sync.md has the rest):
// - the session id from "login" is bound to the User-Agent it was made with, so every
//   request sends the same one;
// - a session ends on its own (timeout, server restart, purge): NOT_LOGGED_IN, after which
//   this logs in again and repeats the call, once;
// - "API_DISABLED" is a user who has not allowed API access in tt-rss's preferences;
// - getHeadlines answers at most 200 headlines a call: page with skip (and since_id);
// - updateArticle takes a comma-separated list of ids, so one call marks a whole batch;
// - calls are independent of each other once there is a session: fetch() sends its calls
//   at once (Qt opens up to six connections to a host), and a server that answers side by
//   side (php-fpm, several workers) answers them in the time of the slowest;
// - the API has no call that moves a feed to another category: moveFeed() uses the one of
//   tt-rss's own preferences (backend.php), which takes the API's session.
// Blocking and not thread-safe: see RemoteAccount.
class TtrssAccount final : public RemoteAccount
{
public:
    // `timeoutMs` bounds each request: a server that stops answering is "unreachable".
    TtrssAccount(const QUrl &base, const QString &user, const QString &password,
                 int timeoutMs = 30000);
    ~TtrssAccount() override;

    // The API level this client needs: since_id, skip and notes in getHeadlines (tt-rss
    // 1.7 and later; Debian 12's tt-rss answers 15).
    static constexpr int kMinimumApiLevel = 8;
    static constexpr int kPageSize = 200;
    static constexpr int kBatch = 500;

    QString kind() const override { return QStringLiteral("ttrss"); }
    RemoteError login() override;
    RemoteError categories(QList<RemoteCategory> *categories) override;
    RemoteError feeds(QList<RemoteFeed> *feeds) override;
    RemoteError headlines(const HeadlineQuery &query, QList<RemoteHeadline> *headlines) override;
    void readAhead(const HeadlineQuery &query) override;
    int maxPageSize() const override { return kPageSize; }
    RemoteError fetch(const QList<HeadlineQuery> &queries, QList<QList<RemoteHeadline>> *pages,
                      RemoteTree *tree = nullptr) override;
    RemoteError send(const RemoteChange &change) override;
    int maxBatch() const override { return kBatch; }
    RemoteError subscribe(const QString &url, const QString &categoryId, QString *feedId) override;
    RemoteError unsubscribe(const QString &feedId) override;
    RemoteError moveFeed(const QString &feedId, const QString &categoryId) override;
    RemoteError updateFeed(const QString &feedId) override;

    // The session in use (empty before login): tests end it on the server to see the
    // client log in again.
    QString sessionId() const { return m_sid; }
    int apiLevel() const { return m_apiLevel; }

    // The User-Agent every request sends (tt-rss binds the session to it).
    static QByteArray userAgent();
    // Sees the bodies of the requests before they are sent, those sent together in one
    // call: the benchmark replays them against the server alone, as they were sent. The
    // requests' password and session are in them.
    using RequestObserver = std::function<void(const QList<QByteArray> &bodies)>;
    void setRequestObserver(RequestObserver observer) { m_observer = std::move(observer); }

private:
    struct Call
    {
        QString op;
        QJsonObject params;
    };
    // Runs one API operation and hands back its "content"; logs in first where needed and
    // again once when the session ended.
    RemoteError call(const QString &op, QJsonObject params, QJsonValue *content);
    // The same for several operations, sent together; contents in the calls' order. The
    // first failure (in that order) is the answer.
    RemoteError callAll(const QList<Call> &calls, QList<QJsonValue> *contents);
    // One request as it is, without logging in (sent once more after a server error).
    RemoteError post(const QJsonObject &body, QJsonValue *content);
    // Requests as they are, sent together, without logging in: each one's failure. Where
    // serverErrors is given, it gets the indices of the requests the server answered with an
    // error of its own (HTTP 5xx) instead of the API's answer.
    QList<RemoteError> postAll(const QList<QJsonObject> &bodies, QList<QJsonValue> *contents,
                               QList<qsizetype> *serverErrors = nullptr);
    // POSTs sent together and their answers' bytes and HTTP statuses; a failure only where
    // no HTTP answer came.
    struct Answer
    {
        QByteArray bytes;
        int status = 0;
        RemoteError failure;
    };
    // One answer read as the API's: its "content", or the failure in words; *serverError
    // tells an error of the server's own (HTTP 5xx) instead of the API's answer.
    RemoteError readAnswer(const Answer &answer, QJsonValue *content, bool *serverError) const;
    QList<Answer> exchange(const QUrl &url, const QByteArray &contentType,
                           const QList<QByteArray> &bodies, const QByteArray &cookie = {});

    // A getHeadlines asked ahead (readAhead): its body, and the reply while it is out.
    QNetworkRequest request(const QUrl &url, const QByteArray &contentType,
                            const QByteArray &cookie = {}) const;
    QByteArray headlinesBody(const HeadlineQuery &query) const;
    void dropReadAhead();
    // The page read ahead for `query`, when it came back whole and without error.
    bool takeReadAhead(const HeadlineQuery &query, QList<RemoteHeadline> *headlines);
    QByteArray m_aheadBody;
    QPointer<QNetworkReply> m_ahead;

    QUrl m_api;
    QString m_user;
    QString m_password;
    int m_timeoutMs;
    QString m_sid;
    int m_apiLevel = 0;
    std::unique_ptr<QNetworkAccessManager> m_network;
    RequestObserver m_observer;
};

} // namespace bulletin
