#include "sync/ttrssaccount.h"

#include <QCoreApplication>
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
#include <utility>

namespace bulletin {

namespace {

// tt-rss binds a session to the User-Agent that made it: one constant value.
constexpr auto kUserAgent = "Bulletin (Tiny Tiny RSS sync)";

// tt-rss's feed ids of its virtual feeds.
constexpr int kAllArticles = -4;
constexpr int kStarred = -1;
constexpr int kRecentlyRead = -6;

// How long a call that met a server error (HTTP 5xx) waits before it is sent again.
constexpr int kServerErrorPauseMs = 500;

void pauseAfterServerError()
{
    QEventLoop pause;
    QTimer::singleShot(kServerErrorPauseMs, &pause, &QEventLoop::quit);
    pause.exec(QEventLoop::ExcludeUserInputEvents);
}

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
        return error(RemoteError::Kind::WrongPassword,
                     QStringLiteral("the server refused the user name or password"));
    if (code == QLatin1String("API_DISABLED"))
        return error(
            RemoteError::Kind::ApiDisabled,
            QStringLiteral("API access is disabled for this user (turn on \"Enable API\" in "
                           "Tiny Tiny RSS's preferences)"));
    if (code == QLatin1String("NOT_LOGGED_IN"))
        return error(RemoteError::Kind::SessionExpired,
                     QStringLiteral("the session expired and logging in again did not help"));
    return error(RemoteError::Kind::Refused,
                 QStringLiteral("the server refused the request (%1)")
                     .arg(code.isEmpty() ? QStringLiteral("no reason given") : code));
}

QJsonObject categoriesParams()
{
    return {{QStringLiteral("include_empty"), true}};
}

void readCategories(const QJsonValue &content, QList<RemoteCategory> *categories)
{
    for (const QJsonValue &value : content.toArray()) {
        const QJsonObject object = value.toObject();
        // 0 is "Uncategorized" (the top level), negative ids are tt-rss's own special ones.
        if (number(object.value(QStringLiteral("id"))) <= 0)
            continue;
        categories->append({idText(object.value(QStringLiteral("id"))),
                            object.value(QStringLiteral("title")).toString()});
    }
}

// cat_id -3: every feed, whatever its category.
QJsonObject feedsParams()
{
    return {{QStringLiteral("cat_id"), -3}};
}

void readFeeds(const QJsonValue &content, QList<RemoteFeed> *feeds)
{
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
}

QJsonObject headlinesParams(const HeadlineQuery &query)
{
    QJsonObject params{{QStringLiteral("limit"), std::min(query.pageSize, TtrssAccount::kPageSize)},
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
    return params;
}

RemoteError readHeadlines(const QJsonValue &content, QList<RemoteHeadline> *headlines)
{
    if (!content.isArray())
        return error(RemoteError::Kind::Protocol,
                     QStringLiteral("the server's list of headlines is not a list"));
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

} // namespace

TtrssAccount::TtrssAccount(const QUrl &base, const QString &user, const QString &password,
                           int timeoutMs)
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

QNetworkRequest TtrssAccount::request(const QUrl &url, const QByteArray &contentType,
                                      const QByteArray &cookie) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    if (!cookie.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Cookie"), cookie);
    // A redirect would turn the POST into a GET, which tt-rss answers with nothing useful.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    return request;
}

QList<TtrssAccount::Answer> TtrssAccount::exchange(const QUrl &url, const QByteArray &contentType,
                                                   const QList<QByteArray> &bodies,
                                                   const QByteArray &cookie)
{
    dropReadAhead();
    const QNetworkRequest request = this->request(url, contentType, cookie);
    if (m_observer)
        m_observer(bodies);

    QEventLoop loop;
    QList<QNetworkReply *> replies;
    // The certificate's own words ("self-signed", "expired", "host name mismatch"), which
    // the reply's error string leaves out. They are never ignored.
    QList<QStringList> tlsErrors(bodies.size());
    qsizetype running = bodies.size();
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        QNetworkReply *reply = m_network->post(request, bodies.at(i));
        replies << reply;
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [&tlsErrors, i](const QList<QSslError> &errors) {
                             for (const QSslError &e : errors)
                                 tlsErrors[i] << e.errorString();
                         });
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&loop, &running] {
            if (--running == 0)
                loop.quit();
        });
    }
    if (running > 0)
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    QList<Answer> answers(bodies.size());
    for (qsizetype i = 0; i < replies.size(); ++i) {
        QNetworkReply *reply = replies.at(i);
        reply->deleteLater();
        Answer &answer = answers[i];
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QNetworkReply::NetworkError failure = reply->error();
        if (!tlsErrors.at(i).isEmpty())
            answer.failure = error(
                RemoteError::Kind::Tls,
                QStringLiteral("TLS error: the server's certificate is not trusted (%1)")
                    .arg(tlsErrors.at(i).join(QStringLiteral("; "))));
        else if (failure == QNetworkReply::SslHandshakeFailedError)
            answer.failure = error(RemoteError::Kind::Tls,
                                   QStringLiteral("TLS error: %1").arg(reply->errorString()));
        // The transfer timeout aborts the request: Qt calls that "Operation canceled".
        else if (failure == QNetworkReply::OperationCanceledError)
            answer.failure = error(RemoteError::Kind::Unreachable,
                                   QStringLiteral("the server did not answer within %1 seconds")
                                       .arg((m_timeoutMs + 999) / 1000));
        else if (failure != QNetworkReply::NoError && answer.status == 0)
            answer.failure = error(
                RemoteError::Kind::Unreachable,
                QStringLiteral("the server cannot be reached (%1)").arg(reply->errorString()));
        else
            answer.bytes = reply->readAll();
    }
    return answers;
}

