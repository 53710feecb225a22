#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace bulletin {

// The subscription list an OPML file carries, as plain values. A parser never learns about
// the database: turning these into subscriptions is the subscribe/import service's job.

// One subscription. folderPath lists the enclosing folders from the outermost in; it is
// empty for a feed at the top level.
struct OpmlFeed
{
    QString url; // the feed's address (OPML xmlUrl), always http or https
    QString title; // OPML text (or title when text is missing); may be empty
    QString siteUrl; // OPML htmlUrl; may be empty
    QStringList folderPath;

    friend bool operator==(const OpmlFeed &, const OpmlFeed &) = default;
};

struct OpmlDocument
{
    QString title; // head/title
    QList<OpmlFeed> feeds; // in document order, one per distinct URL
    // Human-readable notes about entries that were skipped, merged or adjusted, each
    // starting with "line N:" so a user can find the entry in the file.
    QStringList problems;
};

struct OpmlParseResult
{
    OpmlDocument document;
    // Empty on success. Otherwise the file could not be read as OPML at all (not XML, no
    // <opml> root, entity declarations); document then holds what was read before that.
    QString error;

    bool ok() const { return error.isEmpty(); }
};

} // namespace bulletin
