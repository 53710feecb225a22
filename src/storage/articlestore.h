#pragma once

#include "storage/records.h"
#include "storage/storyorder.h"

#include <QList>
#include <QSqlDatabase>

#include <memory>
#include <optional>

namespace bulletin {

namespace sql {
class NativeStatements;
class StatementCache;
} // namespace sql

// Stories, their advisories and their publisher's related links. This header is the whole
// public API of those tables; SQL stays behind it, always with bound parameters.
// Writes that belong together (one feed's items) go in one Transaction opened by the caller.
// Not thread-safe: use it on the thread that opened its connection.
class ArticleStore final
{
public:
    explicit ArticleStore(QSqlDatabase db);
    ArticleStore(ArticleStore &&) noexcept;
    ArticleStore &operator=(ArticleStore &&) noexcept;
    ~ArticleStore();

    enum class UpsertState { Inserted, Updated, Unchanged, Failed };
    struct UpsertResult
    {
        qint64 id = 0;
        UpsertState state = UpsertState::Failed;
    };

    // Adds the article to the feed, or updates the one with the same guid (or, failing that,
    // the same link and title) in place, keeping its read and bookmark state. An article
    // whose content did not change is left untouched. `note` says how the story was made.
    // A new story's place in the list (its sort date, kept when it is updated) is its date,
    // else when it was first seen, but no later than Article::listedBy.
    UpsertResult upsert(qint64 feedId, const Article &article, const QString &note = {});

    // Stories stored while deferring go into the full-text indexes (search, and headlines
    // for related coverage) only at indexPending() (they can be read, just not found by a
    // search, until then). A refresh stores a batch
    // first and indexes it afterwards: one statement for many stories costs a fraction of
    // indexing each in its own. Off by default: every story is indexed as it is stored.
    void setDeferIndexing(bool defer);
    // Indexes up to `limit` waiting stories, oldest first; returns how many (-1 on error).
    // Call it inside a Transaction.
    int indexPending(int limit);
    int pendingIndexCount() const;
    // The full-text indexes do not merge their segments as they are written (schema 7:
    // 'automerge' is off); this merges up to about `pages` pages of them, where four or more
    // segments of a size are there. Returns whether there was such work (false once none is
    // left, or on error). Call it inside a Transaction, repeatedly, when the writer is idle.
    bool mergeIndexes(int pages);

    // A story whose stored body is damaged is still returned, with its html and text saying
    // so ("The text of this story is damaged in the cache ...") in place of its own.
    std::optional<StoryDetail> story(qint64 id) const;
    std::optional<StorySummary> summary(qint64 id) const;
    QList<StorySummary> summaries(const QList<qint64> &ids) const; // in no particular order

    // In the order given (newest first by default), keyset-paged: pass the last row's cursor
    // (StoryOrder::cursorOf) to get the next page. Every order reads a page from an index
    // range that starts at the cursor (no OFFSET, nothing sorted but the filter's own
    // matches in a folder): the date order from (sort_date, id), the headline order from
    // (title NOCASE, id) and (feed_id, title NOCASE), and the source order one source at a
    // time, from the source of the cursor on, each through its (feed_id, sort_date, id) index.
    QList<StorySummary> stories(const StoryFilter &filter, const std::optional<StoryCursor> &after,
                                int limit, const StoryOrder &order = {}) const;
    int count(const StoryFilter &filter) const;
    int unreadCount(const StoryFilter &filter) const;

    // The story's enclosures, in the feed's order (also in story()).
    QList<Enclosure> enclosures(qint64 id) const;
    // The cached story a related link points at: by link, then by headline.
    std::optional<qint64> resolve(const QString &link, const QString &title) const;

    // Marks the stories read (true) or unread (false) in one transaction: all of them or,
    // on a failure, none. Marking unread a story that has left the cache does nothing.
    bool setRead(const QList<qint64> &ids, bool read);
    // Marks every story of the view read in one statement, in one transaction, and returns
    // the ids of the stories it changed (not those already read), so that the mark can be
    // undone exactly with setRead(ids, false). Empty when nothing changed or on a failure;
    // *ok, when given, tells the two apart.
    QList<qint64> markAllRead(const StoryFilter &filter, bool *ok = nullptr);

private:
    // The conditions of a filter over "a" (articles or unread_articles; see sourceFor).
    QString whereFor(const StoryFilter &filter, QVariantList *values) const;
    static QLatin1String sourceFor(const StoryFilter &filter);
    // A page of summaries: the ids from `source a` matching `where` in `orderBy`, then their
    // rows. `values` are where's bound values; the limit is bound after them.
    QList<StorySummary> page(QLatin1String source, const QString &where, QVariantList values,
                             const QString &orderBy, int limit) const;
    QList<StorySummary> storiesBySource(const StoryFilter &filter,
                                        const std::optional<StoryCursor> &after, int limit,
                                        bool reversed) const;

    QSqlDatabase m_db;
    // The prepared statements of the paths run for every stored story (upsert) and every
    // opened one (story, summary, resolve).
    std::unique_ptr<sql::StatementCache> m_statements;
    // upsert's statements, on SQLite's own API (see sql::NativeStatement).
    std::unique_ptr<sql::NativeStatements> m_native;
    bool m_deferIndexing = false;
};

} // namespace bulletin
