#include "app/clisource.h"

#include "services/cache.h"

#include <algorithm>

namespace bulletin {

std::optional<qint64> existingSourceId(Cache &cache, const QString &kind, const QString &value,
                                       QString *error)
{
    bool ok = false;
    const qint64 id = value.toLongLong(&ok);
    if (!ok || id <= 0) {
        *error = QStringLiteral("--%1 needs a %1 id, not \"%2\"").arg(kind, value);
        return std::nullopt;
    }
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