RemoteError TtrssAccount::readAnswer(const Answer &answer, QJsonValue *content,
                                     bool *serverError) const
{
    if (answer.failure)
        return answer.failure;
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(answer.bytes, &parseError).object();
    if (parseError.error != QJsonParseError::NoError
        || !object.contains(QStringLiteral("status"))) {
        *serverError = answer.status >= 500 && answer.status <= 599;
        return answer.status != 200
            ? error(RemoteError::Kind::Protocol,
                    QStringLiteral(
                        "%1 answered HTTP %2, not Tiny Tiny RSS's API (is the address right?)")
                        .arg(m_api.toDisplayString())
                        .arg(answer.status))
            : error(
                RemoteError::Kind::Protocol,
                QStringLiteral("%1 does not answer as Tiny Tiny RSS's API (is the address right?)")
                    .arg(m_api.toDisplayString()));
    }
    *content = object.value(QStringLiteral("content"));
    if (number(object.value(QStringLiteral("status"))) != 0)
        return refused(*content);
    return {};
}

QList<RemoteError> TtrssAccount::postAll(const QList<QJsonObject> &bodies,
                                         QList<QJsonValue> *contents,
                                         QList<qsizetype> *serverErrors)
{
    QList<QByteArray> bytes;
    bytes.reserve(bodies.size());
    for (const QJsonObject &body : bodies)
        bytes << QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QList<Answer> answers = exchange(m_api, QByteArrayLiteral("application/json"), bytes);
    QList<RemoteError> failures(bodies.size());
    contents->resize(bodies.size());
    for (qsizetype i = 0; i < answers.size(); ++i) {
        bool serverError = false;
        failures[i] = readAnswer(answers.at(i), &(*contents)[i], &serverError);
        if (serverErrors && serverError)
            *serverErrors << i;
    }
    return failures;
}

RemoteError TtrssAccount::post(const QJsonObject &body, QJsonValue *content)
{
    QList<QJsonValue> contents;
    QList<qsizetype> troubled;
    RemoteError failure = postAll({body}, &contents, &troubled).constFirst();
    if (!troubled.isEmpty()) {
        // As in callAll: a server error is met once more after a pause.
        pauseAfterServerError();
        failure = postAll({body}, &contents).constFirst();
    }
    *content = contents.constFirst();
    return failure;
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
        return error(RemoteError::Kind::Protocol,
                     QStringLiteral("the server's login answer has no session"));
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
        return error(
            RemoteError::Kind::TooOld,
            QStringLiteral(
                "the server is too old: Tiny Tiny RSS API level %1, Bulletin needs %2 or later")
                .arg(level)
                .arg(kMinimumApiLevel));
    }
    m_sid = sid;
    m_apiLevel = level;
    return {};
}

RemoteError TtrssAccount::call(const QString &op, QJsonObject params, QJsonValue *content)
{
    QList<QJsonValue> contents;
    const RemoteError failure = callAll({{op, std::move(params)}}, &contents);
    *content = contents.value(0);
    return failure;
}

