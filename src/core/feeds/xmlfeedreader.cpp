#include "core/feeds/xmlfeedreader.h"

#include "core/feeds/capreader.h"
#include "core/feeds/feeddate.h"
#include "core/feeds/feeditemstate.h"
#include "core/feeds/feedtext.h"
#include "core/html/htmltext.h"
#include "core/inputlimits.h"

#include <QLoggingCategory>

namespace bulletin {

Q_LOGGING_CATEGORY(lcFeedParser, "bulletin.core.feeds")

namespace {

// Namespaces that RSS 2.0 feeds have used for their own elements.
bool isRssNamespace(QStringView ns)
{
    return ns.isEmpty() || ns == kRss10 || ns == kRss090
        || ns == u"http://backend.userland.com/rss2" || ns == u"http://backend.userland.com/rss"
        || ns == u"http://blogs.law.harvard.edu/tech/rss" || ns == u"http://purl.org/net/rss1.1#";
}

// RSS element names are matched case-insensitively: iTunes does so, and podcast feeds
// written for it use <TiTlE> (feedparser's itunes_core_element_uppercase case).
// The length first: most names differ in it. ASCII names are compared here; a name with
// other characters goes through QStringView's case folding, as it always did.
template<std::size_t N>
bool is(QStringView name, const char (&expected)[N])
{
    if (name.size() != qsizetype(N - 1))
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        if (c >= 0x80)
            return name.compare(QLatin1StringView(expected, N - 1), Qt::CaseInsensitive) == 0;
        const char16_t e = char16_t(expected[i]);
        if (c != e && ((c | 0x20) != (e | 0x20) || (e | 0x20) < 'a' || (e | 0x20) > 'z'))
            return false;
    }
    return true;
}

bool isHtmlLinkType(QStringView type)
{
    return type.isEmpty() || type.compare(u"text/html", Qt::CaseInsensitive) == 0
        || type.compare(u"application/xhtml+xml", Qt::CaseInsensitive) == 0;
}

// RFC 4287 3.1.1.3/4.1.3.3: a text construct or content whose type is neither text nor
// XML holds base64.
bool isBase64Type(QStringView type)
{
    const QString t = type.trimmed().toString().toLower();
    if (!t.contains(u'/'))
        return false;
    return !t.startsWith(u"text/") && !t.endsWith(u"+xml") && !t.endsWith(u"/xml");
}

// The feed's own date is the latest it gives (an RSS channel may carry both pubDate and
// lastBuildDate).
void noteFeedDate(ParsedFeed &feed, const QDateTime &date)
{
    if (date.isValid() && (!feed.updated.isValid() || date > feed.updated))
        feed.updated = date;
}

// A bare <alert> has no title of its own: its sender names it (the first <senderName>,
// else the <sender> address), so a subscription or an imported file is not called after
// the host or the file name it came from.
QString capSenderTitle(const CapAlert &alert)
{
    for (const CapInfo &info : alert.info) {
        if (!info.senderName.trimmed().isEmpty())
            return collapseWhitespace(info.senderName);
    }
    return alert.sender.trimmed();
}

} // namespace

XmlFeedReader::XmlFeedReader(XmlInput &&input, const QString &documentUrl)
    : m_cursor(input.utf8, std::move(input.setAside), documentUrl)
{
}

bool XmlFeedReader::isCore(QStringView ns) const
{
    if (m_dialect == Dialect::Rss)
        return isRssNamespace(ns);
    return ns.isEmpty() || isAtom(ns) || ns == m_rootNamespace;
}

bool XmlFeedReader::isAtom(QStringView ns) const
{
    return isAtomNamespace(ns);
}

