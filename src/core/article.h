#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bulletin {

// Plain value types shared by every layer. They carry no behaviour and no database ids
// except where a field says so; turning them into rows is the storage layer's job.

// A public advisory attached to a story: from a CAP alert, an advisory section in an
// article, or a user rule.
struct Advisory
{
    QString headline;
    QString text; // description (plain text)
    QString instruction; // what to do (plain text), may be empty
    QString severity; // CAP scale: Extreme, Severe, Moderate, Minor, Unknown
    QString urgency; // CAP: Immediate, Expected, Future, Past, Unknown
    QString certainty; // CAP: Observed, Likely, Possible, Unlikely, Unknown
    QString issuer; // sender name or publisher
    QString area; // area description(s), joined with "; "
    QDateTime effective; // invalid when unknown
    QDateTime onset;
    QDateTime expires;
    QString status; // active, expired, superseded, cancelled
    QString msgType; // Alert, Update, Cancel (CAP); empty for article sections
    QString identifier; // CAP identifier, when from CAP
    QString sender; // CAP sender, when from CAP
    QStringList references; // CAP "sender,identifier,sent" triples this one supersedes
    QString origin; // "section", "cap" or "rule"
};

// A link from one story to another: the publisher's own related/"More Stories" links,
// or related coverage found in the cache.
struct RelatedLink
{
    QString title;
    QString link; // may be empty (headline-only)
    QString kind = QStringLiteral("publisher"); // "publisher" or "coverage"
};

// A file that goes with a story: a podcast's episode, a video, an attached image or document
// (RSS <enclosure>, Atom link rel="enclosure", JSON Feed attachments, media:content).
struct Enclosure
{
    QString url; // absolute where it could be resolved
    QString type; // MIME type as the feed gives it, may be empty
    std::optional<qint64> length; // bytes, when the feed says
    QString title; // Atom's and JSON Feed's title, may be empty
    std::optional<qint64> durationSeconds; // itunes:duration, media:content duration, JSON Feed's
};

// A story ready to be stored: what an importer or a feed item produces.
struct Article
{
    QString guid; // the feed's id for the item; stable across refreshes
    QString title;
    QString link;
    QString author;
    QDateTime published; // UTC; invalid when unknown
    QDateTime updated; // UTC; invalid when unknown
    // For a story without a date of its own: the latest date its feed document gives (its
    // own, or its newest story's); invalid when unknown. Never shown as the story's date: it
    // keeps an undated story from sorting above everything in a newest-first list, where it
    // otherwise sits at the time Bulletin first saw it.
    QDateTime listedBy;
    QString html; // body as (unsanitised) HTML
    QString text; // plain text of the body
    QStringList categories;
    bool headlineOnly = false; // only the headline is known (e.g. a "More Stories" entry)
    std::optional<Advisory> advisory;
    QList<RelatedLink> related;
    QList<Enclosure> enclosures; // in the feed's order
};

} // namespace bulletin
