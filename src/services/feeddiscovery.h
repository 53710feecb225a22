#pragma once

#include <QByteArray>
#include <QList>
#include <QUrl>

namespace bulletin {

// The feeds a web page announces: its <link rel="alternate"> elements whose type is
// application/rss+xml, application/atom+xml or application/feed+json (also the older
// application/json), resolved against the page's URL (or its <base href>), in document
// order, without duplicates. Only http(s) results. Pure: no network.
QList<QUrl> discoverFeeds(const QByteArray &html, const QUrl &pageUrl);

} // namespace bulletin