FeedParseResult XmlFeedReader::read()
{
    FeedParseResult result;
    if (!m_cursor.nextChild()) {
        // Only a prolog, comments or nothing: say so rather than "premature end".
        result.error = m_cursor.hasError() && !m_cursor.endedTooEarly()
            ? m_cursor.errorLine()
            : QStringLiteral("not a feed: no root element");
        return result;
    }
    ParsedFeed feed;
    const QStringView root = m_cursor.name();
    const QStringView ns = m_cursor.namespaceUri();
    if (root == u"rss" || (root == u"channel" && ns.isEmpty())) {
        feed.format = QStringLiteral("rss");
        if (root == u"channel")
            readChannel(feed);
        else
            readRssChildren(feed);
    } else if (root == u"RDF") {
        feed.format = QStringLiteral("rdf");
        readRssChildren(feed);
    } else if (root == u"feed") {
        feed.format = QStringLiteral("atom");
        m_dialect = Dialect::Atom;
        // feedparser's atom_namespace cases: a <feed version="0.3"> in a namespace nobody
        // registered is still read as Atom.
        m_rootNamespace = ns.toString();
        m_atom03 = ns == kAtom03 || (ns.isEmpty() && m_cursor.attribute(u"version") == u"0.3");
        readAtomFeed(feed);
    } else if (root == u"alert") {
        feed.format = QStringLiteral("cap");
        feed.alerts.append(readCapAlert(m_cursor));
        feed.title = capSenderTitle(feed.alerts.constFirst());
    } else {
        result.error = QStringLiteral("not a feed: root element <%1>").arg(root.toString());
        return result;
    }
    if (m_cursor.hasError()) {
        feed.wellFormed = false;
        feed.warning = m_cursor.errorLine();
        qCDebug(lcFeedParser) << "recovered from" << feed.warning;
    }
    if (m_cursor.cutTexts() > 0) {
        const QString cut = textsCutMessage(m_cursor.cutTexts());
        feed.warning = feed.warning.isEmpty() ? cut : feed.warning + QStringLiteral("; ") + cut;
    }
    for (const ParsedItem &item : std::as_const(feed.items)) {
        if (item.alert) {
            feed.isCapFeed = true;
            break;
        }
    }
    if (feed.isCapFeed) {
        // One alert per entry, in order, as the ParsedFeed contract says; entries that carry
        // nothing get a "none" alert that only identifies them.
        for (const ParsedItem &item : std::as_const(feed.items)) {
            if (item.alert) {
                feed.alerts.append(*item.alert);
            } else {
                CapAlert none;
                none.carried = QStringLiteral("none");
                none.entryId = item.id;
                none.entryTitle = item.title;
                none.entryLink = item.link;
                feed.alerts.append(none);
            }
        }
    }
    result.feed = std::move(feed);
    return result;
}

void XmlFeedReader::readRssChildren(ParsedFeed &feed)
{
    while (m_cursor.nextChild()) {
        const QStringView name = m_cursor.name();
        if (name == u"channel" && isRssNamespace(m_cursor.namespaceUri()))
            readChannel(feed);
        else if (name == u"item")
            readItem(feed); // RDF items are siblings of the channel; some RSS 0.9x too
        else
            m_cursor.skipElement();
    }
}

void XmlFeedReader::readChannel(ParsedFeed &feed)
{
    while (m_cursor.nextChild()) {
        if (m_cursor.name() == u"item" && isRssNamespace(m_cursor.namespaceUri()))
            readItem(feed);
        else if (!readFeedElement(feed))
            m_cursor.skipElement();
    }
}

void XmlFeedReader::readAtomFeed(ParsedFeed &feed)
{
    while (m_cursor.nextChild()) {
        if (m_cursor.name() == u"entry" && isCore(m_cursor.namespaceUri()))
            readItem(feed);
        else if (!readFeedElement(feed))
            m_cursor.skipElement();
    }
}

bool XmlFeedReader::readFeedElement(ParsedFeed &feed)
{
    const QStringView ns = m_cursor.namespaceUri();
    const QStringView name = m_cursor.name();
    const bool core = isCore(ns);
    if (core && m_dialect == Dialect::Rss) {
        if (is(name, "title")) {
            const XmlCursor::Content c = m_cursor.readContent();
            if (feed.title.isEmpty()) {
                feed.title = c.hasElements || rssTitleLooksLikeHtml(c.text)
                    ? htmlToPlainText(c.hasElements ? c.markup : c.text)
                    : collapseWhitespace(c.text);
            }
            return true;
        }
        if (is(name, "link")) {
            const QString link = m_cursor.readText();
            if (feed.link.isEmpty())
                feed.link = m_cursor.resolve(link);
            return true;
        }
        if (is(name, "description")) {
            const XmlCursor::Content c = m_cursor.readContent();
            if (feed.description.isEmpty())
                feed.description = htmlToPlainText(c.hasElements ? c.markup : c.text);
            return true;
        }
        if (is(name, "ttl")) {
            feed.ttlMinutes = m_cursor.readText().toInt();
            return true;
        }
        if (is(name, "lastBuildDate") || is(name, "pubDate")) {
            noteFeedDate(feed, parseFeedDate(m_cursor.readText()));
            return true;
        }
        return false;
    }
    if (core || isAtom(ns)) {
        if (name == u"title") {
            QString plain;
            readTextConstruct(&plain, nullptr);
            if (feed.title.isEmpty())
                feed.title = plain;
            return true;
        }
        if (name == u"subtitle" || name == u"tagline") {
            QString plain;
            readTextConstruct(&plain, nullptr);
            if (feed.description.isEmpty())
                feed.description = plain;
            return true;
        }
        if (name == u"link") {
            const QString rel = m_cursor.attribute(u"rel").trimmed();
            const QString type = m_cursor.attribute(u"type").trimmed();
            const QString href = m_cursor.resolve(m_cursor.attribute(u"href").trimmed());
            m_cursor.skipElement();
            if (feed.link.isEmpty() && (rel.isEmpty() || rel == u"alternate")
                && isHtmlLinkType(type))
                feed.link = href;
            return true;
        }
        if (name == u"updated" || name == u"modified") {
            noteFeedDate(feed, parseFeedDate(m_cursor.readText()));
            return true;
        }
        return false;
    }
    if (ns == kDc && name == u"title") {
        const QString t = m_cursor.readText();
        if (feed.title.isEmpty())
            feed.title = t;
        return true;
    }
    if (ns == kDc && name == u"date") {
        noteFeedDate(feed, parseFeedDate(m_cursor.readText()));
        return true;
    }
    return false;
}

