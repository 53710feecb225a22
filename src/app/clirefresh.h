#pragma once

#include <QString>
#include <QStringList>

namespace bulletin {

// `bulletin subscribe URL [--folder PATH] [--title T] [--pick N | --all] [--json]`
struct SubscribeOptions
{
    QString url;
    QString folderPath; // slash-separated ("News/Europe")
    QString title;
    QString pick; // as given: the Nth feed of a page that offers several (from 1)
    bool all = false; // every feed such a page offers
    bool json = false;
};

// Fetches the address (a feed, or a web page announcing one), subscribes and stores the
// first refresh. A page that announces several feeds is never guessed at: without --pick or
// --all the command lists them (numbered, with the titles the page gives; with --json
// `{"page", "feeds": [{"n", "title", "url", "format"}]}`) and fails. With --all each feed
// is subscribed in turn (--json: `{"feeds": [...]}`, one entry per feed), and the command
// fails when any did.
int cmdSubscribe(const QString &cachePath, const SubscribeOptions &options);

// `bulletin refresh [--json] [--feed ID]`: refreshes every subscription (or one) and prints
// what happened to each; with --json `{"feeds": [{"id", "url", "status", "new", "updated",
// "error"}]}`. Exit status 0 when every feed refreshed, 1 otherwise (after printing all).
int cmdRefresh(const QString &cachePath, bool json, const QString &feedId);

} // namespace bulletin
