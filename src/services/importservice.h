#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace bulletin {

class Cache;

// Adds stories or subscriptions to the cache from files: feeds (RSS, Atom, JSON Feed, CAP),
// OPML subscription lists and plain-text articles. The kind is sniffed from the content.
// Each file is written in one transaction: a file that is refused changes nothing.
class ImportService final
{
public:
    struct Options
    {
        QString title;     // plain text: the story's headline (derived when empty)
        QString source;    // plain text: the source's name (else the publisher line)
        // plain text: the story's link; for a feed, the address it came from, against
        // which its relative links resolve (a file has none of its own)
        QString url;
    };

    struct Report
    {
        QString path;
        QString kind;      // "article", "feed", "opml"
        int added = 0;     // stories, or for OPML subscriptions
        int updated = 0;
        int unchanged = 0;
        QList<qint64> storyIds; // the stories the file gave (for an article: the story first)
        QString note;      // what the importer decided (e.g. how the title was made)
        QString error;     // set when the file was refused; nothing was written then
    };

    explicit ImportService(Cache &cache);

    Report importFile(const QString &path, const Options &options = {});
    Report importPlainText(const QByteArray &bytes, const Options &options,
                           const QString &path = {});
    // documentUrl: where the feed came from (see parseFeed); empty when unknown. Lets go of
    // `bytes` once it is parsed (pass a temporary or std::move).
    Report importFeed(QByteArray bytes, const QString &path, const QUrl &documentUrl = {});
    Report importOpml(const QByteArray &bytes, const QString &path); // adds subscriptions

private:
    Cache &m_cache;
};

} // namespace bulletin
