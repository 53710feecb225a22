#include "core/related/publisherlinks.h"

#include <QUrl>

namespace bulletin {

namespace {

// An absolute http(s) address, or an invalid URL.
QUrl webAddress(const QString &address)
{
    const QUrl url(address.trimmed());
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    return url;
}

// The site of an address: its host in lower case, without "www.".
QString siteOf(const QUrl &url)
{
    QString host = url.host().toLower();
    if (host.startsWith(QLatin1String("www.")))
        host.remove(0, 4);
    return host;
}

// The page an address shows, for comparing addresses: the site, a port other than the
// scheme's, the path without a trailing slash and the query. Empty for anything but an
// absolute http(s) address.
QString pageOf(const QString &address)
{
    const QUrl url = webAddress(address);
    if (url.isEmpty())
        return {};
    QString page = siteOf(url);
    const int port = url.port(-1);
    if (port != -1 && port != (url.scheme() == QLatin1String("https") ? 443 : 80))
        page += QLatin1Char(':') + QString::number(port);
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    page += path;
    if (url.hasQuery())
        page += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    return page;
}

} // namespace

QList<RelatedLink> otherStoryLinks(const QList<RelatedLink> &related, const StoryPages &story)
{
    if (related.isEmpty())
        return related;
    const QString ownPage = pageOf(story.link);
    const QString idPage = pageOf(story.id);
    const QString homePage = pageOf(story.homePage);
    QString site;
    for (const QString &address : {story.homePage, story.id, story.link}) {
        if (const QUrl url = webAddress(address); !url.isEmpty()) {
            site = siteOf(url);
            break;
        }
    }

    QList<RelatedLink> others;
    others.reserve(related.size());
    for (const RelatedLink &link : related) {
        const QString page = pageOf(link.link);
        if (!page.isEmpty() && (page == ownPage || page == idPage || page == homePage))
            continue;
        if (!page.isEmpty() && link.title.trimmed().isEmpty() && !site.isEmpty()
            && siteOf(webAddress(link.link)) == site)
            continue;
        others << link;
    }
    return others;
}

} // namespace bulletin
