#pragma once

#include "core/article.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bulletin {

// What the feed parsers return: immutable values, no database ids, no network.
// services/feedarticles.h turns each ParsedItem into an Article to store.

// A CAP <resource>: a file that goes with the alert (a map, an image, the full text).
struct CapResource
{
    QString description; // <resourceDesc>, plain text
    QString mimeType;
    QString uri; // absolute where it could be resolved (xml:base, the alert's address)
};

struct CapInfo
{
    QString language;
    QString event;
    QString headline;
    QString description;
    QString instruction;
    QString severity;
    QString urgency;
    QString certainty;
    QString senderName;
    QDateTime effective;
    QDateTime onset;
    QDateTime expires;
    QStringList areaDesc;
    QList<CapResource> resources; // those with a <uri>; an inline <derefUri> is not kept
};

struct CapAlert
{
    QString capVersion; // "1.1", "1.2" or empty
    QString identifier;
    QString sender;
    QDateTime sent;
    QString status;
    QString msgType;
    QString scope;
    QStringList references;
    QList<CapInfo> info;
    // For alerts carried by a feed entry: "embedded", "index" or "none"; empty for a bare
    // <alert> document.
    QString carried;
    QString entryId;
    QString entryTitle;
    QString entryLink;
};

struct ParsedItem
{
    QString title; // plain text
    QString link; // absolute where it could be resolved
    QString id; // as written, never normalised
    QDateTime published; // UTC, invalid when absent or unparseable
    QDateTime updated;
    QString author;
    QString summaryHtml; // summary as HTML (unsanitised)
    QString contentHtml; // full content as HTML (unsanitised), may be empty
    QList<Enclosure> enclosures;
    QStringList categories; // each once, in the order of first appearance
    QList<RelatedLink> related; // Atom link rel="related"
    QList<Enclosure> media; // media:content objects (kept apart from RSS/Atom enclosures)
    QString thumbnailUrl; // first media:thumbnail
    std::optional<CapAlert> alert; // CAP-carrying feeds: the alert of this entry

    // Plain text of the summary (or of the content when there is no summary). A summary
    // written as HTML is turned into text when this is asked for, not while parsing: a
    // refresh makes each story's text from its HTML with the sanitiser, and needs this text
    // only for an item without a title.
    QString summaryText() const;
    // A summary written as HTML: its text follows from it.
    void setHtmlSummary(const QString &html);
    // A summary written as plain text, with the HTML that shows it.
    void setPlainSummary(const QString &text, const QString &html);

private:
    QString m_plainSummary;
    bool m_summaryIsHtml = false;
};

struct ParsedFeed
{
    QString format; // "rss", "rdf", "atom", "json", or "cap" for a bare <alert>
    QString title; // plain text; for a bare <alert>, its sender's name (else address)
    QString link;
    QString description; // plain text
    QList<ParsedItem> items;
    QList<CapAlert> alerts; // bare <alert>: one; CAP feeds: one per entry; else empty
    bool isCapFeed = false; // a feed whose entries carry or link CAP alerts
    int entries = 0; // number of entry/item elements
    bool wellFormed = true;
    QString warning; // what was recovered from, for a lenient parse
    int ttlMinutes = 0; // RSS <ttl> or equivalent, 0 when absent
    // The document's own date, UTC: the latest of an RSS channel's lastBuildDate, pubDate and
    // dc:date, or Atom's feed <updated> (0.3: <modified>); invalid when absent. JSON Feed
    // has none.
    QDateTime updated;
};

struct FeedParseResult
{
    std::optional<ParsedFeed> feed;
    QString error; // one line, says what is wrong and where; set when !feed
};

} // namespace bulletin

// Nothing in an item points into the item itself, so a list of them grows by moving its
// bytes (realloc) rather than by copying every item into a new block next to the old one:
// a feed of 50,000 items otherwise held its item list twice while the list grew.
Q_DECLARE_TYPEINFO(bulletin::ParsedItem, Q_RELOCATABLE_TYPE);
