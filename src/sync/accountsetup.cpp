#include "sync/accountsetup.h"

#include "storage/accountstore.h"
#include "storage/cache.h"
#include "sync/accountkinds.h"

namespace bulletin {

RemoteError checkAccount(const NewAccount &account)
{
    const auto remote = makeRemoteAccount(account.kind, account.url, account.user,
                                          account.password);
    if (!remote)
        return {RemoteError::Kind::Refused,
                QStringLiteral("unknown account kind \"%1\"").arg(account.kind)};
    return remote->login();
}

KeptAccount keepAccount(Cache &cache, const NewAccount &account, PasswordStore::FileConsent consent)
{
    KeptAccount kept;
    AccountStore store(cache.database().connection());
    const auto id = store.add(account.kind, account.url.toString(), account.user, &kept.error);
    if (!id)
        return kept;
    kept.stored = PasswordStore(cache.database().path()).store(*id, account.password, consent);
    if (!kept.stored.ok) {
        // Without its password the account could never sync: it is not kept either.
        store.beginRemove(*id);
        store.purgeRemovedAccounts();
        kept.noKeyring = consent == PasswordStore::FileConsent::Refused
            && !kept.stored.keyringError.isEmpty();
        kept.error = QStringLiteral("cannot keep the password: %1").arg(kept.stored.error);
        return kept;
    }
    kept.id = id;
    return kept;
}

bool beginRemoveAccount(Cache &cache, qint64 accountId)
{
    if (!AccountStore(cache.database().connection()).beginRemove(accountId))
        return false;
    PasswordStore(cache.database().path()).remove(accountId);
    return true;
}

} // namespace bulletin
