#include "models/bookmarkexport.h"

#include "core/html/htmlreferences.h"
#include "core/html/htmlurlpolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace bulletin {

namespace {

QString escape(const QString &text)
{
    // escapeHtml drops '\r' with the other control characters. Notes may span lines; the
    // format is line-oriented, so keep each entry on its line.
    return escapeHtml(text).replace(QLatin1Char('\n'), QLatin1String("<br>"));
}

QString isoDate(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QString bookmarkWebLink(const BookmarkRecord &bookmark)
{
    const QString link = safeLinkUrl(bookmark.link, QUrl(bookmark.feedUrl));
    return link.startsWith(QLatin1String("http:"), Qt::CaseInsensitive)
            || link.startsWith(QLatin1String("https:"), Qt::CaseInsensitive)
        ? link
        : QString();
}

QByteArray bookmarksToNetscapeHtml(const QList<BookmarkRecord> &bookmarks, int *unlinked)
{
    int withoutLink = 0;
    QString out = QStringLiteral(
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
        "<!-- This is an automatically generated file.\n"
        "     It will be read and overwritten.\n"
        "     DO NOT EDIT! -->\n"
        "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">\n"
        "<TITLE>Bookmarks</TITLE>\n"
        "<H1>Bookmarks</H1>\n"
        "<DL><p>\n"
        "    <DT><H3>Bulletin</H3>\n"
        "    <DL><p>\n");
    for (const BookmarkRecord &bookmark : bookmarks) {
        const QString link = bookmarkWebLink(bookmark);
        if (link.isEmpty())
            ++withoutLink;
        const QDateTime added = bookmark.createdAt.isValid() ? bookmark.createdAt
                                                             : bookmark.published;
        QString attributes;
        if (!link.isEmpty())
            attributes += QStringLiteral(" HREF=\"%1\"").arg(escapeHtml(link));
        if (added.isValid())
            attributes += QStringLiteral(" ADD_DATE=\"%1\"").arg(added.toSecsSinceEpoch());
        const QString title = bookmark.title.isEmpty()
            ? (link.isEmpty() ? QStringLiteral("(untitled)") : link)
            : bookmark.title;
        out += QStringLiteral("        <DT><A%1>%2</A>\n").arg(attributes, escape(title));
        if (!bookmark.note.isEmpty())
            out += QStringLiteral("        <DD>%1\n").arg(escape(bookmark.note));
    }
    out += QStringLiteral("    </DL><p>\n</DL><p>\n");
    if (unlinked)
        *unlinked = withoutLink;
    return out.toUtf8();
}

QByteArray bookmarksToJson(const QList<BookmarkRecord> &bookmarks)
{
    QJsonArray list;
    for (const BookmarkRecord &b : bookmarks) {
        QJsonObject o;
        o.insert(QStringLiteral("id"), b.articleId ? QJsonValue(*b.articleId) : QJsonValue());
        o.insert(QStringLiteral("bookmark_id"), b.bookmarkId);
        o.insert(QStringLiteral("guid"), b.guid);
        o.insert(QStringLiteral("title"), b.title);
        o.insert(QStringLiteral("link"), b.link);
        o.insert(QStringLiteral("source"), b.source);
        o.insert(QStringLiteral("published"),
                 b.published.isValid() ? QJsonValue(isoDate(b.published)) : QJsonValue());
        o.insert(QStringLiteral("read"), b.read);
        o.insert(QStringLiteral("bookmarked"), true);
        o.insert(QStringLiteral("has_advisory"), b.hasAdvisory);
        o.insert(QStringLiteral("note"), b.note);
        o.insert(QStringLiteral("bookmarked_at"), isoDate(b.createdAt));
        o.insert(QStringLiteral("text"), b.text);
        list.append(o);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("bookmarks"), list}})
        .toJson(QJsonDocument::Indented);
}

} // namespace bulletin
