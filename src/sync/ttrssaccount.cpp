#include "sync/ttrssaccount.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

namespace bulletin {

namespace {

// tt-rss binds a session to the User-Agent that made it: one constant value.
constexpr auto kUserAgent = "Bulletin (Tiny Tiny RSS sync)";

// tt-rss's feed ids of its virtual feeds.
constexpr int kAllArticles = -4;
constexpr int kStarred = -1;
constexpr int kRecentlyRead = -6;

RemoteError error(RemoteError::Kind kind, const QString &words)
{
    return RemoteError{kind, words};
}

QString idText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString::number(value.toVariant().toLongLong());
}

// tt-rss answers numbers as numbers or as strings, depending on the call and the database.
int number(const QJsonValue &value)
{
    return value.isString() ? value.toString().toInt() : value.toInt();
}

RemoteError refused(const QJsonValue &content)
{
    const QString code = content.toObject().value(QStringLiteral("error")).toString();
    if (code == QLatin1String("LOGIN_ERROR"))
        return error(RemoteError::Kind::WrongPassword, QStringLiteral("the server refused the user name or password"));
    if (code == QLatin1String("API_DISABLED"))
        return error(RemoteError::Kind::ApiDisabled,
                     QStringLiteral("API access is disabled for this user (turn on \"Enable API\" in "
                                    "Tiny Tiny RSS's preferences)"));
    if (code == QLatin1String("NOT_LOGGED_IN"))
        return error(RemoteError::Kind::SessionExpired,
                     QStringLiteral("the session expired and logging in again did not help"));
    return error(RemoteError::Kind::Refused,
                 QStringLiteral("the server refused the request (%1)").arg(code.isEmpty() ? QStringLiteral("no reason given") : code));
}

} // namespace

TtrssAccount::TtrssAccount(const QUrl &base, const QString &user, const QString &password, int timeoutMs)
    : m_user(user)
    , m_password(password)
    , m_timeoutMs(timeoutMs)
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    QUrl root = base;
    if (!root.path().endsWith(QLatin1Char('/')))
        root.setPath(root.path() + QLatin1Char('/'));
    m_api = root.resolved(QUrl(QStringLiteral("api/")));
}

TtrssAccount::~TtrssAccount() = default;

QByteArray TtrssAccount::userAgent()
{
    return QByteArray(kUserAgent);
}

RemoteError TtrssAccount::exchange(const QUrl &url, const QByteArray &contentType, const QByteArray &body,
                                   const QByteArray &cookie, QByteArray *answer, int *status)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    if (!cookie.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Cookie"), cookie);
    // A redirect would turn the POST into a GET, which tt-rss answers with nothing useful.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    if (m_observer)
        m_observer(body);

    QNetworkReply *reply = m_network->post(request, body);
    // The certificate's own words ("self-signed", "expired", "host name mismatch"), which
    // the reply's error string leaves out. They are never ignored.
    QStringList tlsErrors;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&tlsErrors](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            tlsErrors << e.errorString();
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    const std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)> owner(reply, [](QNetworkReply *r) { r->deleteLater(); });

    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError failure = reply->error();
    if (!tlsErrors.isEmpty())
        return error(RemoteError::Kind::Tls, QStringLiteral("TLS error: the server's certificate is not trusted (%1)")
                                                 .arg(tlsErrors.join(QStringLiteral("; "))));
    if (failure == QNetworkReply::SslHandshakeFailedError)
        return error(RemoteError::Kind::Tls, QStringLiteral("TLS error: %1").arg(reply->errorString()));
    // The transfer timeout aborts the request: Qt calls that "Operation canceled".
    if (failure == QNetworkReply::OperationCanceledError)
        return error(RemoteError::Kind::Unreachable,
                     QStringLiteral("the server did not answer within %1 seconds").arg((m_timeoutMs + 999) / 1000));
    if (failure != QNetworkReply::NoError && *status == 0)
        return error(RemoteError::Kind::Unreachable,
                     QStringLiteral("the server cannot be reached (%1)").arg(reply->errorString()));
    *answer = reply->readAll();
    return {};
}