namespace {

bool nothingRead(const ItemState &state)
{
    return state.item.id.isEmpty() && state.guid.isEmpty() && !state.hasTitle
        && state.fallbackTitle.isEmpty() && !state.hasRssLink && state.atomLink.isEmpty()
        && state.capLink.isEmpty() && !state.hasContent && state.summaryRank == 100
        && !state.embedded && state.index.isEmpty();
}

} // namespace

void XmlFeedReader::readItem(ParsedFeed &feed)
{
    ItemState state;
    if (m_dialect == Dialect::Rss) {
        // RDF items are identified by rdf:about.
        const QString about = m_cursor.attribute(u"about");
        if (!about.isEmpty())
            state.item.id = about.trimmed();
    }
    ++feed.entries;
    m_embeddedAlertHook = [&state](XmlCursor &c) {
        if (!isCapNamespace(c.namespaceUri()) || c.name() != u"alert")
            return false;
        CapAlert alert = readCapAlert(c);
        alert.carried = QStringLiteral("embedded");
        if (!state.embedded)
            state.embedded = std::move(alert);
        return true;
    };
    while (m_cursor.nextChild())
        readItemElement(state);
    m_embeddedAlertHook = nullptr;

    ParsedItem &item = state.item;
    // A document cut off just after an item began ("<item><g"): there is no item to recover,
    // and keeping it would store an empty, untitled story.
    if (m_cursor.hasError() && nothingRead(state)) {
        --feed.entries;
        return;
    }
    item.categories.removeDuplicates();
    if (!state.hasTitle)
        item.title = state.fallbackTitle;
    if (m_dialect == Dialect::Rss) {
        if (!state.guid.isEmpty() && item.id.isEmpty())
            item.id = state.guid;
        if (item.link.isEmpty())
            item.link = state.atomLink;
        if (item.link.isEmpty() && state.guidIsPermaLink)
            item.link = resolveUrl(state.guidBase, state.guid);
    } else {
        item.link = state.atomLink;
    }
    if (state.itunesDuration) {
        // A podcast's episode is its item's first enclosure that has no duration of its own.
        for (Enclosure &e : item.enclosures) {
            if (!e.durationSeconds) {
                e.durationSeconds = state.itunesDuration;
                break;
            }
        }
    }
    if (state.summaryRank == 100 && state.hasContent) {
        // The content stands in for a missing summary.
        item.setHtmlSummary(item.contentHtml);
    }

    if (state.embedded) {
        item.alert = std::move(state.embedded);
    } else if (!state.index.isEmpty()) {
        item.alert = state.index.alert();
    } else if (!state.capLink.isEmpty()) {
        // USGS style: the entry links its CAP document (type application/cap+xml).
        item.alert = CapAlert{};
        item.alert->carried = QStringLiteral("none");
    }
    if (item.alert) {
        item.alert->entryId = item.id;
        item.alert->entryTitle = state.rawTitle;
        item.alert->entryLink = m_dialect == Dialect::Atom
            ? (state.capLink.isEmpty() ? state.atomLink : state.capLink)
            : item.link;
    }
    feed.items.append(std::move(state.item));
}

