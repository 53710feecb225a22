#include "services/feedarticles.h"

#include "core/advisory/capadvisory.h"
#include "core/html/htmlsanitizer.h"
#include "core/html/htmltext.h"
#include "core/related/publisherlinks.h"
#include "core/textutil.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace bulletin {

namespace {

QString preferredLanguage()
{
    return QLocale().name().section(QLatin1Char('_'), 0, 0);
}

// The files that go with an alert (a map, an image, the full text), as links at the end of
// its story: the reader treats them as any link of a story (opened in the browser on
// request, never loaded).
QString resourcesHtml(const CapInfo *info)
{
    if (!info || info->resources.isEmpty())
        return {};
    QString html = QStringLiteral("<p>Resources:</p><ul>");
    for (const CapResource &resource : info->resources) {
        QString label = resource.description.isEmpty() ? resource.uri : resource.description;
        if (!resource.mimeType.isEmpty())
            label += QStringLiteral(" (%1)").arg(resource.mimeType);
        html += QStringLiteral("<li><a href=\"%1\">%2</a></li>")
                    .arg(escapeHtml(resource.uri), escapeHtml(label));
    }
    return html + QStringLiteral("</ul>");
}

// The enclosures a story keeps: the item's enclosures, then its media:content objects that
// are not among them. A feed can write anything, so what is kept is what the reader can
// safely offer: http and https addresses only (a javascript:, file: or data: enclosure is
// left out: nothing would open or save it), of a sane size; a type that is not a MIME type, a
// length no file has or a title like a page's text is dropped rather than shown.
QList<Enclosure> storableEnclosures(const ParsedItem &item)
{
    constexpr int kMaxEnclosures = 50;
    constexpr int kMaxUrl = 4096;
    constexpr int kMaxTitle = 300;
    constexpr qint64 kMaxLength = 1000LL * 1000 * 1000 * 1000; // 1 TB: more is a feed's error
    QList<Enclosure> kept;
    QSet<QString> seen;
    for (const QList<Enclosure> *list : {&item.enclosures, &item.media}) {
        for (Enclosure e : *list) {
            if (kept.size() == kMaxEnclosures)
                return kept;
            const QUrl url(e.url, QUrl::StrictMode);
            const QString scheme = url.scheme().toLower();
            if (e.url.size() > kMaxUrl || !url.isValid() || url.host().isEmpty()
                || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
                continue;
            if (seen.contains(e.url))
                continue;
            seen.insert(e.url);
            static const QRegularExpression mimeType(
                QStringLiteral("^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+$"));
            e.type = e.type.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
            if (e.type.size() > 100 || !mimeType.match(e.type).hasMatch())
                e.type.clear();
            if (e.length && (*e.length <= 0 || *e.length > kMaxLength))
                e.length.reset(); // "0" is how many feeds say they do not know
            e.title = e.title.left(kMaxTitle);
            kept << e;
        }
    }
    return kept;
}

// A story for a CAP alert that came without a feed item (a bare <alert> document).
Article articleFromAlert(const CapAlert &alert, const QDateTime &now)
{
    Article article;
    article.advisory = advisoryFromCap(alert, preferredLanguage(), now);
    article.guid = QStringLiteral("cap:%1,%2").arg(alert.sender, alert.identifier);
    article.published = alert.sent;
    const CapInfo *info = preferredInfo(alert, preferredLanguage());
    article.title = article.advisory ? article.advisory->headline : alert.identifier;
    if (info && !info->areaDesc.isEmpty() && !article.title.contains(info->areaDesc.first()))
        article.title += QStringLiteral(" \u2014 ") + info->areaDesc.first();
    if (info && !info->senderName.isEmpty())
        article.author = info->senderName;
    QStringList paragraphs;
    if (info) {
        for (const QString &block : {info->description, info->instruction}) {
            for (const QString &p : block.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                paragraphs << QStringLiteral("<p>%1</p>").arg(escapeHtml(p.trimmed()));
        }
        if (!info->event.isEmpty())
            article.categories << info->event;
    }
    article.html = paragraphs.join(QLatin1Char('\n')) + resourcesHtml(info);
    return article;
}

// The date an item's story is listed by. Atom entries often carry only <updated>, and alert
// entries their CAP <sent>: the list shows a date for them rather than none.
QDateTime itemDate(const ParsedItem &item)
{
    if (item.published.isValid())
        return item.published;
    return item.alert && item.alert->sent.isValid() ? item.alert->sent : item.updated;
}

Article articleFromItem(const ParsedItem &item, const QString &homePage, const QDateTime &now)
{
    Article article;
    article.title = item.title;
    article.link = item.link;
    article.author = item.author;
    article.published = itemDate(item);
    article.updated = item.updated;
    article.html = item.contentHtml.isEmpty() ? item.summaryHtml : item.contentHtml;
    article.categories = item.categories;
    article.related = otherStoryLinks(item.related, {item.link, item.id, homePage});
    article.enclosures = storableEnclosures(item);
    if (!item.id.isEmpty())
        article.guid = item.id;
    else if (!item.link.isEmpty())
        article.guid = item.link;
    else
        article.guid = contentId((item.title + QLatin1Char('\n') + article.html).toUtf8());
    if (item.alert) {
        article.advisory = advisoryFromCap(*item.alert, preferredLanguage(), now);
        if (article.html.isEmpty() && !item.alert->info.isEmpty()) {
            const Article fromAlert = articleFromAlert(*item.alert, now);
            article.html = fromAlert.html;
        } else {
            article.html += resourcesHtml(preferredInfo(*item.alert, preferredLanguage()));
        }
    }
    if (article.title.isEmpty())
        article.title = item.summaryText().left(120);
    return article;
}

} // namespace

QDateTime latestFeedDate(const ParsedFeed &feed)
{
    QDateTime latest = feed.updated;
    const auto note = [&latest](const QDateTime &date) {
        if (date.isValid() && (!latest.isValid() || date > latest))
            latest = date;
    };
    if (feed.format == QLatin1String("cap")) {
        for (const CapAlert &alert : feed.alerts)
            note(alert.sent);
    } else {
        for (const ParsedItem &item : feed.items)
            note(itemDate(item));
    }
    return latest;
}

QList<Article> articlesFromFeed(const ParsedFeed &feed, const QDateTime &now,
                                const QStringList &advisoryHeadings, const QDateTime &lastModified)
{
    QList<Article> articles;
    if (feed.format == QLatin1String("cap")) {
        for (const CapAlert &alert : feed.alerts)
            articles << articleFromAlert(alert, now);
    } else {
        for (const ParsedItem &item : feed.items)
            articles << articleFromItem(item, feed.link, now);
    }
    // The latest date the document gives, but no later than it was last changed: an undated
    // story of it is no newer than that.
    QDateTime feedDate = latestFeedDate(feed);
    if (lastModified.isValid() && (!feedDate.isValid() || lastModified < feedDate))
        feedDate = lastModified;
    const AdvisoryHeadingMatcher headings(advisoryHeadings);
    for (Article &article : articles) {
        if (!article.published.isValid() && !article.updated.isValid())
            article.listedBy = feedDate;
        // The list shows every story by its title, and the cache refuses a story without one.
        if (article.title.trimmed().isEmpty())
            article.title = QStringLiteral("(untitled)");
        SanitizeOptions options;
        options.baseUrl = article.link;
        options.textOnly = true; // the page is sanitised again when it is shown
        article.text = sanitizeHtml(article.html, options).text;
        if (!article.advisory) {
            // The banner shows the section: the body loses it, the text keeps it for search.
            article.advisory = takeAdvisorySection(
                article, headings, article.author.isEmpty() ? feed.title : article.author, options);
        } else {
            article.text += QStringLiteral("\n\n") + article.advisory->headline + QLatin1Char('\n')
                + article.advisory->text;
        }
    }
    return articles;
}

} // namespace bulletin