RemoteError TtrssAccount::post(const QJsonObject &body, QJsonValue *content)
{
    QByteArray bytes;
    int status = 0;
    if (const RemoteError failure = exchange(m_api, QByteArrayLiteral("application/json"),
                                             QJsonDocument(body).toJson(QJsonDocument::Compact), {}, &bytes, &status))
        return failure;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    const QJsonObject answer = document.object();
    if (parseError.error != QJsonParseError::NoError || !answer.contains(QStringLiteral("status"))) {
        if (status != 200)
            return error(RemoteError::Kind::Protocol,
                         QStringLiteral("%1 answered HTTP %2, not Tiny Tiny RSS's API (is the address right?)")
                             .arg(m_api.toDisplayString())
                             .arg(status));
        return error(RemoteError::Kind::Protocol,
                     QStringLiteral("%1 does not answer as Tiny Tiny RSS's API (is the address right?)")
                         .arg(m_api.toDisplayString()));
    }
    *content = answer.value(QStringLiteral("content"));
    if (number(answer.value(QStringLiteral("status"))) != 0)
        return refused(*content);
    return {};
}

RemoteError TtrssAccount::login()
{
    m_sid.clear();
    QJsonValue content;
    if (const RemoteError failure = post({{QStringLiteral("op"), QStringLiteral("login")},
                                          {QStringLiteral("user"), m_user},
                                          {QStringLiteral("password"), m_password}},
                                         &content))
        return failure;
    const QJsonObject session = content.toObject();
    const QString sid = session.value(QStringLiteral("session_id")).toString();
    if (sid.isEmpty())
        return error(RemoteError::Kind::Protocol, QStringLiteral("the server's login answer has no session"));
    int level = number(session.value(QStringLiteral("api_level")));
    if (level == 0) {
        // Servers before API level 5 did not tell it at login.
        m_sid = sid;
        QJsonValue answer;
        if (const RemoteError failure = post({{QStringLiteral("op"), QStringLiteral("getApiLevel")},
                                              {QStringLiteral("sid"), sid}},
                                             &answer)) {
            m_sid.clear();
            return failure;
        }
        level = number(answer.toObject().value(QStringLiteral("level")));
    }
    if (level < kMinimumApiLevel) {
        m_sid.clear();
        return error(RemoteError::Kind::TooOld,
                     QStringLiteral("the server is too old: Tiny Tiny RSS API level %1, Bulletin needs %2 or later")
                         .arg(level)
                         .arg(kMinimumApiLevel));
    }
    m_sid = sid;
    m_apiLevel = level;
    return {};
}

RemoteError TtrssAccount::call(const QString &op, QJsonObject params, QJsonValue *content)
{
    const bool hadSession = !m_sid.isEmpty();
    if (!hadSession) {
        if (const RemoteError failure = login())
            return failure;
    }
    params.insert(QStringLiteral("op"), op);
    params.insert(QStringLiteral("sid"), m_sid);
    RemoteError failure = post(params, content);
    if (failure.kind == RemoteError::Kind::SessionExpired && hadSession) {
        // The session ended on the server: log in again, once, and repeat the call.
        if (const RemoteError again = login())
            return again;
        params.insert(QStringLiteral("sid"), m_sid);
        failure = post(params, content);
    }
    return failure;
}

RemoteError TtrssAccount::categories(QList<RemoteCategory> *categories)
{
    QJsonValue content;
    if (const RemoteError failure = call(QStringLiteral("getCategories"),
                                         {{QStringLiteral("include_empty"), true}}, &content))
        return failure;
    for (const QJsonValue &value : content.toArray()) {
        const QJsonObject object = value.toObject();
        // 0 is "Uncategorized" (the top level), negative ids are tt-rss's own special ones.
        if (number(object.value(QStringLiteral("id"))) <= 0)
            continue;
        categories->append({idText(object.value(QStringLiteral("id"))), object.value(QStringLiteral("title")).toString()});
    }
    return {};
}

RemoteError TtrssAccount::feeds(QList<RemoteFeed> *feeds)
{
    QJsonValue content;
    // cat_id -3: every feed, whatever its category.
    if (const RemoteError failure = call(QStringLiteral("getFeeds"), {{QStringLiteral("cat_id"), -3}}, &content))
        return failure;
    for (const QJsonValue &value : content.toArray()) {
        const QJsonObject object = value.toObject();
        if (number(object.value(QStringLiteral("id"))) <= 0)
            continue;
        RemoteFeed feed;
        feed.id = idText(object.value(QStringLiteral("id")));
        feed.title = object.value(QStringLiteral("title")).toString();
        feed.url = object.value(QStringLiteral("feed_url")).toString();
        const int category = number(object.value(QStringLiteral("cat_id")));
        if (category > 0)
            feed.categoryId = QString::number(category);
        feed.unread = number(object.value(QStringLiteral("unread")));
        feeds->append(feed);
    }
    return {};
}

