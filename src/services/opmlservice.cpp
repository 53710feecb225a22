#include "services/opmlservice.h"

#include "core/opml/opmlparser.h"
#include "core/opml/opmlwriter.h"
#include "services/refreshschedule.h"
#include "storage/cache.h"
#include "storage/sqlutil.h"

#include <QHash>

namespace bulletin {

OpmlService::OpmlService(Cache &cache)
    : m_cache(cache)
{
}

OpmlService::ImportReport OpmlService::importOpml(const QByteArray &bytes)
{
    ImportReport report;
    const OpmlParseResult parsed = parseOpml(bytes);
    if (!parsed.ok()) {
        report.error = parsed.error;
        return report;
    }
    report.problems = parsed.document.problems;
    const QSqlDatabase db = m_cache.database().connection();
    Transaction transaction(db);
    if (!transaction.isActive()) {
        report.error = sql::withReason(
            QStringLiteral("cannot write the subscriptions to the cache"), db);
        return report;
    }
    for (const OpmlFeed &feed : parsed.document.feeds) {
        if (m_cache.feeds().feedByUrl(feed.url)) {
            ++report.alreadySubscribed;
            continue;
        }
        const qint64 folder = m_cache.feeds().folderForPath(feed.folderPath);
        QString error;
        const auto id = m_cache.feeds().addSubscription(feed.url, feed.title, folder, &error);
        if (!id) {
            report.error = QStringLiteral("cannot add %1: %2").arg(feed.url, error);
            report.added = 0;
            return report;
        }
        if (!feed.siteUrl.isEmpty())
            m_cache.feeds().setSiteUrl(*id, feed.siteUrl);
        ++report.added;
    }
    if (!transaction.commit()) {
        report.error = sql::withReason(
            QStringLiteral("cannot write the subscriptions to the cache"), db);
        report.added = 0;
    }
    return report;
}

QByteArray OpmlService::exportOpml() const
{
    QHash<qint64, FolderRecord> folders;
    for (const FolderRecord &folder : m_cache.feeds().folders())
        folders.insert(folder.id, folder);
    const auto pathOf = [&folders](qint64 id) {
        QStringList path;
        // Guard against a cycle in a damaged cache: a folder chain is never deeper than
        // the number of folders.
        for (int depth = 0; id > 0 && folders.contains(id) && depth <= folders.size(); ++depth) {
            path.prepend(folders.value(id).name);
            id = folders.value(id).parentId;
        }
        return path;
    };
    QList<OpmlFeed> feeds;
    for (const FeedRecord &feed : m_cache.feeds().feedSettingsList()) {
        // An account's feeds are the server's subscriptions: its own export lists them.
        if (!isFetchedHere(feed))
            continue;
        feeds << OpmlFeed{feed.url, feed.title, feed.siteUrl, pathOf(feed.folderId)};
    }
    return writeOpml(QStringLiteral("Bulletin subscriptions"), feeds);
}

} // namespace bulletin