void XmlFeedReader::readItemElement(ItemState &state)
{
    const QStringView ns = m_cursor.namespaceUri();
    if (isCapNamespace(ns)) {
        if (m_cursor.name() == u"alert") {
            CapAlert alert = readCapAlert(m_cursor);
            alert.carried = QStringLiteral("embedded");
            if (!state.embedded)
                state.embedded = std::move(alert);
        } else {
            state.index.readElement(m_cursor);
        }
        return;
    }
    if (m_dialect == Dialect::Rss && isRssNamespace(ns) && readCoreRssElement(state))
        return;
    if ((isAtom(ns) || (m_dialect == Dialect::Atom && ns.isEmpty())) && readAtomElement(state))
        return;
    if (readExtensionElement(m_cursor, state))
        return;
    // Unknown markup: skipped, but a CAP <alert> anywhere inside still counts as embedded.
    m_cursor.skipElement(m_embeddedAlertHook);
}

bool XmlFeedReader::readCoreRssElement(ItemState &state)
{
    ParsedItem &item = state.item;
    const QStringView name = m_cursor.name();
    if (is(name, "title")) {
        const XmlCursor::Content c = m_cursor.readContent();
        if (!state.hasTitle) {
            state.hasTitle = true;
            state.rawTitle = collapseWhitespace(c.text);
            if (c.hasElements)
                item.title = htmlToPlainText(c.markup);
            else if (rssTitleLooksLikeHtml(c.text))
                item.title = htmlToPlainText(c.text);
            else
                item.title = state.rawTitle;
        }
    } else if (is(name, "link")) {
        const QString link = m_cursor.readText();
        if (!state.hasRssLink && !link.isEmpty()) {
            state.hasRssLink = true;
            item.link = m_cursor.resolve(link);
        }
    } else if (is(name, "guid")) {
        const QString permaLink = m_cursor.attribute(u"isPermaLink").trimmed();
        const QString guid = m_cursor.readText();
        if (state.guid.isEmpty()) {
            state.guid = guid;
            state.guidBase = m_cursor.base();
            state.guidIsPermaLink = permaLink.compare(u"false", Qt::CaseInsensitive) != 0;
        }
    } else if (is(name, "pubDate")) {
        const QDateTime d = parseFeedDate(m_cursor.readText());
        if (d.isValid())
            item.published = d;
    } else if (is(name, "description") || is(name, "summary") || is(name, "fullitem")) {
        // <summary> is not RSS but feeds use it as one; <fullitem> is the content of
        // feeds from early blogging tools (feedparser's item_fullitem case).
        const bool isContent = is(name, "fullitem");
        const XmlCursor::Content c = m_cursor.readContent();
        if (isContent) {
            if (!state.hasContent) {
                state.hasContent = true;
                item.contentHtml = c.html();
            }
        } else if (state.summaryRank > 1) {
            state.summaryRank = 1;
            item.setHtmlSummary(c.html());
        }
    } else if (is(name, "author")) {
        const QString author = authorName(m_cursor.readText());
        if (state.authorRank > 1 && !author.isEmpty()) {
            state.authorRank = 1;
            item.author = author;
        }
    } else if (is(name, "category")) {
        // Only the element's own text: feeds nest <image> blocks in it (The Stranger).
        addCategory(item.categories, m_cursor.readText(XmlCursor::OwnTextOnly));
    } else if (is(name, "enclosure")) {
        Enclosure e;
        e.url = m_cursor.resolve(m_cursor.attribute(u"url").trimmed());
        e.type = m_cursor.attribute(u"type").trimmed();
        e.length = parseLength(m_cursor.attribute(u"length"));
        m_cursor.skipElement();
        if (!e.url.isEmpty())
            item.enclosures.append(e);
    } else {
        return false;
    }
    return true;
}

bool XmlFeedReader::readTextConstruct(QString *plain, QString *html, PlainOfHtml plainOfHtml)
{
    const QString type = m_cursor.attribute(u"type");
    const QString mode = m_cursor.attribute(u"mode");
    const bool declaredHtml = type.compare(u"html", Qt::CaseInsensitive) == 0
        || type.compare(u"text/html", Qt::CaseInsensitive) == 0;
    XmlCursor::Content c = m_cursor.readContent(
        m_embeddedAlertHook, declaredHtml ? XmlCursor::TextIsHtml : XmlCursor::EscapeText);
    if (mode.compare(u"base64", Qt::CaseInsensitive) == 0 || isBase64Type(type)) {
        c.text = QString::fromUtf8(QByteArray::fromBase64(c.text.toLatin1()));
        c.hasElements = false;
    }
    const TextKind kind = textKindOf(type, mode, c.hasElements);
    switch (kind) {
    case TextKind::Text:
        if (plain)
            *plain = collapseWhitespace(c.text);
        if (html)
            *html = escapeHtml(c.text);
        break;
    case TextKind::Html:
        if (plain && plainOfHtml == PlainOfHtml::Wanted)
            *plain = htmlToPlainText(c.hasElements ? c.markup : c.text);
        if (html)
            *html = c.html();
        break;
    case TextKind::Xhtml:
        if (plain && plainOfHtml == PlainOfHtml::Wanted)
            *plain = htmlToPlainText(c.markupOrEscapedText());
        if (html)
            *html = c.xhtml();
        break;
    }
    return kind != TextKind::Text;
}