RemoteError TtrssAccount::headlines(const HeadlineQuery &query, QList<RemoteHeadline> *headlines)
{
    QJsonObject params{{QStringLiteral("limit"), std::min(query.pageSize, kPageSize)},
                       {QStringLiteral("skip"), query.skip},
                       {QStringLiteral("show_content"), query.withContent},
                       {QStringLiteral("view_mode"), QStringLiteral("all_articles")}};
    const qint64 feed = query.feedId.isEmpty() ? kAllArticles : query.feedId.toLongLong();
    switch (query.set) {
    case HeadlineQuery::Set::All:
        params.insert(QStringLiteral("feed_id"), feed);
        break;
    case HeadlineQuery::Set::Unread:
        params.insert(QStringLiteral("feed_id"), feed);
        params.insert(QStringLiteral("view_mode"), QStringLiteral("unread"));
        break;
    case HeadlineQuery::Set::Starred:
        params.insert(QStringLiteral("feed_id"), kStarred);
        break;
    case HeadlineQuery::Set::RecentlyRead:
        params.insert(QStringLiteral("feed_id"), kRecentlyRead);
        break;
    }
    if (!query.sinceId.isEmpty())
        params.insert(QStringLiteral("since_id"), query.sinceId.toLongLong());
    QJsonValue content;
    if (const RemoteError failure = call(QStringLiteral("getHeadlines"), params, &content))
        return failure;
    if (!content.isArray())
        return error(RemoteError::Kind::Protocol, QStringLiteral("the server's list of headlines is not a list"));
    for (const QJsonValue &value : content.toArray()) {
        const QJsonObject object = value.toObject();
        RemoteHeadline h;
        h.id = idText(object.value(QStringLiteral("id")));
        h.feedId = idText(object.value(QStringLiteral("feed_id")));
        h.feedTitle = object.value(QStringLiteral("feed_title")).toString();
        h.guid = object.value(QStringLiteral("guid")).toString();
        h.title = object.value(QStringLiteral("title")).toString();
        h.link = object.value(QStringLiteral("link")).toString();
        h.author = object.value(QStringLiteral("author")).toString();
        const qint64 updated = object.value(QStringLiteral("updated")).toVariant().toLongLong();
        if (updated > 0)
            h.updated = QDateTime::fromSecsSinceEpoch(updated, Qt::UTC);
        h.html = object.value(QStringLiteral("content")).toString();
        h.unread = object.value(QStringLiteral("unread")).toBool();
        h.starred = object.value(QStringLiteral("marked")).toBool();
        h.note = object.value(QStringLiteral("note")).toString();
        headlines->append(h);
    }
    return {};
}

RemoteError TtrssAccount::send(const RemoteChange &change)
{
    // updateArticle's fields: 0 starred, 2 unread, 3 note; mode 0 off, 1 on.
    QJsonObject params{{QStringLiteral("article_ids"), change.ids.join(QLatin1Char(','))}};
    switch (change.field) {
    case RemoteChange::Field::Read:
        params.insert(QStringLiteral("field"), 2);
        params.insert(QStringLiteral("mode"), change.value ? 0 : 1);
        break;
    case RemoteChange::Field::Starred:
        params.insert(QStringLiteral("field"), 0);
        params.insert(QStringLiteral("mode"), change.value ? 1 : 0);
        break;
    case RemoteChange::Field::Note:
        params.insert(QStringLiteral("field"), 3);
        params.insert(QStringLiteral("mode"), 1);
        params.insert(QStringLiteral("data"), change.note);
        break;
    }
    QJsonValue content;
    return call(QStringLiteral("updateArticle"), params, &content);
}

