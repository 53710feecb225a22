#pragma once

#include <QString>
#include <QStringList>

namespace bulletin {

// The command line of sync accounts (docs/cli.md, "Accounts"):
//   account add KIND URL --user NAME --password-stdin [--json]
//       logs in once to check the address, user and password, then keeps the account
//       (the password in the keyring, or, where none answers, in a file readable by the
//       user alone, said on stderr); {"account": {"id", "kind", "url", "user"}}
//   account remove ID
//   accounts [--json]   {"accounts": [{"id", "kind", "url", "user", "last_sync", "error",
//                        "pending"}]}
//   sync [--account ID] [--update] [--json]
//       {"accounts": [{"id", "status", "pulled", "pushed", "error"}], "timing": {"ms"}};
//       --update asks the server to fetch the feeds first
//   account subscribe ID URL [--folder FOLDER-ID] [--json] / account unsubscribe FEED-ID /
//   account move FEED-ID FOLDER-ID: an account's feeds, through its server
// Each returns the exit status: 0, or 1 after one line on stderr (sync: after printing
// every account, when one failed).
int cmdAccount(const QString &cachePath, const QStringList &positional, const QString &user,
               const QString &folder, bool passwordFromStdin, bool json);
int cmdAccounts(const QString &cachePath, bool json);
int cmdSync(const QString &cachePath, const QString &account, bool update, bool json);
// `refresh --feed ID` of an account's feed: its server fetches that feed, then the account
// syncs; the output is sync's.
int cmdRefreshAccountFeed(const QString &cachePath, qint64 feedId, bool json);

} // namespace bulletin
