#include "core/feeds/jsonfeedreader.h"

#include "core/feeds/feeddate.h"
#include "core/feeds/feedtext.h"
#include "core/html/htmltext.h"
#include "core/html/htmlurlresolver.h"
#include "core/inputlimits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bulletin {

namespace {

QString idString(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        // Numeric ids (JSON Feed 1.0 allowed them) print as decimal integers when integral.
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    return {};
}

QString authorOf(const QJsonObject &o)
{
    const QJsonArray authors = o.value(QLatin1StringView("authors")).toArray();
    for (const QJsonValue &a : authors) {
        const QString name = a.toObject().value(QLatin1StringView("name")).toString();
        if (!name.isEmpty())
            return name;
    }
    return o.value(QLatin1StringView("author"))
        .toObject()
        .value(QLatin1StringView("name"))
        .toString();
}

// A string member, cut to kMaxTextChars (inputlimits.h); *cut counts the strings cut.
QString text(const QJsonObject &o, QLatin1StringView key, int *cut)
{
    QString value = o.value(key).toString();
    if (capText(value))
        ++*cut;
    return value;
}

ParsedItem readItem(const QJsonObject &o, const QString &base, int *cut)
{
    ParsedItem item;
    item.id = idString(o.value(QLatin1StringView("id")));
    item.link = resolveUrl(base, o.value(QLatin1StringView("url")).toString().trimmed());
    item.title = text(o, QLatin1StringView("title"), cut);
    item.published = parseIso8601Date(o.value(QLatin1StringView("date_published")).toString());
    item.updated = parseIso8601Date(o.value(QLatin1StringView("date_modified")).toString());
    item.author = authorOf(o);
    const QString summary = text(o, QLatin1StringView("summary"), cut);
    const QString contentText = text(o, QLatin1StringView("content_text"), cut);
    const QString contentHtml = text(o, QLatin1StringView("content_html"), cut);
    item.contentHtml = contentHtml.isEmpty() ? escapeHtml(contentText)
                                             : resolveHtmlUrls(contentHtml, base);
    if (!summary.isEmpty())
        item.setPlainSummary(collapseWhitespace(summary), {});
    else if (!contentText.isEmpty())
        item.setPlainSummary(collapseWhitespace(contentText), {});
    else // its text when it is asked for, as the XML readers do: not a second copy of every item
        item.setHtmlSummary(contentHtml);
    const QJsonArray tags = o.value(QLatin1StringView("tags")).toArray();
    for (const QJsonValue &t : tags) {
        const QString tag = t.toString().trimmed();
        if (!tag.isEmpty())
            item.categories.append(tag);
    }
    item.categories.removeDuplicates(); // one hash for all tags, not one list scan per tag
    const QJsonArray attachments = o.value(QLatin1StringView("attachments")).toArray();
    for (const QJsonValue &v : attachments) {
        const QJsonObject a = v.toObject();
        Enclosure e;
        e.url = resolveUrl(base, a.value(QLatin1StringView("url")).toString());
        e.type = a.value(QLatin1StringView("mime_type")).toString();
        const QJsonValue size = a.value(QLatin1StringView("size_in_bytes"));
        if (size.isDouble() && size.toDouble() >= 0 && size.toDouble() < 9e18)
            e.length = qint64(size.toDouble());
        e.title = collapseWhitespace(a.value(QLatin1StringView("title")).toString());
        const QJsonValue duration = a.value(QLatin1StringView("duration_in_seconds"));
        if (duration.isDouble())
            e.durationSeconds = parseDuration(QString::number(duration.toDouble(), 'f', 0));
        if (!e.url.isEmpty())
            item.enclosures.append(e);
    }
    item.thumbnailUrl = resolveUrl(base, o.value(QLatin1StringView("image")).toString());
    return item;
}

} // namespace

FeedParseResult readJsonFeed(QByteArray bytes, const QString &documentUrl)
{
    FeedParseResult result;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    bytes = QByteArray(); // the caller's copy was its last one when it passed a temporary
    if (error.error != QJsonParseError::NoError) {
        result.error = QStringLiteral("JSON error at offset %1: %2")
                           .arg(error.offset)
                           .arg(error.errorString());
        return result;
    }
    const QJsonObject root = doc.object();
    const QString version = root.value(QLatin1StringView("version")).toString();
    if (!version.contains(QLatin1StringView("jsonfeed.org/version/"))
        && !root.value(QLatin1StringView("items")).isArray()) {
        result.error = QStringLiteral("not a feed: JSON without a jsonfeed.org version or items");
        return result;
    }
    ParsedFeed feed;
    feed.format = QStringLiteral("json");
    feed.title = root.value(QLatin1StringView("title")).toString();
    feed.link = resolveUrl(documentUrl,
                           root.value(QLatin1StringView("home_page_url")).toString().trimmed());
    feed.description = root.value(QLatin1StringView("description")).toString();
    const QJsonArray items = root.value(QLatin1StringView("items")).toArray();
    int cut = 0;
    feed.items.reserve(items.size());
    for (const QJsonValue &v : items) {
        if (v.isObject())
            feed.items.append(readItem(v.toObject(), documentUrl, &cut));
    }
    feed.entries = int(feed.items.size());
    if (cut > 0)
        feed.warning = textsCutMessage(cut);
    result.feed = std::move(feed);
    return result;
}

} // namespace bulletin
