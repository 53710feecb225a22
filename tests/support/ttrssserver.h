#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace bulletin::test {

// The real Tiny Tiny RSS server of the sync tests: started for them by the CTest fixture
// (tests/sync/CMakeLists.txt, tools/ttrss/start.sh) on ports of the build's own, and found
// through the environment it sets (BULLETIN_TTRSS_STATE, TTRSS_PORT, TTRSS_PG_PORT,
// TTRSS_FEED_PORT). Where the fixture could not start it (not root, tt-rss not installed)
// open() says why, for QSKIP.
//
// Each test takes a user of its own (addUser) and feed files of its own names, so that
// tests share nothing on the server. What a server administrator or another client does
// (end every session, stop the web server, drive the API) is done for real. Blocking.
class TtrssServer final
{
public:
    static std::optional<TtrssServer> open(QString *skipReason);

    QString baseUrl() const { return m_baseUrl; }
    QString stateDir() const { return m_state; }

    // A new user with API access, named after `prefix` and unique to this run.
    QString addUser(const QString &prefix);
    static QString password() { return QStringLiteral("test-password"); }

    // Writes an RSS feed of `items` stories ("<name> story N", guids "<name>-N") into the
    // folder the feed server serves; returns its address.
    QString writeFeed(const QString &name, int items, int firstItem = 1);

    // A category of the user's, made as tt-rss's preferences would (the API cannot); its id.
    QString addCategory(const QString &user, const QString &title);

    // The user's password changed on the server (tt-rss then ends the user's sessions).
    bool setPassword(const QString &user, const QString &password);
    bool expireSessions();
    // How many sessions the server holds, of every user (-1 on error).
    int sessionCount();
    bool updateFeeds(); // tt-rss's own updater fetches every feed
    bool stopWeb();
    bool startWeb(); // start.sh again: brings the web server back

private:
    bool admin(const QStringList &arguments);

    QString m_state;
    QString m_baseUrl;
    QString m_feedPort;
};

// Another client of the server, driving its JSON API directly, as a phone app would.
class TtrssApiClient final
{
public:
    TtrssApiClient(const QString &baseUrl, const QString &user, const QString &password);

    // Logs in when needed; returns the answer's content (null on failure, with the error
    // in the log).
    QJsonValue call(const QString &op, QJsonObject params = {});
    QString lastError() const { return m_lastError; }

    // Subscribes to the feed (into the category, when given) and has the server fetch it
    // now, as a user of tt-rss's web pages would; the feed's id, 0 on failure.
    int subscribeAndFetch(const QString &feedUrl, int categoryId = 0);

    // Shortcuts: the server's ids of the headlines of every feed, and one story's state.
    QJsonArray headlines(int feedId = -4, const QString &viewMode = QStringLiteral("all_articles"));
    QString idOfTitle(const QString &title);
    QJsonObject article(const QString &id);

private:
    QJsonObject post(const QJsonObject &body);

    QString m_api;
    QString m_user;
    QString m_password;
    QString m_sid;
    QString m_lastError;
};

} // namespace bulletin::test
