#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace bulletin {

// A feed a web page announces, as the page describes it.
struct DiscoveredFeed
{
    QUrl url;
    QString title; // the link's title attribute (entities decoded, spaces simplified); may be empty
    QString format; // "RSS", "Atom" or "JSON Feed", from the announced type

    // The title, else the address: what a list of choices shows.
    QString label() const { return title.isEmpty() ? url.toDisplayString() : title; }
};

// The feeds a web page announces: its <link rel="alternate"> elements whose type is
// application/rss+xml, application/atom+xml or application/feed+json (also the older
// application/json and application/rdf+xml), resolved against the page's URL (or its
// <base href>), in document order, without duplicates. Only http(s) results. Pure: no
// network.
QList<DiscoveredFeed> discoverFeeds(const QByteArray &html, const QUrl &pageUrl);

} // namespace bulletin
