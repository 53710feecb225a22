#pragma once

#include "sync/remoteaccount.h"

#include <QStringList>
#include <QUrl>

#include <memory>

namespace bulletin {

// The kinds of sync server Bulletin speaks, by the name the cache and the command line use
// ("ttrss"). A new kind adds its name here and its RemoteAccount class.
QStringList accountKinds();

// A client of that kind for the account; nullptr for a kind not in accountKinds().
std::unique_ptr<RemoteAccount> makeRemoteAccount(const QString &kind, const QUrl &url,
                                                 const QString &user, const QString &password);

// The server address as typed, checked: an absolute http(s) address (nullopt, with *error
// in words, otherwise).
std::optional<QUrl> accountAddress(const QString &typed, QString *error);

} // namespace bulletin