RemoteError TtrssAccount::subscribe(const QString &url, const QString &categoryId, QString *feedId)
{
    QJsonValue content;
    if (const RemoteError failure = call(QStringLiteral("subscribeToFeed"),
                                         {{QStringLiteral("feed_url"), url},
                                          {QStringLiteral("category_id"), categoryId.toLongLong()}},
                                         &content))
        return failure;
    const QJsonObject status = content.toObject().value(QStringLiteral("status")).toObject();
    const int code = number(status.value(QStringLiteral("code")));
    if (code == 0 || code == 1) { // already subscribed, added
        *feedId = idText(status.value(QStringLiteral("feed_id")));
        return {};
    }
    // subscribeToFeed's codes (Feeds::subscribe_to_feed).
    QString words;
    switch (code) {
    case 2:
        words = QStringLiteral("the server finds the address invalid");
        break;
    case 3:
        words = QStringLiteral("the page at that address announces no feed");
        break;
    case 4:
        words = QStringLiteral("the page at that address announces several feeds: subscribe to one of them");
        break;
    case 5:
        words = QStringLiteral("the server could not download the address (%1)")
                    .arg(status.value(QStringLiteral("message")).toString());
        break;
    default:
        words = QStringLiteral("the server could not subscribe (code %1)").arg(code);
        break;
    }
    return error(RemoteError::Kind::Refused, words);
}

RemoteError TtrssAccount::unsubscribe(const QString &feedId)
{
    QJsonValue content;
    return call(QStringLiteral("unsubscribeFeed"), {{QStringLiteral("feed_id"), feedId.toLongLong()}}, &content);
}

RemoteError TtrssAccount::moveFeed(const QString &feedId, const QString &categoryId)
{
    // The JSON API has no call that moves a feed. tt-rss's own preferences move one with
    // backend.php's pref-feeds "savefeedorder" (dragging a feed in its feed tree), which
    // takes the API's session as its cookie and no form token. It is given the feed alone
    // in its new category: tt-rss sets the feed's category and puts it first there, and
    // puts that category at the top level of its tree (Bulletin's folders have one level).
    // Whether the feed moved is then read back from the feed list, and a session that
    // ended in between is logged in again, once.
    const QString feed = QStringLiteral("FEED:") + feedId;
    QJsonArray tree;
    if (categoryId.isEmpty()) {
        tree << QJsonObject{{QStringLiteral("id"), QStringLiteral("root")},
                            {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("_reference"), feed}}}}};
    } else {
        const QString category = QStringLiteral("CAT:") + categoryId;
        tree << QJsonObject{{QStringLiteral("id"), QStringLiteral("root")},
                            {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("_reference"), category}}}}}
             << QJsonObject{{QStringLiteral("id"), category},
                            {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("_reference"), feed}}}}};
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("op"), QStringLiteral("pref-feeds"));
    form.addQueryItem(QStringLiteral("method"), QStringLiteral("savefeedorder"));
    form.addQueryItem(QStringLiteral("payload"),
                      QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("items"), tree}}).toJson(QJsonDocument::Compact)));
    const QByteArray body = form.toString(QUrl::FullyEncoded).replace(QLatin1Char('+'), QStringLiteral("%2B")).toUtf8();
    const QUrl backend = m_api.resolved(QUrl(QStringLiteral("../backend.php")));
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (m_sid.isEmpty() || attempt > 0) {
            if (const RemoteError failure = login())
                return failure;
        }
        QByteArray answer;
        int status = 0;
        if (const RemoteError failure = exchange(backend, QByteArrayLiteral("application/x-www-form-urlencoded"), body,
                                                 "ttrss_sid=" + m_sid.toUtf8(), &answer, &status))
            return failure;
        if (status != 200)
            return error(RemoteError::Kind::Refused,
                         QStringLiteral("the server did not move the feed (HTTP %1 from %2)").arg(status).arg(backend.toDisplayString()));
        QList<RemoteFeed> list;
        if (const RemoteError failure = feeds(&list))
            return failure;
        for (const RemoteFeed &f : std::as_const(list)) {
            if (f.id == feedId && f.categoryId == categoryId)
                return {};
        }
    }
    return error(RemoteError::Kind::Refused, QStringLiteral("the server did not move the feed"));
}

RemoteError TtrssAccount::updateFeed(const QString &feedId)
{
    QJsonValue content;
    return call(QStringLiteral("updateFeed"), {{QStringLiteral("feed_id"), feedId.toLongLong()}}, &content);
}

} // namespace bulletin
