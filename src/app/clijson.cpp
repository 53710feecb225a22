#include "app/clijson.h"

#include <QJsonArray>

namespace bulletin {

namespace {
QJsonValue textJson(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}
} // namespace

QJsonValue idJson(const std::optional<qint64> &id)
{
    return id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null);
}

QJsonValue timeJson(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QJsonObject storyJson(const StorySummary &s, const QHash<qint64, qint64> &feedAccounts)
{
    return QJsonObject{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("guid"), s.guid},
        {QStringLiteral("title"), s.title},
        {QStringLiteral("link"), textJson(s.link)},
        {QStringLiteral("source"), s.source},
        {QStringLiteral("feed_id"), s.feedId},
        {QStringLiteral("published"), timeJson(s.published)},
        {QStringLiteral("read"), s.read},
        {QStringLiteral("bookmarked"), s.bookmarked},
        {QStringLiteral("has_advisory"), s.hasAdvisory},
        {QStringLiteral("headline_only"), s.headlineOnly},
        {QStringLiteral("account_id"),
         idJson(feedAccounts.contains(s.feedId) ? std::optional(feedAccounts.value(s.feedId))
                                                : std::nullopt)},
    };
}

QJsonObject advisoryJson(const Advisory &v)
{
    QJsonArray references;
    for (const QString &reference : v.references)
        references << reference;
    return QJsonObject{
        {QStringLiteral("headline"), textJson(v.headline)},
        {QStringLiteral("text"), textJson(v.text)},
        {QStringLiteral("instruction"), textJson(v.instruction)},
        {QStringLiteral("severity"), textJson(v.severity)},
        {QStringLiteral("urgency"), textJson(v.urgency)},
        {QStringLiteral("certainty"), textJson(v.certainty)},
        {QStringLiteral("issuer"), textJson(v.issuer)},
        {QStringLiteral("area"), textJson(v.area)},
        {QStringLiteral("effective"), timeJson(v.effective)},
        {QStringLiteral("onset"), timeJson(v.onset)},
        {QStringLiteral("expires"), timeJson(v.expires)},
        {QStringLiteral("status"), textJson(v.status)},
        {QStringLiteral("msg_type"), textJson(v.msgType)},
        {QStringLiteral("identifier"), textJson(v.identifier)},
        {QStringLiteral("sender"), textJson(v.sender)},
        {QStringLiteral("references"), references},
        {QStringLiteral("origin"), textJson(v.origin)},
    };
}

QJsonObject relatedJson(const RelatedStory &r)
{
    return QJsonObject{
        {QStringLiteral("title"), r.title},
        {QStringLiteral("link"), textJson(r.link)},
        {QStringLiteral("id"), idJson(r.id)},
        {QStringLiteral("kind"), r.kind},
        {QStringLiteral("source"), textJson(r.source)},
        {QStringLiteral("published"), timeJson(r.published)},
    };
}

QJsonObject bookmarkJson(const BookmarkRecord &b, std::optional<qint64> accountId)
{
    return QJsonObject{
        {QStringLiteral("id"), idJson(b.articleId)},
        {QStringLiteral("bookmark_id"), b.bookmarkId},
        {QStringLiteral("guid"), textJson(b.guid)},
        {QStringLiteral("title"), b.title},
        {QStringLiteral("link"), textJson(b.link)},
        {QStringLiteral("source"), textJson(b.source)},
        {QStringLiteral("published"), timeJson(b.published)},
        {QStringLiteral("read"), b.read},
        {QStringLiteral("bookmarked"), true},
        {QStringLiteral("has_advisory"), b.hasAdvisory},
        {QStringLiteral("note"), textJson(b.note)},
        {QStringLiteral("bookmarked_at"), timeJson(b.createdAt)},
        {QStringLiteral("in_cache"), b.articleId.has_value()},
        {QStringLiteral("account_id"), idJson(accountId)},
    };
}

} // namespace bulletin
