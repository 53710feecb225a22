#include "core/feeds/feedjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace bulletin {

namespace {

QJsonValue text(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue date(const QDateTime &dt)
{
    if (!dt.isValid())
        return QJsonValue(QJsonValue::Null);
    return dt.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

QJsonArray strings(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QJsonObject infoToJson(const CapInfo &info)
{
    return QJsonObject{
        {QStringLiteral("language"), text(info.language)},
        {QStringLiteral("event"), text(info.event)},
        {QStringLiteral("headline"), text(info.headline)},
        {QStringLiteral("description"), text(info.description)},
        {QStringLiteral("instruction"), text(info.instruction)},
        {QStringLiteral("severity"), text(info.severity)},
        {QStringLiteral("urgency"), text(info.urgency)},
        {QStringLiteral("certainty"), text(info.certainty)},
        {QStringLiteral("effective"), date(info.effective)},
        {QStringLiteral("onset"), date(info.onset)},
        {QStringLiteral("expires"), date(info.expires)},
        {QStringLiteral("senderName"), text(info.senderName)},
        {QStringLiteral("areaDesc"), strings(info.areaDesc)},
    };
}

QJsonObject itemToJson(const ParsedItem &item)
{
    QJsonArray enclosures;
    for (const Enclosure &e : item.enclosures) {
        enclosures.append(QJsonObject{
            {QStringLiteral("url"), text(e.url)},
            {QStringLiteral("type"), text(e.type)},
            {QStringLiteral("length"), e.length ? QJsonValue(double(*e.length)) : QJsonValue()},
        });
    }
    QJsonArray related;
    for (const RelatedLink &r : item.related) {
        related.append(QJsonObject{
            {QStringLiteral("title"), text(r.title)},
            {QStringLiteral("link"), text(r.link)},
            {QStringLiteral("kind"), r.kind},
        });
    }
    return QJsonObject{
        {QStringLiteral("title"), text(item.title)},
        {QStringLiteral("link"), text(item.link)},
        {QStringLiteral("id"), text(item.id)},
        {QStringLiteral("published"), date(item.published)},
        {QStringLiteral("updated"), date(item.updated)},
        {QStringLiteral("author"), text(item.author)},
        {QStringLiteral("summary_text"), text(item.summaryText())},
        {QStringLiteral("enclosures"), enclosures},
        {QStringLiteral("categories"), strings(item.categories)},
        {QStringLiteral("related"), related},
        {QStringLiteral("thumbnail"), text(item.thumbnailUrl)},
    };
}

CapAlert noneAlertFor(const ParsedItem &item)
{
    CapAlert a;
    a.carried = QStringLiteral("none");
    a.entryId = item.id;
    a.entryTitle = item.title;
    a.entryLink = item.link;
    return a;
}

} // namespace

QJsonObject capAlertToJson(const CapAlert &alert)
{
    QJsonArray info;
    for (const CapInfo &i : alert.info)
        info.append(infoToJson(i));
    QJsonObject o{
        {QStringLiteral("cap_version"), text(alert.capVersion)},
        {QStringLiteral("identifier"), text(alert.identifier)},
        {QStringLiteral("sender"), text(alert.sender)},
        {QStringLiteral("sent"), date(alert.sent)},
        {QStringLiteral("status"), text(alert.status)},
        {QStringLiteral("msgType"), text(alert.msgType)},
        {QStringLiteral("scope"), text(alert.scope)},
        {QStringLiteral("references"), strings(alert.references)},
        {QStringLiteral("info"), info},
    };
    if (!alert.carried.isEmpty()) {
        o.insert(QStringLiteral("carried"), alert.carried);
        o.insert(QStringLiteral("entry"),
                 QJsonObject{
                     {QStringLiteral("id"), text(alert.entryId)},
                     {QStringLiteral("title"), text(alert.entryTitle)},
                     {QStringLiteral("link"), text(alert.entryLink)},
                 });
    }
    return o;
}

namespace {

// A feed's JSON with its "items" and "alerts" arrays empty.
QJsonObject feedHead(const ParsedFeed &feed)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), feed.format);
    o.insert(QStringLiteral("wellformed"), feed.wellFormed);
    if (!feed.warning.isEmpty())
        o.insert(QStringLiteral("warning"), feed.warning);
    o.insert(QStringLiteral("kind"), QStringLiteral("feed"));
    o.insert(QStringLiteral("title"), text(feed.title));
    o.insert(QStringLiteral("link"), text(feed.link));
    o.insert(QStringLiteral("description"), text(feed.description));
    o.insert(QStringLiteral("items"), QJsonArray());
    o.insert(QStringLiteral("entries"), feed.entries);
    o.insert(QStringLiteral("alerts"), QJsonArray());
    return o;
}

QJsonObject entryAlertToJson(const ParsedItem &item)
{
    return capAlertToJson(item.alert ? *item.alert : noneAlertFor(item));
}

// Writes the elements of a top-level array as QJsonDocument::Indented would, one at a time.
void writeElements(const QList<ParsedItem> &items, QJsonObject (*toJson)(const ParsedItem &),
                   const std::function<void(const QByteArray &)> &write)
{
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QByteArray element
            = QJsonDocument(toJson(items.at(i))).toJson(QJsonDocument::Indented);
        QByteArray indented;
        indented.reserve(element.size() + element.count('\n') * 8 + 2);
        for (qsizetype from = 0; from < element.size();) {
            qsizetype end = element.indexOf('\n', from);
            if (end < 0)
                end = element.size();
            indented.append("        ").append(element.constData() + from, end - from);
            from = end + 1;
            if (from < element.size())
                indented.append('\n');
        }
        indented.append(i + 1 < items.size() ? ",\n" : "\n");
        write(indented);
    }
}

} // namespace

