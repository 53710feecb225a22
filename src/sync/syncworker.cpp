#include "sync/syncworker.h"

#include "storage/cache.h"
#include "sync/accountkinds.h"
#include "sync/passwordstore.h"

namespace bulletin {

namespace {
// Stories of feeds removed by a sync are deleted this many at a time.
constexpr int kPurgeStep = 200;
} // namespace

SyncWorker::SyncWorker(const QString &cachePath)
    : m_cachePath(cachePath)
{
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::run(qint64 accountId, Job job, qint64 feedId)
{
    QString error;
    if (!m_cache)
        m_cache = Cache::open(m_cachePath, &error);
    QList<AccountRecord> accounts;
    if (m_cache && job != Job::Purge) {
        accounts = AccountStore(m_cache->database().connection()).accounts();
        if (accountId != 0)
            accounts.removeIf([accountId](const AccountRecord &a) { return a.id != accountId; });
    }
    for (const AccountRecord &account : std::as_const(accounts)) {
        if (job == Job::Send && account.pending == 0)
            continue;
        emit started(account.id);
        SyncReport report;
        report.accountId = account.id;
        RemoteAccount *remote = remoteFor(account, &error);
        if (!remote) {
            report.error = {RemoteError::Kind::Refused, error};
            AccountStore(m_cache->database().connection()).recordSync(account.id, error);
        } else {
            SyncEngine engine(*m_cache, account.id, *remote);
            if (job == Job::Send) {
                report.error = engine.push(&report.pushed);
                report.ok = !report.error;
            } else if (job == Job::Update) {
                // As `bulletin sync --update`: a server that cannot fetch is a failed sync.
                report.error = engine.updateFeeds(account.id == accountId ? feedId : 0);
                if (report.error)
                    AccountStore(m_cache->database().connection())
                        .recordSync(account.id, report.error.words);
                else
                    report = engine.sync();
            } else {
                report = engine.sync();
            }
        }
        // A refused password is read again at the next job: the keyring may hold a new one by then.
        if (report.error.kind == RemoteError::Kind::WrongPassword)
            m_remotes.erase(account.id);
        emit finished(report);
        emit pendingChanged(
            account.id, AccountStore(m_cache->database().connection()).pendingCount(account.id));
    }
    if (m_cache && job != Job::Send)
        purgeRemoved();
    emit done(job);
}

void SyncWorker::purgeRemoved()
{
    while (m_cache->feeds().purgeRemoved(kPurgeStep) > 0) {
    }
    AccountStore(m_cache->database().connection()).purgeRemovedAccounts();
}

void SyncWorker::change(FeedChange change)
{
    QString error;
    if (!m_cache)
        m_cache = Cache::open(m_cachePath, &error);
    if (m_cache) {
        AccountStore accounts(m_cache->database().connection());
        if (change.kind != FeedChange::Kind::Subscribe)
            change.accountId = accounts.feedAccount(change.feedId).value_or(0);
        const std::optional<AccountRecord> account = change.accountId > 0
            ? accounts.account(change.accountId)
            : std::nullopt;
        RemoteAccount *remote = account ? remoteFor(*account, &error) : nullptr;
        if (!account) {
            error = change.kind == FeedChange::Kind::Subscribe
                ? QStringLiteral("the account is no longer in Bulletin")
                : QStringLiteral("the feed is not a feed of an account");
        } else if (remote) {
            SyncEngine engine(*m_cache, account->id, *remote);
            switch (change.kind) {
            case FeedChange::Kind::Subscribe:
                change.error = engine.subscribe(change.url, change.folderId, &change.feedId);
                break;
            case FeedChange::Kind::Unsubscribe:
                change.error = engine.unsubscribe(change.feedId);
                break;
            case FeedChange::Kind::Move:
                change.error = engine.moveFeed(change.feedId, change.folderId);
                break;
            }
            // A refused password is read again next time: the keyring may hold a new one.
            if (change.error.kind == RemoteError::Kind::WrongPassword)
                m_remotes.erase(account->id);
            if (!change.error && change.kind == FeedChange::Kind::Unsubscribe)
                purgeRemoved();
        } else if (error.isEmpty()) {
            error = QStringLiteral("the account is of a kind this Bulletin does not know (%1)")
                        .arg(account->kind);
        }
    }
    if (!change.error && !error.isEmpty())
        change.error = {RemoteError::Kind::Refused, error};
    emit changed(change);
}

RemoteAccount *SyncWorker::remoteFor(const AccountRecord &account, QString *error)
{
    Remote &remote = m_remotes[account.id];
    if (remote.account && remote.kind == account.kind && remote.url == account.url
        && remote.user == account.user)
        return remote.account.get();
    const auto password = PasswordStore(m_cachePath).password(account.id, error);
    remote.kind = account.kind;
    remote.url = account.url;
    remote.user = account.user;
    remote.account = password
        ? makeRemoteAccount(account.kind, QUrl(account.url), account.user, *password)
        : nullptr;
    return remote.account.get();
}

} // namespace bulletin
