#include "support/ttrssserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>

namespace bulletin::test {

namespace {

QString scriptPath(const QString &name)
{
    return QStringLiteral(BULLETIN_SOURCE_DIR "/tools/ttrss/") + name;
}

} // namespace

std::optional<TtrssServer> TtrssServer::open(QString *skipReason)
{
    TtrssServer server;
    server.m_state = qEnvironmentVariable("BULLETIN_TTRSS_STATE");
    if (server.m_state.isEmpty()) {
        *skipReason = QStringLiteral(
            "no Tiny Tiny RSS server: run this test through ctest, whose fixture starts one");
        return std::nullopt;
    }
    QFile url(server.m_state + QStringLiteral("/url"));
    if (!url.open(QIODevice::ReadOnly)) {
        QFile reason(server.m_state + QStringLiteral(".skip"));
        *skipReason = reason.open(QIODevice::ReadOnly)
            ? QString::fromUtf8(reason.readAll()).trimmed()
            : QStringLiteral("the Tiny Tiny RSS server did not start (see %1/log)")
                  .arg(server.m_state);
        return std::nullopt;
    }
    server.m_baseUrl = QString::fromUtf8(url.readAll()).trimmed();
    server.m_feedPort = qEnvironmentVariable("TTRSS_FEED_PORT");
    return server;
}

bool TtrssServer::admin(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(scriptPath(QStringLiteral("admin.sh")), QStringList{m_state} + arguments);
    return process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
}

QString TtrssServer::addUser(const QString &prefix)
{
    static int counter = 0;
    const QString name = QStringLiteral("%1_%2_%3_%4")
                             .arg(prefix)
                             .arg(QCoreApplication::applicationPid())
                             .arg(QDateTime::currentMSecsSinceEpoch() % 100000000)
                             .arg(++counter);
    return admin({QStringLiteral("add-user"), name, password()}) ? name : QString();
}

QString TtrssServer::writeFeed(const QString &name, int items, int firstItem)
{
    QByteArray xml
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>"
        + name.toUtf8() + "</title><link>http://127.0.0.1/" + name.toUtf8() + "/</link>\n";
    for (int i = firstItem; i < firstItem + items; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray id = name.toUtf8() + "-" + n;
        xml += "<item><title>" + name.toUtf8() + " story " + n + "</title><link>http://127.0.0.1/"
            + name.toUtf8() + "/" + n + "</link><guid isPermaLink=\"false\">" + id
            + "</guid><pubDate>"
            + QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC)
                  .addSecs(i * 60)
                  .toString(Qt::RFC2822Date)
                  .toUtf8()
            + "</pubDate><description><![CDATA[<p>The text of " + id
            + ".</p>]]></description></item>\n";
    }
    xml += "</channel></rss>\n";
    QFile file(QStringLiteral("%1/feeds/%2.xml").arg(m_state, name));
    if (!file.open(QIODevice::WriteOnly) || file.write(xml) != xml.size())
        return {};
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther
                        | QFileDevice::ReadGroup);
    return QStringLiteral("http://127.0.0.1:%1/%2.xml").arg(m_feedPort, name);
}

QString TtrssServer::addCategory(const QString &user, const QString &title)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(scriptPath(QStringLiteral("admin.sh")),
                  {m_state, QStringLiteral("sql"), QStringLiteral("-")});
    // Bound through psql's variables, as admin.sh's add-user does.
    process.write(
        QStringLiteral("\\set user '%1'\n\\set title '%2'\n"
                       "INSERT INTO ttrss_feed_categories (owner_uid, title) "
                       "SELECT id, :'title' FROM ttrss_users WHERE login = :'user' RETURNING id;\n")
            .arg(user, title)
            .toUtf8());
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        bool ok = false;
        const int id = line.trimmed().toInt(&ok);
        if (ok && id > 0)
            return QString::number(id);
    }
    return {};
}

bool TtrssServer::setPassword(const QString &user, const QString &password)
{
    return admin({QStringLiteral("set-password"), user, password});
}

