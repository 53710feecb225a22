#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace bulletin {

// Why a call to a sync server failed, in a kind the engine and the window can act on, and
// in words a user can act on.
struct RemoteError
{
    enum class Kind {
        None,
        WrongPassword, // the server refused the user and password
        ApiDisabled, // the user has not allowed API access (tt-rss: Preferences)
        Unreachable, // no answer: DNS, refused connection, timeout
        Tls, // the server's certificate or the TLS handshake failed
        SessionExpired, // the session ended and logging in again did not help
        TooOld, // the server's API is older than this client needs
        Refused, // the server answered the request with an error of its own
        Protocol, // the answer is not what the API promises
    };
    Kind kind = Kind::None;
    QString words;

    explicit operator bool() const { return kind != Kind::None; }
};

struct RemoteCategory
{
    QString id;
    QString title;
};

struct RemoteFeed
{
    QString id;
    QString title;
    QString url;
    QString siteUrl;
    QString categoryId; // empty: top level
    int unread = 0;
};

// A story as the server lists it, with its state there.
struct RemoteHeadline
{
    QString id; // the server's id; ids grow as stories arrive
    QString feedId;
    QString feedTitle;
    QString guid;
    QString title;
    QString link;
    QString author;
    QDateTime updated;
    QString html; // empty unless content was asked for
    bool unread = false;
    bool starred = false;
    QString note;
};

// Which headlines to list: one page of at most pageSize, newest first.
struct HeadlineQuery
{
    enum class Set {
        All, // every story of every feed
        Unread, // unread stories (of feedId, or of every feed)
        Starred, // starred stories
        RecentlyRead, // stories marked read in about the last day, latest first
    };
    Set set = Set::All;
    QString feedId; // empty: every feed
    QString sinceId; // only stories newer than this id
    int skip = 0;
    int pageSize = 200;
    bool withContent = false;
};

// The account's categories and feeds, as one answer.
struct RemoteTree
{
    QList<RemoteCategory> categories;
    QList<RemoteFeed> feeds;
};

// A batch of changes of one kind to send: one call per batch.
struct RemoteChange
{
    enum class Field { Read, Starred, Note };
    Field field = Field::Read;
    bool value = false; // Read, Starred
    QString note; // Note ("" clears it)
    QStringList ids; // Note: one id per batch
};

// One kind of sync server (Tiny Tiny RSS; the Google Reader API and Nextcloud News are the
// next). A new kind implements this class, and its name in accountkinds.cpp; the stores,
// the sync engine and the window stay as they are (docs/sync.md).
//
// Calls block until the server answers or the request times out: an account lives on the
// sync's own thread (SyncService), never on the GUI thread. A kind keeps its session itself
// and logs in again on its own when the server says the session ended, once per call.
// Not thread-safe: use it on the thread that made it.
class RemoteAccount
{
public:
    virtual ~RemoteAccount() = default;

    virtual QString kind() const = 0;
    // Logs in (also checks that the server is new enough). Every other call logs in first
    // when there is no session yet.
    virtual RemoteError login() = 0;
    virtual RemoteError categories(QList<RemoteCategory> *categories) = 0;
    // Every feed, with its unread count.
    virtual RemoteError feeds(QList<RemoteFeed> *feeds) = 0;
    // One page; fewer than query.pageSize headlines means the last page.
    virtual RemoteError headlines(const HeadlineQuery &query, QList<RemoteHeadline> *headlines) = 0;
    // The largest page headlines() answers.
    virtual int maxPageSize() const = 0;
    // One page of each query, in order, and the categories and feeds when `tree` is given:
    // the reads a sync starts with, asked together. A kind whose server answers requests
    // side by side sends them at once, so that the sync waits for the slowest answer, not
    // for their sum. On a failure the pages and tree are incomplete: the caller uses none
    // of them. This default asks them one after another.
    virtual RemoteError fetch(const QList<HeadlineQuery> &queries,
                              QList<QList<RemoteHeadline>> *pages, RemoteTree *tree = nullptr);
    // A hint that headlines(query) comes next: a kind that can ask for it now does, so that
    // the server works on the page while the caller stores the one before. The answer is
    // used by the next headlines() of the same query only if it came back whole and without
    // any error; else that call asks again as usual (logging in, repeating after a server
    // error). By default nothing is asked ahead.
    virtual void readAhead(const HeadlineQuery &query) { Q_UNUSED(query); }
    // Sends one batch; the largest batch a call takes is maxBatch().
    virtual RemoteError send(const RemoteChange &change) = 0;
    virtual int maxBatch() const = 0;
    // Subscribes the account to a feed address (in a category, or at the top level with an
    // empty id); *feedId is the server's id of the feed.
    virtual RemoteError subscribe(const QString &url, const QString &categoryId, QString *feedId)
        = 0;
    virtual RemoteError unsubscribe(const QString &feedId) = 0;
    // Moves the feed into the category (to the top level with an empty id).
    virtual RemoteError moveFeed(const QString &feedId, const QString &categoryId) = 0;
    // Asks the server to fetch the feed now.
    virtual RemoteError updateFeed(const QString &feedId) = 0;
};

} // namespace bulletin
