#include "services/firstrun.h"

#include "services/importservice.h"
#include "storage/cache.h"

#include <QFile>

namespace bulletin {

namespace {
constexpr auto kFirstRunKey = "first_run_done";
constexpr auto kSampleResource = ":/sample/questiqa-postal-cyberattack.txt";
} // namespace

QByteArray sampleStoryBytes()
{
    QFile file(QString::fromLatin1(kSampleResource));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::optional<qint64> importSampleOnFirstRun(Cache &cache, QString *error)
{
    const QString key = QString::fromLatin1(kFirstRunKey);
    if (!cache.meta(key).isEmpty())
        return std::nullopt;
    if (cache.feeds().hasFeeds()) {
        cache.setMeta(key, QStringLiteral("1"));
        return std::nullopt;
    }
    ImportService importer(cache);
    const ImportService::Report report = importer.importPlainText(
        sampleStoryBytes(), {}, QString::fromLatin1(kSampleResource));
    if (!report.error.isEmpty() || report.storyIds.isEmpty()) {
        if (error)
            *error = report.error;
        return std::nullopt;
    }
    cache.setMeta(key, QStringLiteral("1"));
    return report.storyIds.first();
}

} // namespace bulletin
