#include "core/feeds/feeditemstate.h"

#include "core/feeds/feeddate.h"
#include "core/feeds/feedtext.h"
#include "core/html/htmltext.h"
#include "core/html/htmlurlresolver.h"

namespace bulletin {

namespace {

bool isMediaRss(QStringView ns)
{
    // Yahoo's Media RSS namespace, with and without the trailing slash (both are in use).
    return ns == u"http://search.yahoo.com/mrss/" || ns == u"http://search.yahoo.com/mrss";
}

void readMediaElement(XmlCursor &cursor, ItemState &state);

} // namespace

void addCategory(QStringList &categories, const QString &category)
{
    const QString c = collapseWhitespace(category);
    if (!c.isEmpty())
        categories.append(c);
}

std::optional<qint64> parseLength(const QString &text)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < 0)
        return std::nullopt;
    return v;
}

bool readExtensionElement(XmlCursor &cursor, ItemState &state)
{
    ParsedItem &item = state.item;
    const QStringView ns = cursor.namespaceUri();
    const QStringView name = cursor.name();
    if (ns == kDc) {
        if (name == u"title") {
            const XmlCursor::Content c = cursor.readContent();
            if (state.fallbackTitleRank > 1) {
                state.fallbackTitleRank = 1;
                state.fallbackTitle = rssTitleLooksLikeHtml(c.text) ? htmlToPlainText(c.text)
                                                                    : collapseWhitespace(c.text);
            }
        } else if (name == u"creator" || name == u"author") {
            const QString author = authorName(cursor.readText());
            if (state.authorRank > 2 && !author.isEmpty()) {
                state.authorRank = 2;
                item.author = author;
            }
        } else if (name == u"date") {
            const QDateTime d = parseFeedDate(cursor.readText());
            if (d.isValid())
                item.updated = d;
        } else if (name == u"description") {
            const XmlCursor::Content c = cursor.readContent();
            if (state.summaryRank > 1) {
                state.summaryRank = 1;
                item.setHtmlSummary(c.html());
            }
        } else if (name == u"subject") {
            addCategory(item.categories, cursor.readText());
        } else {
            return false;
        }
        return true;
    }
    if (ns == kDcTerms) {
        if (name == u"issued") {
            const QDateTime d = parseFeedDate(cursor.readText());
            if (d.isValid())
                item.published = d;
        } else if (name == u"modified") {
            const QDateTime d = parseFeedDate(cursor.readText());
            if (d.isValid())
                item.updated = d;
        } else {
            return false;
        }
        return true;
    }
    if (ns == kContent && name == u"encoded") {
        const XmlCursor::Content c = cursor.readContent();
        if (!state.hasContent) {
            state.hasContent = true;
            item.contentHtml = c.html();
        }
        return true;
    }
    if (ns == kXhtml && name == u"body") {
        const XmlCursor::Content c = cursor.readContent();
        if (!state.hasContent) {
            state.hasContent = true;
            item.contentHtml = c.xhtml();
        }
        return true;
    }
    if (ns.compare(kItunes, Qt::CaseInsensitive) == 0) {
        if (name == u"author") {
            const QString author = cursor.readText();
            if (state.authorRank > 3 && !author.isEmpty()) {
                state.authorRank = 3;
                item.author = author;
            }
        } else if (name == u"summary") {
            const QString text = cursor.readText();
            if (state.summaryRank > 2) {
                state.summaryRank = 2;
                item.setPlainSummary(text, escapeHtml(text));
            }
        } else if (name == u"duration") {
            if (!state.itunesDuration)
                state.itunesDuration = parseDuration(cursor.readText());
            else
                cursor.skipElement();
        } else {
            return false;
        }
        return true;
    }
    if (isMediaRss(ns)) {
        readMediaElement(cursor, state);
        return true;
    }
    return false;
}

namespace {

void readMediaElement(XmlCursor &cursor, ItemState &state)
{
    ParsedItem &item = state.item;
    const QStringView name = cursor.name();
    if (name == u"group") {
        while (cursor.nextChild()) {
            if (isMediaRss(cursor.namespaceUri()))
                readMediaElement(cursor, state);
            else
                cursor.skipElement();
        }
    } else if (name == u"title") {
        const QString type = cursor.attribute(u"type");
        const QString text = cursor.readText();
        if (state.fallbackTitleRank > 2) {
            state.fallbackTitleRank = 2;
            state.fallbackTitle = type == u"html" ? htmlToPlainText(text) : text;
        }
    } else if (name == u"description") {
        const QString type = cursor.attribute(u"type");
        const XmlCursor::Content c = cursor.readContent();
        if (state.summaryRank > 3) {
            state.summaryRank = 3;
            if (type == u"html")
                item.setHtmlSummary(resolveHtmlUrls(c.text, c.base));
            else
                item.setPlainSummary(collapseWhitespace(c.text), escapeHtml(c.text));
        }
    } else if (name == u"category") {
        addCategory(item.categories, cursor.readText());
    } else if (name == u"content") {
        Enclosure e;
        e.url = cursor.resolve(cursor.attribute(u"url").trimmed());
        e.type = cursor.attribute(u"type").trimmed();
        e.length = parseLength(cursor.attribute(u"fileSize"));
        e.durationSeconds = parseDuration(cursor.attribute(u"duration"));
        // media:content may hold media:title etc. for this one object.
        while (cursor.nextChild()) {
            if (isMediaRss(cursor.namespaceUri()))
                readMediaElement(cursor, state);
            else
                cursor.skipElement();
        }
        if (!e.url.isEmpty())
            item.media.append(e);
    } else if (name == u"thumbnail") {
        const QString url = cursor.resolve(cursor.attribute(u"url").trimmed());
        cursor.skipElement();
        if (item.thumbnailUrl.isEmpty())
            item.thumbnailUrl = url;
    } else {
        cursor.skipElement();
    }
}

} // namespace

} // namespace bulletin
