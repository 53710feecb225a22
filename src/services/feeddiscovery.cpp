#include "services/feeddiscovery.h"

#include "core/html/htmlreferences.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace bulletin {

namespace {

// Pages are discovered by a light scan of their tags rather than a full HTML parse: only
// <link> and <base> in the head matter, and a scan copes with the broken markup pages have.
QHash<QString, QString> attributes(const QString &tag)
{
    static const QRegularExpression attribute(QStringLiteral(
        "([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*(?:=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?"));
    QHash<QString, QString> result;
    auto it = attribute.globalMatch(tag);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(1).toLower();
        if (result.contains(name))
            continue;
        QString value = m.captured(2);
        if (value.isNull())
            value = m.captured(3);
        if (value.isNull())
            value = m.captured(4);
        result.insert(name, value.trimmed());
    }
    return result;
}

// The feed format an announced type names, or an empty string for a type that is no feed.
QString feedFormat(const QString &type)
{
    const QString mime = type.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (mime == QLatin1String("application/rss+xml")
        || mime == QLatin1String("application/rdf+xml"))
        return QStringLiteral("RSS");
    if (mime == QLatin1String("application/atom+xml"))
        return QStringLiteral("Atom");
    if (mime == QLatin1String("application/feed+json") || mime == QLatin1String("application/json"))
        return QStringLiteral("JSON Feed");
    return {};
}

} // namespace

QList<DiscoveredFeed> discoverFeeds(const QByteArray &html, const QUrl &pageUrl)
{
    // Feeds are announced in the head; a few hundred KB covers any real one.
    const QString text = QString::fromUtf8(html.left(512 * 1024));
    static const QRegularExpression comment(QStringLiteral("<!--.*?-->"),
                                            QRegularExpression::DotMatchesEverythingOption);
    QString page = text;
    page.remove(comment);

    static const QRegularExpression tag(QStringLiteral("<(link|base)\\b([^>]*)>"),
                                        QRegularExpression::CaseInsensitiveOption);
    QUrl base = pageUrl;
    QList<DiscoveredFeed> feeds;
    auto it = tag.globalMatch(page);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QHash<QString, QString> attrs = attributes(m.captured(2));
        // Query strings in attributes are written with &amp;.
        const QString href = decodeHtmlCharacterReferences(attrs.value(QStringLiteral("href")),
                                                           ReferenceContext::AttributeValue);
        if (href.isEmpty())
            continue;
        if (m.captured(1).compare(QLatin1String("base"), Qt::CaseInsensitive) == 0) {
            base = pageUrl.resolved(QUrl(href));
            continue;
        }
        const QStringList rel = attrs.value(QStringLiteral("rel"))
                                    .toLower()
                                    .split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QString format = feedFormat(attrs.value(QStringLiteral("type")));
        if (!rel.contains(QLatin1String("alternate")) || format.isEmpty())
            continue;
        const QUrl url = base.resolved(QUrl(href));
        const bool known = std::any_of(feeds.cbegin(), feeds.cend(),
                                       [&](const DiscoveredFeed &f) { return f.url == url; });
        if ((url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            && !known)
            feeds.append(
                {url,
                 decodeHtmlCharacterReferences(attrs.value(QStringLiteral("title"))).simplified(),
                 format});
    }
    return feeds;
}

} // namespace bulletin
