#include "app/cliaccount.h"

#include "app/cliargs.h"
#include "app/clijson.h"
#include "app/clioutput.h"
#include "storage/cache.h"
#include "sync/accountkinds.h"
#include "sync/accountsetup.h"
#include "sync/passwordstore.h"
#include "sync/syncengine.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <functional>

namespace bulletin {

namespace {

// Stories of removed feeds are deleted this many at a time, each step its own transaction.
constexpr int kPurgeStep = 500;

// The stories of feeds being removed (an account's, a feed unsubscribed through its server)
// leave the cache now, in steps; then the accounts being removed.
bool purgeRemoved(Cache &cache)
{
    int left = 1;
    while (left > 0)
        left = cache.feeds().purgeRemoved(kPurgeStep);
    return left == 0 && cache.accounts().purgeRemovedAccounts();
}

// The account's client, with its password; nullptr with *error otherwise.
std::unique_ptr<RemoteAccount> remoteFor(const QString &cachePath, const AccountRecord &account,
                                         QString *error)
{
    const auto password = PasswordStore(cachePath).password(account.id, error);
    if (!password)
        return nullptr;
    auto remote = makeRemoteAccount(account.kind, QUrl(account.url), account.user, *password);
    if (!remote)
        *error = QStringLiteral("account %1 is of a kind this Bulletin does not know (%2)")
                     .arg(account.id)
                     .arg(account.kind);
    return remote;
}

QJsonObject accountJson(const AccountRecord &account)
{
    return {{QStringLiteral("id"), account.id},
            {QStringLiteral("kind"), account.kind},
            {QStringLiteral("url"), account.url},
            {QStringLiteral("user"), account.user}};
}

int addAccount(const QString &cachePath, const QStringList &words, const QString &user,
               bool passwordFromStdin, bool json)
{
    const QString usage = QStringLiteral(
        "usage: bulletin account add KIND URL --user NAME --password-stdin [--json]");
    if (words.size() != 2 || user.isEmpty() || !passwordFromStdin)
        return fail(usage);
    const QString kind = words.at(0);
    if (!accountKinds().contains(kind))
        return fail(QStringLiteral("unknown account kind \"%1\" (known: %2)")
                        .arg(kind, accountKinds().join(QStringLiteral(", "))));
    QString error;
    const auto url = accountAddress(words.at(1), &error);
    if (!url)
        return fail(error);
    QTextStream in(stdin);
    const QString password = in.readLine();
    if (password.isEmpty())
        return fail(QStringLiteral("no password on standard input"));

    // The address, user and password are checked before anything is kept.
    const NewAccount typed{kind, *url, user, password};
    if (const RemoteError failure = checkAccount(typed))
        return fail(
            QStringLiteral("cannot log in to %1: %2").arg(url->toDisplayString(), failure.words));

    auto cache = Cache::open(cachePath, &error);
    if (!cache)
        return fail(error);

    // The command line gives its consent to the file, and says so below.
    const KeptAccount kept = keepAccount(*cache, typed, PasswordStore::FileConsent::Given);
    if (!kept.id)
        return fail(kept.error);
    const qint64 id = *kept.id;
    if (kept.stored.inFile)
        QTextStream(stderr) << "bulletin: warning: no keyring answered ("
                            << kept.stored.keyringError << "); the password is kept in "
                            << PasswordStore(cache->path()).filePath(id)
                            << ", readable by you alone" << Qt::endl;
    AccountStore &store = cache->accounts();
    const AccountRecord account = *store.account(id);
    if (json)
        printJson({{QStringLiteral("account"), accountJson(account)}});
    else
        out() << QStringLiteral("account %1 added: %2 at %3").arg(id).arg(user, account.url)
              << Qt::endl;
    return 0;
}

int removeAccount(const QString &cachePath, const QStringList &words)
{
    const auto id = words.size() == 1 ? positiveId(words.first()) : std::nullopt;
    if (!id)
        return fail(QStringLiteral("usage: bulletin account remove ID"));
    QString error;
    auto cache = Cache::open(cachePath, &error);
    if (!cache)
        return fail(error);
    AccountStore &store = cache->accounts();
    if (!store.account(*id))
        return fail(QStringLiteral("no account with id %1").arg(*id));
    if (!beginRemoveAccount(*cache, *id) || !purgeRemoved(*cache))
        return fail(QStringLiteral("cannot remove account %1 from the cache").arg(*id));
    out() << QStringLiteral("account %1 removed; its bookmarks stay").arg(*id) << Qt::endl;
    return 0;
}

// Runs `action` with the engine of the account that owns the feed.
int withFeedAccount(const QString &cachePath, qint64 feedId,
                    const std::function<RemoteError(SyncEngine &, Cache &)> &action)
{
    QString error;
    auto cache = Cache::open(cachePath, &error);
    if (!cache)
        return fail(error);
    AccountStore &store = cache->accounts();
    const auto accountId = store.feedAccount(feedId);
    const auto account = accountId ? store.account(*accountId) : std::nullopt;
    if (!account)
        return fail(QStringLiteral("feed %1 is not a feed of an account").arg(feedId));
    const auto remote = remoteFor(cache->path(), *account, &error);
    if (!remote)
        return fail(error);
    SyncEngine engine(*cache, account->id, *remote);
    if (const RemoteError failure = action(engine, *cache))
        return fail(failure.words);
    return purgeRemoved(*cache)
        ? 0
        : fail(QStringLiteral("cannot remove the feed's stories from the cache"));
}

} // namespace

int cmdAccount(const QString &cachePath, const QStringList &positional, const QString &user,
               const QString &folder, bool passwordFromStdin, bool json)
{
    const QString verb = positional.value(0);
    const QStringList words = positional.mid(1);
    if (verb == QLatin1String("add"))
        return addAccount(cachePath, words, user, passwordFromStdin, json);
    if (verb == QLatin1String("remove"))
        return removeAccount(cachePath, words);
    if (verb == QLatin1String("subscribe")) {
        const auto id = words.size() == 2 ? positiveId(words.at(0)) : std::nullopt;
        const auto folderId = folder.isEmpty() ? std::optional<qint64>(0) : positiveId(folder);
        if (!id || !folderId)
            return fail(QStringLiteral(
                "usage: bulletin account subscribe ACCOUNT-ID URL [--folder FOLDER-ID] [--json]"));
        QString error;
        auto cache = Cache::open(cachePath, &error);
        if (!cache)
            return fail(error);
        AccountStore &store = cache->accounts();
        const auto account = store.account(*id);
        if (!account)
            return fail(QStringLiteral("no account with id %1").arg(*id));
        const auto remote = remoteFor(cache->path(), *account, &error);
        if (!remote)
            return fail(error);
        SyncEngine engine(*cache, *id, *remote);
        qint64 feedId = 0;
        if (const RemoteError failure = engine.subscribe(words.at(1), *folderId, &feedId))
            return fail(QStringLiteral("cannot subscribe: %1").arg(failure.words));
        if (json)
            printJson({{QStringLiteral("feed"),
                        QJsonObject{{QStringLiteral("id"), feedId},
                                    {QStringLiteral("account_id"), *id}}}});
        else
            out() << QStringLiteral("subscribed: feed %1 of account %2").arg(feedId).arg(*id)
                  << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("unsubscribe")) {
        const auto feedId = words.size() == 1 ? positiveId(words.first()) : std::nullopt;
        if (!feedId)
            return fail(QStringLiteral("usage: bulletin account unsubscribe FEED-ID"));
        return withFeedAccount(cachePath, *feedId, [&](SyncEngine &engine, Cache &) {
            return engine.unsubscribe(*feedId);
        });
    }
    if (verb == QLatin1String("move")) {
        const auto feedId = words.size() == 2 ? positiveId(words.at(0)) : std::nullopt;
        const auto folderId = words.size() == 2 ? positiveId(words.at(1)) : std::nullopt;
        if (!feedId || !folderId)
            return fail(QStringLiteral("usage: bulletin account move FEED-ID FOLDER-ID"));
        return withFeedAccount(cachePath, *feedId, [&](SyncEngine &engine, Cache &) {
            return engine.moveFeed(*feedId, *folderId);
        });
    }
    return fail(
        QStringLiteral("usage: bulletin account add|remove|subscribe|unsubscribe|move ..."));
}

int cmdAccounts(const QString &cachePath, bool json)
{
    QString error;
    auto cache = Cache::open(cachePath, &error);
    if (!cache)
        return fail(error);
    AccountStore &store = cache->accounts();
    const QList<AccountRecord> accounts = store.accounts();
    if (json) {
        QJsonArray list;
        for (const AccountRecord &account : accounts) {
            QJsonObject object = accountJson(account);
            object.insert(QStringLiteral("last_sync"), timeJson(account.lastSync));
            object.insert(QStringLiteral("error"),
                          account.lastError.isEmpty() ? QJsonValue()
                                                      : QJsonValue(account.lastError));
            object.insert(QStringLiteral("pending"), account.pending);
            list << object;
        }
        printJson({{QStringLiteral("accounts"), list}});
        return 0;
    }
    for (const AccountRecord &account : accounts) {
        out() << QStringLiteral("%1 %2 %3 at %4: %5, %6 waiting to be sent")
                     .arg(account.id)
                     .arg(account.kind, account.user, account.url,
                          account.lastError.isEmpty()
                              ? (account.lastSync.isValid()
                                     ? QStringLiteral("synced %1")
                                           .arg(timeJson(account.lastSync).toString())
                                     : QStringLiteral("never synced"))
                              : account.lastError)
                     .arg(account.pending)
              << Qt::endl;
    }
    return 0;
}

namespace {

// Syncs every account, or `only`; with `update`, their server fetches their feeds first (or
// only `onlyFeed`).
int syncAccounts(const QString &cachePath, std::optional<qint64> only, bool update, qint64 onlyFeed,
                 bool json)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    auto cache = Cache::open(cachePath, &error);
    if (!cache)
        return fail(error);
    AccountStore &store = cache->accounts();
    QList<AccountRecord> accounts = store.accounts();
    if (onlyFeed > 0) {
        only = store.feedAccount(onlyFeed);
        if (!only)
            return fail(QStringLiteral("feed %1 is not a feed of an account").arg(onlyFeed));
    }
    if (only) {
        const auto account = store.account(*only);
        if (!account)
            return fail(QStringLiteral("no account with id %1").arg(*only));
        accounts = {*account};
    }
    QJsonArray results;
    QString firstFailure;
    QTextStream out(stdout);
    for (const AccountRecord &account : std::as_const(accounts)) {
        SyncReport report;
        report.accountId = account.id;
        if (const auto remote = remoteFor(cache->path(), account, &error)) {
            SyncEngine engine(*cache, account.id, *remote);
            if (update) {
                report.error = engine.updateFeeds(onlyFeed);
                report.ok = !report.error;
                if (report.ok)
                    report = engine.sync();
                else
                    store.recordSync(account.id, report.error.words);
            } else {
                report = engine.sync();
            }
        } else {
            report.error = {RemoteError::Kind::Refused, error};
            store.recordSync(account.id, error);
        }
        if (!report.ok && firstFailure.isEmpty())
            firstFailure = QStringLiteral("account %1: %2").arg(account.id).arg(report.error.words);
        results << QJsonObject{
            {QStringLiteral("id"), account.id},
            {QStringLiteral("status"), report.ok ? QStringLiteral("ok") : QStringLiteral("failed")},
            {QStringLiteral("pulled"), report.pulled},
            {QStringLiteral("pushed"), report.pushed},
            {QStringLiteral("error"), report.ok ? QJsonValue() : QJsonValue(report.error.words)}};
        if (!json && onlyFeed > 0)
            out << QStringLiteral("feed %1 is fetched by the server of account %2: %3")
                       .arg(onlyFeed)
                       .arg(account.id)
                       .arg(report.ok
                                ? QStringLiteral("it fetched the feed, then the account synced")
                                : QStringLiteral("the server could not fetch it or sync"))
                << Qt::endl;
        if (!json) {
            out << QStringLiteral("%1 %2: %3")
                       .arg(account.id)
                       .arg(account.url,
                            report.ok ? QStringLiteral("ok") : QStringLiteral("failed"))
                << QStringLiteral(", %1 pulled, %2 pushed").arg(report.pulled).arg(report.pushed)
                << (report.ok ? QString() : QStringLiteral(" (%1)").arg(report.error.words))
                << Qt::endl;
        }
    }
    if (!purgeRemoved(*cache))
        return fail(QStringLiteral("cannot remove unsubscribed feeds' stories from the cache"));
    if (json)
        printJson(
            {{QStringLiteral("accounts"), results},
             {QStringLiteral("timing"), QJsonObject{{QStringLiteral("ms"), timer.elapsed()}}}});
    return firstFailure.isEmpty() ? 0 : fail(firstFailure);
}

} // namespace

int cmdSync(const QString &cachePath, const QString &accountWord, bool update, bool json)
{
    std::optional<qint64> only;
    if (!accountWord.isEmpty()) {
        only = positiveId(accountWord);
        if (!only)
            return fail(
                QStringLiteral("--account needs an account id, not \"%1\"").arg(accountWord));
    }
    return syncAccounts(cachePath, only, update, 0, json);
}

int cmdRefreshAccountFeed(const QString &cachePath, qint64 feedId, bool json)
{
    return syncAccounts(cachePath, std::nullopt, true, feedId, json);
}

} // namespace bulletin
