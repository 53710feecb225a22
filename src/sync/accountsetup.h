#pragma once

#include "sync/passwordstore.h"
#include "sync/remoteaccount.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace bulletin {

class Cache;

// Adding and removing a sync account, one way for the command line (`bulletin account add`,
// `account remove`) and the window (File › Add Account…):
// 1. checkAccount() logs in with what the user typed, before anything is kept: a wrong
//    password, an unreachable server or the API turned off come back as a RemoteError in
//    words. Blocking (a network round trip): the window calls it off the GUI thread.
// 2. keepAccount() adds the account to the cache and its password to the keyring. Where no
//    keyring answers the password goes to a file readable by the user alone only with the
//    user's consent: without it nothing is kept and `noKeyring` says so, so that the window
//    can ask and call again (the command line gives its consent and warns on stderr).
// 3. beginRemoveAccount() takes the account out of every list at once and forgets its
//    password; its stories leave the cache in steps afterwards (FeedStore::purgeRemoved,
//    AccountStore::purgeRemovedAccounts), its bookmarks stay as local bookmarks.
// Not thread-safe beyond checkAccount(): use the cache on the thread that opened it.
struct NewAccount
{
    QString kind; // one of accountKinds()
    QUrl url; // checked by accountAddress()
    QString user;
    QString password;
};

RemoteError checkAccount(const NewAccount &account);

struct KeptAccount
{
    std::optional<qint64> id; // set when the account and its password were kept
    bool noKeyring = false; // not kept: no keyring answered and the file needs consent
    PasswordStore::Stored stored;
    QString error; // in words, when nothing was kept
};
KeptAccount keepAccount(Cache &cache, const NewAccount &account,
                        PasswordStore::FileConsent consent);

bool beginRemoveAccount(Cache &cache, qint64 accountId);

} // namespace bulletin