int TtrssServer::sessionCount()
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(scriptPath(QStringLiteral("admin.sh")),
                  {m_state, QStringLiteral("sql"), QStringLiteral("-")});
    process.write("\\pset tuples_only on\nSELECT count(*) FROM ttrss_sessions;\n");
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return -1;
    bool ok = false;
    const int count = process.readAllStandardOutput().trimmed().toInt(&ok);
    return ok ? count : -1;
}

bool TtrssServer::expireSessions()
{
    return admin({QStringLiteral("expire-sessions")});
}

bool TtrssServer::updateFeeds()
{
    return admin({QStringLiteral("update-feeds")});
}

bool TtrssServer::stopWeb()
{
    return admin({QStringLiteral("stop-web")});
}

bool TtrssServer::startWeb()
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(scriptPath(QStringLiteral("start.sh")), {m_state});
    return process.waitForFinished(120000) && process.exitCode() == 0;
}

TtrssApiClient::TtrssApiClient(const QString &baseUrl, const QString &user, const QString &password)
    : m_api(baseUrl + QStringLiteral("api/"))
    , m_user(user)
    , m_password(password)
{
}

QJsonObject TtrssApiClient::post(const QJsonObject &body)
{
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(m_api)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Another tt-rss client"));
    QNetworkReply *reply = network.post(request,
                                        QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

QJsonValue TtrssApiClient::call(const QString &op, QJsonObject params)
{
    if (m_sid.isEmpty()) {
        const QJsonObject login = post({{QStringLiteral("op"), QStringLiteral("login")},
                                        {QStringLiteral("user"), m_user},
                                        {QStringLiteral("password"), m_password}});
        m_sid = login.value(QStringLiteral("content"))
                    .toObject()
                    .value(QStringLiteral("session_id"))
                    .toString();
        if (m_sid.isEmpty()) {
            m_lastError = QString::fromUtf8(QJsonDocument(login).toJson(QJsonDocument::Compact));
            return {};
        }
    }
    params.insert(QStringLiteral("op"), op);
    params.insert(QStringLiteral("sid"), m_sid);
    const QJsonObject answer = post(params);
    if (answer.value(QStringLiteral("status")).toInt() != 0) {
        m_lastError = QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact));
        return {};
    }
    return answer.value(QStringLiteral("content"));
}

int TtrssApiClient::subscribeAndFetch(const QString &feedUrl, int categoryId)
{
    QJsonObject params{{QStringLiteral("feed_url"), feedUrl}};
    if (categoryId > 0)
        params.insert(QStringLiteral("category_id"), categoryId);
    const QJsonObject answer = call(QStringLiteral("subscribeToFeed"), params).toObject();
    const int feedId = answer.value(QStringLiteral("status"))
                           .toObject()
                           .value(QStringLiteral("feed_id"))
                           .toInt();
    if (feedId <= 0
        || call(QStringLiteral("updateFeed"), {{QStringLiteral("feed_id"), feedId}}).isNull())
        return 0;
    return feedId;
}

QJsonArray TtrssApiClient::headlines(int feedId, const QString &viewMode)
{
    QJsonArray all;
    for (int skip = 0;; skip += 200) {
        const QJsonArray page = call(QStringLiteral("getHeadlines"),
                                     {{QStringLiteral("feed_id"), feedId},
                                      {QStringLiteral("view_mode"), viewMode},
                                      {QStringLiteral("limit"), 200},
                                      {QStringLiteral("skip"), skip}})
                                    .toArray();
        for (const QJsonValue &value : page)
            all << value;
        if (page.size() < 200)
            return all;
    }
}

QString TtrssApiClient::idOfTitle(const QString &title)
{
    for (const QJsonValue &value : headlines()) {
        if (value.toObject().value(QStringLiteral("title")).toString() == title)
            return QString::number(value.toObject().value(QStringLiteral("id")).toInt());
    }
    return {};
}

QJsonObject TtrssApiClient::article(const QString &id)
{
    return call(QStringLiteral("getArticle"), {{QStringLiteral("article_id"), id}})
        .toArray()
        .first()
        .toObject();
}

} // namespace bulletin::test