RemoteError TtrssAccount::callAll(const QList<Call> &calls, QList<QJsonValue> *contents)
{
    const bool hadSession = !m_sid.isEmpty();
    if (!hadSession) {
        if (const RemoteError failure = login())
            return failure;
    }
    QList<QJsonObject> bodies;
    for (const Call &c : calls) {
        QJsonObject body = c.params;
        body.insert(QStringLiteral("op"), c.op);
        body.insert(QStringLiteral("sid"), m_sid);
        bodies << body;
    }
    QList<qsizetype> troubled;
    QList<RemoteError> failures = postAll(bodies, contents, &troubled);
    QList<qsizetype> expired;
    for (qsizetype i = 0; i < failures.size(); ++i) {
        if (failures.at(i).kind == RemoteError::Kind::SessionExpired && hadSession)
            expired << i;
    }
    if (!expired.isEmpty()) {
        // The session ended on the server: log in again, once, and repeat those calls.
        if (const RemoteError again = login())
            return again;
        QList<QJsonObject> repeated;
        for (const qsizetype i : std::as_const(expired)) {
            bodies[i].insert(QStringLiteral("sid"), m_sid);
            repeated << bodies.at(i);
        }
        QList<QJsonValue> answers;
        QList<qsizetype> repeatedTrouble;
        const QList<RemoteError> repeatedFailures = postAll(repeated, &answers, &repeatedTrouble);
        for (qsizetype k = 0; k < expired.size(); ++k) {
            failures[expired.at(k)] = repeatedFailures.at(k);
            (*contents)[expired.at(k)] = answers.at(k);
        }
        for (const qsizetype k : std::as_const(repeatedTrouble))
            troubled << expired.at(k);
    }
    if (!troubled.isEmpty()) {
        // An error of the server's own (HTTP 5xx) is often passing: all its workers busy, a
        // lock in its database, a session's row written by two requests at once. The calls
        // it met go once more after a short pause; each is safe to repeat (reads, and marks
        // that set a state rather than toggle it). A second 5xx is the answer.
        pauseAfterServerError();
        std::sort(troubled.begin(), troubled.end());
        troubled.erase(std::unique(troubled.begin(), troubled.end()), troubled.end());
        QList<QJsonObject> repeated;
        for (const qsizetype i : std::as_const(troubled)) {
            bodies[i].insert(QStringLiteral("sid"), m_sid);
            repeated << bodies.at(i);
        }
        QList<QJsonValue> answers;
        const QList<RemoteError> repeatedFailures = postAll(repeated, &answers);
        for (qsizetype k = 0; k < troubled.size(); ++k) {
            failures[troubled.at(k)] = repeatedFailures.at(k);
            (*contents)[troubled.at(k)] = answers.at(k);
        }
    }
    for (const RemoteError &failure : std::as_const(failures)) {
        if (failure)
            return failure;
    }
    return {};
}

RemoteError TtrssAccount::categories(QList<RemoteCategory> *categories)
{
    QJsonValue content;
    if (const RemoteError failure = call(QStringLiteral("getCategories"), categoriesParams(),
                                         &content))
        return failure;
    readCategories(content, categories);
    return {};
}

RemoteError TtrssAccount::feeds(QList<RemoteFeed> *feeds)
{
    QJsonValue content;
    if (const RemoteError failure = call(QStringLiteral("getFeeds"), feedsParams(), &content))
        return failure;
    readFeeds(content, feeds);
    return {};
}

QByteArray TtrssAccount::headlinesBody(const HeadlineQuery &query) const
{
    QJsonObject body = headlinesParams(query);
    body.insert(QStringLiteral("op"), QStringLiteral("getHeadlines"));
    body.insert(QStringLiteral("sid"), m_sid);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void TtrssAccount::dropReadAhead()
{
    if (m_ahead) {
        m_ahead->abort();
        m_ahead->deleteLater();
    }
    m_ahead = nullptr;
    m_aheadBody.clear();
}

void TtrssAccount::readAhead(const HeadlineQuery &query)
{
    dropReadAhead();
    if (m_sid.isEmpty())
        return;
    m_aheadBody = headlinesBody(query);
    if (m_observer)
        m_observer({m_aheadBody});
    m_ahead = m_network->post(request(m_api, QByteArrayLiteral("application/json")), m_aheadBody);
    // Qt starts a request from this thread's event loop, which the caller leaves to store
    // the page before: start it now, so that the server works meanwhile.
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
}

bool TtrssAccount::takeReadAhead(const HeadlineQuery &query, QList<RemoteHeadline> *headlines)
{
    if (!m_ahead || m_aheadBody != headlinesBody(query)) {
        dropReadAhead();
        return false;
    }
    QPointer<QNetworkReply> reply = std::exchange(m_ahead, nullptr);
    m_aheadBody.clear();
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    if (!reply)
        return false;
    reply->deleteLater();
    // Only a whole answer without any error is used; anything else is asked again, where a
    // session that ended or a server error is dealt with.
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status != 200)
        return false;
    QJsonValue content;
    bool serverError = false;
    QList<RemoteHeadline> page;
    if (readAnswer({reply->readAll(), status, {}}, &content, &serverError)
        || readHeadlines(content, &page))
        return false;
    *headlines += page;
    return true;
}