bool XmlFeedReader::readAtomElement(ItemState &state)
{
    ParsedItem &item = state.item;
    const QStringView name = m_cursor.name();
    if (name == u"title") {
        QString plain;
        readTextConstruct(&plain, nullptr);
        if (!state.hasTitle) {
            state.hasTitle = true;
            item.title = plain;
            state.rawTitle = plain;
        }
    } else if (name == u"link") {
        readAtomLink(state);
    } else if (name == u"id") {
        const QString id = m_cursor.readText();
        if (item.id.isEmpty())
            item.id = id;
    } else if (name == u"published" || name == u"issued") {
        const QDateTime d = parseFeedDate(m_cursor.readText());
        if (d.isValid())
            item.published = d;
    } else if (name == u"updated" || name == u"modified") {
        const QDateTime d = parseFeedDate(m_cursor.readText());
        if (d.isValid())
            item.updated = d;
    } else if (name == u"summary") {
        QString plain;
        QString html;
        const bool isHtml = readTextConstruct(&plain, &html, PlainOfHtml::NotWanted);
        if (state.summaryRank > 1) {
            state.summaryRank = 1;
            if (isHtml)
                item.setHtmlSummary(html);
            else
                item.setPlainSummary(plain, html);
        }
    } else if (name == u"content") {
        QString html;
        const QString src = m_cursor.attribute(u"src");
        readTextConstruct(nullptr, &html);
        if (!state.hasContent && src.isEmpty()) {
            state.hasContent = true;
            item.contentHtml = html;
        }
    } else if (name == u"author") {
        const QString author = readAtomPersonName();
        if (state.authorRank > 1 && !author.isEmpty()) {
            state.authorRank = 1;
            item.author = author;
        }
    } else if (name == u"category") {
        const QString term = m_cursor.attribute(u"term");
        const QString text = m_cursor.readText();
        addCategory(item.categories, term.isEmpty() ? text : term);
    } else {
        return false;
    }
    return true;
}

void XmlFeedReader::readAtomLink(ItemState &state)
{
    const QString rel = m_cursor.attribute(u"rel").trimmed();
    const QString type = m_cursor.attribute(u"type").trimmed();
    const QString title = m_cursor.attribute(u"title");
    // href="" means the base itself (RFC 3986 5.2); WordPress writes it for link posts
    // (One Foot Tsunami's Atom feed), under an xml:base that names the site. Without an
    // xml:base that would be the feed document itself, never a story's page: no link.
    const QString rawHref = m_cursor.attribute(u"href").trimmed();
    const QString href = !rawHref.isEmpty() ? m_cursor.resolve(rawHref)
                                            : (m_cursor.hasXmlBase() ? m_cursor.base() : QString());
    const QString length = m_cursor.attribute(u"length");
    m_cursor.skipElement();
    if (href.isEmpty())
        return;
    if (type.compare(u"application/cap+xml", Qt::CaseInsensitive) == 0 && state.capLink.isEmpty())
        state.capLink = href;
    if (rel.isEmpty() || rel == u"alternate") {
        if (state.atomLink.isEmpty() && isHtmlLinkType(type))
            state.atomLink = href;
    } else if (rel == u"enclosure") {
        Enclosure e;
        e.url = href;
        e.type = type;
        e.length = parseLength(length);
        e.title = collapseWhitespace(title);
        state.item.enclosures.append(e);
    } else if (rel == u"related") {
        RelatedLink link;
        link.title = collapseWhitespace(title);
        link.link = href;
        link.kind = QStringLiteral("publisher");
        state.item.related.append(link);
    }
}

QString XmlFeedReader::readAtomPersonName()
{
    QString name;
    QString email;
    while (m_cursor.nextChild()) {
        if (m_cursor.name() == u"name" && name.isEmpty())
            name = m_cursor.readText();
        else if (m_cursor.name() == u"email" && email.isEmpty())
            email = m_cursor.readText();
        else
            m_cursor.skipElement();
    }
    return name.isEmpty() ? email : name;
}

} // namespace bulletin