QJsonObject feedToJson(const ParsedFeed &feed)
{
    if (feed.format == u"cap") {
        QJsonObject o;
        o.insert(QStringLiteral("format"), feed.format);
        o.insert(QStringLiteral("wellformed"), feed.wellFormed);
        if (!feed.warning.isEmpty())
            o.insert(QStringLiteral("warning"), feed.warning);
        o.insert(QStringLiteral("kind"), QStringLiteral("alert"));
        QJsonArray alerts;
        for (const CapAlert &a : feed.alerts)
            alerts.append(capAlertToJson(a));
        o.insert(QStringLiteral("alerts"), alerts);
        return o;
    }
    QJsonObject o = feedHead(feed);
    QJsonArray items;
    QJsonArray alerts;
    for (const ParsedItem &item : feed.items) {
        items.append(itemToJson(item));
        alerts.append(entryAlertToJson(item));
    }
    o.insert(QStringLiteral("items"), items);
    o.insert(QStringLiteral("alerts"), alerts);
    return o;
}

void writeFeedJson(const ParsedFeed &feed, const std::function<void(const QByteArray &)> &write)
{
    if (feed.format == u"cap") {
        write(QJsonDocument(feedToJson(feed)).toJson(QJsonDocument::Indented));
        return;
    }
    // The head is written with the two arrays empty ("[\n    ]"); their elements go in
    // there. String values never hold a raw line break, so the keys are found as written.
    const QByteArray head = QJsonDocument(feedHead(feed)).toJson(QJsonDocument::Indented);
    const QByteArray alertsKey = "\n    \"alerts\": [\n";
    const QByteArray itemsKey = "\n    \"items\": [\n";
    const qsizetype alertsAt = head.indexOf(alertsKey) + alertsKey.size();
    const qsizetype itemsAt = head.indexOf(itemsKey) + itemsKey.size();
    Q_ASSERT(alertsAt >= alertsKey.size() && itemsAt > alertsAt);
    write(head.first(alertsAt));
    writeElements(feed.items, entryAlertToJson, write);
    write(head.sliced(alertsAt, itemsAt - alertsAt));
    writeElements(feed.items, itemToJson, write);
    write(head.sliced(itemsAt));
}

} // namespace bulletin
