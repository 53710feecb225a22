#pragma once

#include <QString>
#include <QStringList>

namespace bulletin {

// `bulletin subscribe URL [--folder PATH] [--title T] [--json]`: fetches the address (a
// feed, or a web page announcing one), subscribes and stores the first refresh.
// folderPath is slash-separated ("News/Europe").
int cmdSubscribe(const QString &cachePath, const QString &url, const QString &folderPath,
                 const QString &title, bool json);

// `bulletin refresh [--json] [--feed ID]`: refreshes every subscription (or one) and prints
// what happened to each; with --json `{"feeds": [{"id", "url", "status", "new", "updated",
// "error"}]}`. Exit status 0 when every feed refreshed, 1 otherwise (after printing all).
int cmdRefresh(const QString &cachePath, bool json, const QString &feedId);

} // namespace bulletin
