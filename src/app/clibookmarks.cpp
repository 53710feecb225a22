#include "app/clibookmarks.h"

#include "app/cliargs.h"
#include "app/clicache.h"
#include "app/clijson.h"
#include "app/clioutput.h"
#include "storage/accountstore.h"
#include "storage/bookmarksalvage.h"
#include "storage/cache.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace bulletin {

int cmdBookmark(const QString &cachePath, const CliArgs &args)
{
    const auto id = args.positional().size() == 1 ? positiveId(args.positional().first())
                                                  : std::nullopt;
    if (!id)
        return fail(QStringLiteral("usage: bulletin bookmark ID [--note TEXT] [--off]"));
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    if (args.has(QStringLiteral("off"))) {
        if (!cache->bookmarks().isBookmarked(*id))
            return fail(QStringLiteral("story %1 is not bookmarked").arg(*id));
        if (!cache->bookmarks().removeForArticle(*id))
            return fail(cache->withReason(
                QStringLiteral("cannot remove the bookmark of story %1").arg(*id)));
        out() << QStringLiteral("bookmark removed from story %1").arg(*id) << Qt::endl;
        return 0;
    }
    if (!cache->articles().summary(*id))
        return fail(QStringLiteral("no story with id %1 in the cache").arg(*id));
    const auto bookmarkId = cache->bookmarks().add(*id, args.value(QStringLiteral("note")));
    if (!bookmarkId)
        return fail(cache->withReason(QStringLiteral("cannot bookmark story %1").arg(*id)));
    out() << QStringLiteral("story %1 bookmarked").arg(*id) << Qt::endl;
    return 0;
}

int cmdBookmarks(const QString &cachePath, const CliArgs &args)
{
    QString error;
    Database::Problem problem = Database::Problem::None;
    const auto cache = Cache::open(cachePath, &error, &problem);
    if (!cache && problem != Database::Problem::Damaged)
        return fail(error);
    QList<BookmarkRecord> bookmarks;
    if (cache) {
        bookmarks = cache->bookmarks().bookmarks();
    } else {
        // A damaged cache still gives what can be read of its bookmarks, and the backup the
        // rest; the one line says where they came from.
        const BookmarkSalvage::Result salvage = BookmarkSalvage::read(cachePath);
        bookmarks = salvage.bookmarks;
        fail(salvage.summary());
        if (bookmarks.isEmpty())
            return 1;
    }
    if (args.has(QStringLiteral("json"))) {
        // A damaged cache is not open: its bookmarks are listed without their stories' accounts.
        std::optional<AccountStore> accounts;
        if (cache)
            accounts.emplace(cache->accounts());
        QJsonArray array;
        for (const BookmarkRecord &b : bookmarks)
            array << bookmarkJson(
                b, b.articleId && accounts ? accounts->storyAccount(*b.articleId) : std::nullopt);
        printJson(QJsonObject{{QStringLiteral("bookmarks"), array}});
        return 0;
    }
    for (const BookmarkRecord &b : bookmarks) {
        out() << QStringLiteral("%1 %2  %3 \u2014 %4")
                     .arg(b.articleId ? QString::number(*b.articleId) : QStringLiteral("-"), 7)
                     .arg(shortDate(b.published), b.title, b.source)
              << Qt::endl;
        if (!b.note.isEmpty())
            out() << QStringLiteral("         note: ") << b.note << Qt::endl;
    }
    return 0;
}

} // namespace bulletin
