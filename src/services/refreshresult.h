#pragma once

#include <QMetaType>
#include <QString>

namespace bulletin {

// What refreshing one feed did. Plain value, handed from the writer thread to the GUI thread.
struct RefreshResult
{
    enum class Status {
        Ok, // fetched, parsed and stored
        NotModified, // 304: nothing to store
        Error, // see error; recorded as the feed's last error
        Cancelled, // stopped before it was stored; nothing recorded
    };

    qint64 feedId = 0;
    QString url; // the feed's URL after this refresh (moved on a permanent redirect)
    QString movedFrom; // the old URL when a permanent redirect moved the subscription
    Status status = Status::Error;
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int removed = 0; // stories retention took out
    int advisories = 0; // of the added and updated stories, those that carry an advisory
    QString error; // in words: "DNS failure: ...", "HTTP 404", "not a feed", ...
    QString warning; // the parser recovered from broken input (stored anyway), in words:
                     // "not well-formed at line 14, column 1 (...); 3 stories recovered"

    bool ok() const { return status == Status::Ok || status == Status::NotModified; }
};

// Stable lower-case names for JSON: "ok", "not-modified", "error", "cancelled".
inline QString refreshStatusName(RefreshResult::Status status)
{
    switch (status) {
    case RefreshResult::Status::Ok:
        return QStringLiteral("ok");
    case RefreshResult::Status::NotModified:
        return QStringLiteral("not-modified");
    case RefreshResult::Status::Error:
        return QStringLiteral("error");
    case RefreshResult::Status::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("error");
}

} // namespace bulletin

Q_DECLARE_METATYPE(bulletin::RefreshResult)
