#include "core/feeds/feedjson.h"

#include <QJsonArray>

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
        o.insert(QStringLiteral("entry"), QJsonObject{
            {QStringLiteral("id"), text(alert.entryId)},
            {QStringLiteral("title"), text(alert.entryTitle)},
            {QStringLiteral("link"), text(alert.entryLink)},
        });
    }
    return o;
}

QJsonObject feedToJson(const ParsedFeed &feed)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), feed.format);
    o.insert(QStringLiteral("wellformed"), feed.wellFormed);
    if (!feed.warning.isEmpty())
        o.insert(QStringLiteral("warning"), feed.warning);
    QJsonArray alerts;
    if (feed.format == u"cap") {
        o.insert(QStringLiteral("kind"), QStringLiteral("alert"));
        for (const CapAlert &a : feed.alerts)
            alerts.append(capAlertToJson(a));
        o.insert(QStringLiteral("alerts"), alerts);
        return o;
    }
    o.insert(QStringLiteral("kind"), QStringLiteral("feed"));
    o.insert(QStringLiteral("title"), text(feed.title));
    o.insert(QStringLiteral("link"), text(feed.link));
    o.insert(QStringLiteral("description"), text(feed.description));
    QJsonArray items;
    for (const ParsedItem &item : feed.items) {
        items.append(itemToJson(item));
        alerts.append(capAlertToJson(item.alert ? *item.alert : noneAlertFor(item)));
    }
    o.insert(QStringLiteral("items"), items);
    o.insert(QStringLiteral("entries"), feed.entries);
    o.insert(QStringLiteral("alerts"), alerts);
    return o;
}

} // namespace bulletin
