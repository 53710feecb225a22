#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace bulletin {

// One feed to fetch. The validators are what the previous successful fetch returned
// (FetchResult::etag / lastModified); with them the server can answer 304 Not Modified.
struct FetchRequest
{
    QUrl url;
    QByteArray etag; // sent as If-None-Match, verbatim (quotes and W/ included)
    QString lastModified; // sent as If-Modified-Since, verbatim
    int cookie = 0; // the caller's id for this fetch, typically the feed id
};

} // namespace bulletin
