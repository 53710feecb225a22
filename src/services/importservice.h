#pragma once

#include "services/feedwriter.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace bulletin {

class Cache;
struct FeedBatches;

// Adds stories or subscriptions to the cache from files: feeds (RSS, Atom, JSON Feed, CAP),
// OPML subscription lists and plain-text articles. The kind is sniffed from the content.
// Each file is written in one transaction: a file that is refused changes nothing.
//
// A feed file's stories are stored the way a refresh stores a feed's (FeedWriter), and its
// parsing and cleaning, which need no cache, can run on another thread: prepareFile() there,
// then storeFile() on the cache's.
class ImportService final
{
public:
    struct Options
    {
        QString title; // plain text: the story's headline (derived when empty)
        QString source; // plain text: the source's name (else the publisher line)
        // plain text: the story's link; for a feed, the address it came from, against
        // which its relative links resolve (a file has none of its own)
        QString url;
    };

    struct Report
    {
        QString path;
        QString kind; // "article", "feed", "opml"
        int added = 0; // stories, or for OPML subscriptions
        int updated = 0;
        int unchanged = 0;
        QList<qint64> storyIds; // the stories the file gave (for an article: the story first)
        QString note; // what the importer decided (e.g. how the title was made)
        QString error; // set when the file was refused; nothing was written then
    };

    // A file read, sniffed and, for a feed, parsed and made into stories; the rest waits
    // for storeFile().
    struct PreparedFile
    {
        enum class Kind { Refused, Feed, Opml, Text };
        Kind kind = Kind::Refused;
        QString path;
        Options options;
        QString error; // Refused: why, in words, naming the file
        QByteArray bytes; // Opml, Text: the file's content
        PreparedFeed feed; // Feed: its stories, newest first as the file lists them
        // Feed, a large one: its items instead, made into stories a batch at a time as
        // they are stored, so that they are never all held twice
        std::shared_ptr<FeedBatches> batches;
    };

    explicit ImportService(Cache &cache);

    // The part of importFile() that needs no cache (thread-safe); `rules` are the cache's
    // advisory rules (loadAdvisoryRules), whose headings find a story's advisory sections.
    static PreparedFile prepareFile(const QString &path, const Options &options,
                                    const AdvisoryRules &rules,
                                    const QDateTime &now = QDateTime::currentDateTimeUtc());
    // importFile() for a file prepareFile() has read. Lets go of `prepared` as it stores it.
    Report storeFile(PreparedFile prepared);
    // Stores the files `next` gives until it gives none or about `budget` of work is done
    // (at least one file), in one transaction, each file in a savepoint of its own (as a
    // refresh's writer does): a file that fails leaves the others stored. When the
    // transaction cannot be committed, nothing of it is kept and every report says why.
    QList<Report> storeBatch(const std::function<std::optional<PreparedFile>()> &next,
                             std::chrono::milliseconds budget);
    // After a run of imports with deferred search indexing (ArticleStore::setDeferIndexing),
    // as after a refresh: indexes the new stories for search in transactions of a few
    // hundred, merges the indexes' segments and checkpoints the write-ahead log. Their
    // related coverage is left waiting (CoverageStore::pending) for the window's writer,
    // and the reader works it out on the spot until then; stopped part way, the search
    // index's rest waits for the next writer too (ArticleStore::indexPending). Returns what
    // went wrong, in words, one line each.
    QStringList finishImport();
    // Works out and stores the related coverage of `imported` now, a short step at a time
    // (CoverageIndexer::index), for a caller that needs the events grouped before it
    // returns; after finishImport(), outside any transaction. Returns what went wrong, in
    // words, one line each; stopped part way, the rest stays waiting.
    QStringList indexCoverage(const QList<qint64> &imported);

    Report importFile(const QString &path, const Options &options = {});
    Report importPlainText(const QByteArray &bytes, const Options &options,
                           const QString &path = {});
    // documentUrl: where the feed came from (see parseFeed); empty when unknown. Lets go of
    // `bytes` once it is parsed (pass a temporary or std::move).
    Report importFeed(QByteArray bytes, const QString &path, const QUrl &documentUrl = {});
    Report importOpml(const QByteArray &bytes, const QString &path); // adds subscriptions

private:
    Report storeFeed(PreparedFeed feed, std::shared_ptr<FeedBatches> batches, const QString &path);

    Cache &m_cache;
};

} // namespace bulletin
