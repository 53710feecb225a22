#include "app/clicache.h"

#include "app/cliargs.h"
#include "app/clioutput.h"
#include "storage/cache.h"

#include <algorithm>

namespace bulletin {

std::unique_ptr<Cache> openCache(const QString &path, int *status)
{
    QString error;
    auto cache = Cache::open(path, &error);
    if (!cache)
        *status = fail(error);
    return cache;
}

std::optional<qint64> existingSourceId(Cache &cache, const QString &kind, const QString &value,
                                       QString *error)
{
    const std::optional<qint64> parsed = positiveId(value);
    if (!parsed) {
        *error = QStringLiteral("--%1 needs a %1 id, not \"%2\"").arg(kind, value);
        return std::nullopt;
    }
    const qint64 id = *parsed;
    bool exists = false;
    if (kind == QLatin1String("feed")) {
        exists = cache.feeds().feedSettings(id).has_value();
    } else {
        const QList<FolderRecord> folders = cache.feeds().folders();
        exists = std::any_of(folders.cbegin(), folders.cend(),
                             [id](const FolderRecord &folder) { return folder.id == id; });
    }
    if (!exists) {
        *error = QStringLiteral("no %1 with id %2 in the cache").arg(kind).arg(id);
        return std::nullopt;
    }
    return id;
}

} // namespace bulletin