RemoteError TtrssAccount::headlines(const HeadlineQuery &query, QList<RemoteHeadline> *headlines)
{
    if (takeReadAhead(query, headlines))
        return {};
    QJsonValue content;
    if (const RemoteError failure = call(QStringLiteral("getHeadlines"), headlinesParams(query),
                                         &content))
        return failure;
    return readHeadlines(content, headlines);
}

RemoteError TtrssAccount::fetch(const QList<HeadlineQuery> &queries,
                                QList<QList<RemoteHeadline>> *pages, RemoteTree *tree)
{
    QList<Call> calls;
    if (tree) {
        calls << Call{QStringLiteral("getCategories"), categoriesParams()}
              << Call{QStringLiteral("getFeeds"), feedsParams()};
    }
    for (const HeadlineQuery &query : queries)
        calls << Call{QStringLiteral("getHeadlines"), headlinesParams(query)};
    QList<QJsonValue> contents;
    if (const RemoteError failure = callAll(calls, &contents))
        return failure;
    qsizetype next = 0;
    if (tree) {
        readCategories(contents.at(next++), &tree->categories);
        readFeeds(contents.at(next++), &tree->feeds);
    }
    for (; next < contents.size(); ++next) {
        QList<RemoteHeadline> page;
        if (const RemoteError failure = readHeadlines(contents.at(next), &page))
            return failure;
        pages->append(page);
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
        words = QStringLiteral(
            "the page at that address announces several feeds: subscribe to one of them");
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
    return call(QStringLiteral("unsubscribeFeed"),
                {{QStringLiteral("feed_id"), feedId.toLongLong()}}, &content);
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
                            {QStringLiteral("items"),
                             QJsonArray{QJsonObject{{QStringLiteral("_reference"), feed}}}}};
    } else {
        const QString category = QStringLiteral("CAT:") + categoryId;
        tree << QJsonObject{{QStringLiteral("id"), QStringLiteral("root")},
                            {QStringLiteral("items"),
                             QJsonArray{QJsonObject{{QStringLiteral("_reference"), category}}}}}
             << QJsonObject{{QStringLiteral("id"), category},
                            {QStringLiteral("items"),
                             QJsonArray{QJsonObject{{QStringLiteral("_reference"), feed}}}}};
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("op"), QStringLiteral("pref-feeds"));
    form.addQueryItem(QStringLiteral("method"), QStringLiteral("savefeedorder"));
    form.addQueryItem(QStringLiteral("payload"),
                      QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("items"), tree}})
                                            .toJson(QJsonDocument::Compact)));
    const QByteArray body = form.toString(QUrl::FullyEncoded)
                                .replace(QLatin1Char('+'), QStringLiteral("%2B"))
                                .toUtf8();
    const QUrl backend = m_api.resolved(QUrl(QStringLiteral("../backend.php")));
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (m_sid.isEmpty() || attempt > 0) {
            if (const RemoteError failure = login())
                return failure;
        }
        const Answer answer = exchange(backend,
                                       QByteArrayLiteral("application/x-www-form-urlencoded"),
                                       {body}, "ttrss_sid=" + m_sid.toUtf8())
                                  .constFirst();
        if (answer.failure)
            return answer.failure;
        if (answer.status != 200)
            return error(RemoteError::Kind::Refused,
                         QStringLiteral("the server did not move the feed (HTTP %1 from %2)")
                             .arg(answer.status)
                             .arg(backend.toDisplayString()));
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
    return call(QStringLiteral("updateFeed"), {{QStringLiteral("feed_id"), feedId.toLongLong()}},
                &content);
}

} // namespace bulletin
