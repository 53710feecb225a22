#include "models/storylistmodel.h"

#include "storage/articlestore.h"
#include "storage/bookmarkstore.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QScopedValueRollback>
#include <QSet>

#include <algorithm>

#include <limits>

namespace bulletin {

StoryListModel::StoryListModel(ArticleStore &articles, BookmarkStore &bookmarks, QObject *parent)
    : QAbstractTableModel(parent)
    , m_articles(articles)
    , m_bookmarks(bookmarks)
{
    loadFirstPage();
}

void StoryListModel::setFilter(const StoryFilter &filter)
{
    m_filter = filter;
    m_query.clear();
    m_highlighter = {};
    reload();
}

bool StoryListModel::setSearch(const QString &query, const StoryFilter &scope, QString *error)
{
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty() || !m_search) {
        const bool wasSearching = isSearching();
        m_query.clear();
        m_highlighter = {};
        if (wasSearching)
            reload();
        return trimmed.isEmpty();
    }
    if (SearchStore::ftsExpression(trimmed).isEmpty()) {
        if (error)
            *error = tr("Nothing to search for in \u201c%1\u201d.").arg(trimmed);
        return false;
    }
    m_query = trimmed;
    m_searchScope = scope;
    m_highlighter = SearchMatcher(trimmed);
    reload();
    return true;
}

void StoryListModel::reload()
{
    const QScopedValueRollback guard(m_changing, true); // no paging in the middle of a reset
    beginResetModel();
    loadFirstPage();
    endResetModel();
}

bool StoryListModel::isSortable() const
{
    return !isBookmarkView() && !isSearching() && m_filter.kind != StoryFilter::Kind::Advisories
           && m_filter.kind != StoryFilter::Kind::Bookmarked && !isGroupedView();
}

void StoryListModel::setOrder(const QString &viewKey, const StoryOrder &order)
{
    if (m_orders.value(viewKey) == order)
        return;
    if (order == StoryOrder{})
        m_orders.remove(viewKey);
    else
        m_orders.insert(viewKey, order);
    if (viewKey == m_filter.key() && isSortable())
        reload();
}

void StoryListModel::setGrouped(bool grouped)
{
    if (m_grouped == grouped)
        return;
    m_grouped = grouped;
    reload();
}

void StoryListModel::loadFirstPage()
{
    m_rows.clear();
    m_rowByStory.clear();
    m_snippets.clear();
    m_events.clear();
    m_pageCursor.reset();
    m_atEnd = false;
    if (isBookmarkView()) {
        for (const Row &row : nextBookmarkPage()) {
            m_rowByStory.insert(row.storyId, m_rows.size());
            m_rows << row;
        }
        return;
    }
    if (isSearching()) {
        m_atEnd = true;
        // The list shows a result's snippet only in its tooltip: it is cut when asked for.
        for (const SearchStore::Result &result :
             m_search->search(m_query, m_searchScope, kSearchLimit, nullptr, SearchStore::Snippets::OnRequest)) {
            m_rowByStory.insert(result.story.id, m_rows.size());
            m_rows << rowFor(result.story);
        }
        return;
    }
    if (isAdvisoryView()) {
        // The advisories' order comes from their records; the stories' rows are read a page
        // at a time, as in the other views.
        m_advisoryQueue.clear();
        QSet<qint64> seen;
        for (const AdvisoryStore::Placement &placement : m_advisories->order()) {
            if (!seen.contains(placement.storyId)) {
                seen.insert(placement.storyId);
                m_advisoryQueue.append({placement.storyId, placement.status});
            }
        }
        for (const Row &row : nextAdvisoryPage()) {
            m_rowByStory.insert(row.storyId, m_rows.size());
            m_rows << row;
        }
        return;
    }
    for (const Row &row : storyRows(nextPage(std::nullopt), nullptr)) {
        m_rowByStory.insert(row.storyId, m_rows.size());
        m_rows << row;
    }
}

QList<StoryListModel::Row> StoryListModel::storyRows(const QList<StorySummary> &page, QList<Row> *joining)
{
    QList<Row> rows;
    rows.reserve(page.size());
    if (!page.isEmpty())
        m_pageCursor = StoryOrder::cursorOf(page.last());
    QHash<qint64, StoryEvent> events;
    if (m_coverage && !isBookmarkView()) {
        QList<qint64> ids;
        ids.reserve(page.size());
        for (const StorySummary &story : page)
            ids << story.id;
        events = m_coverage->events(ids);
    }
    const bool grouped = isGroupedView();
    for (const StorySummary &story : page) {
        Row row = rowFor(story);
        if (const auto event = events.constFind(story.id); event != events.cend()) {
            row.eventId = event->eventId;
            row.sources = event->sources;
        }
        if (!grouped || !m_events.joins(row)) {
            rows << row;
            continue;
        }
        // When the event's row is already in the list, the caller places the report (the
        // model has not changed yet).
        if (rowForStory(m_events.leadOf(row.eventId)) >= 0 && joining)
            joining->append(row);
        else
            m_events.addReport(row);
    }
    return rows;
}

void StoryListModel::joinShownEvents(const QList<Row> &reports)
{
    for (const Row &report : reports) {
        const QList<Row> &under = m_events.addReport(report);
        const int leadRow = rowForStory(m_events.leadOf(report.eventId));
        if (leadRow < 0)
            continue;
        // Reports are older page by page, so a newcomer goes below the ones shown.
        if (m_rows.at(leadRow).expanded)
            insertRowsAt(leadRow + int(under.size()), {report});
        emitRowChanged(leadRow); // its count of reports
    }
}

bool StoryListModel::setEventExpanded(int row, bool expanded)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).depth != 0)
        return false;
    const QList<Row> reports = m_events.reports(m_rows.at(row).eventId);
    if (reports.isEmpty())
        return false;
    if (m_rows.at(row).expanded == expanded)
        return true;
    const QScopedValueRollback guard(m_changing, true);
    m_rows[row].expanded = expanded;
    if (expanded) {
        insertRowsAt(row + 1, reports);
    } else {
        beginRemoveRows({}, row + 1, row + int(reports.size()));
        for (const Row &report : reports)
            m_rowByStory.remove(report.storyId);
        m_rows.remove(row + 1, reports.size());
        reindexFrom(row + 1);
        endRemoveRows();
    }
    emitRowChanged(row);
    return true;
}

void StoryListModel::insertRowsAt(int row, const QList<Row> &rows)
{
    // Listeners of the signals see the rows and their index in step.
    beginInsertRows({}, row, row + int(rows.size()) - 1);
    for (qsizetype i = 0; i < rows.size(); ++i)
        m_rows.insert(row + i, rows.at(i));
    reindexFrom(row);
    endInsertRows();
}

void StoryListModel::refreshEvents()
{
    if (!m_coverage || isAdvisoryView() || isBookmarkView() || isSearching())
        return;
    const QScopedValueRollback guard(m_changing, true);
    // Every story loaded so far, in the list's order; and what must stay in sight: the
    // events the user opened and the rows a view holds on to (its selection).
    QList<Row> stories;
    QSet<qint64> opened;
    for (const Row &row : std::as_const(m_rows)) {
        if (row.depth == 0)
            stories << row;
        if (row.expanded)
            opened.insert(row.storyId);
    }
    stories << m_events.allReports();
    QSet<qint64> held;
    for (const QModelIndex &index : persistentIndexList())
        held.insert(storyIdAt(index.row()));
    const StoryOrder listOrder = order();
    std::sort(stories.begin(), stories.end(),
              [&](const Row &a, const Row &b) { return listOrder.precedes(a.cursor, b.cursor); });
    QList<qint64> ids;
    ids.reserve(stories.size());
    for (const Row &row : std::as_const(stories))
        ids << row.storyId;
    const QHash<qint64, StoryEvent> events = m_coverage->events(ids);

    for (Row &row : stories) {
        const StoryEvent event = events.value(row.storyId);
        row.eventId = event.eventId;
        row.sources = event.sources;
    }
    replaceRows(m_events.regroup(stories, isGroupedView(), opened, held));
}

void StoryListModel::replaceRows(const QList<Row> &next)
{
    // Where each story sits: at the top level (0) or under the row of the story given.
    const auto placesOf = [](const QList<Row> &rows) {
        QHash<qint64, qint64> places;
        qint64 lead = 0;
        for (const Row &row : rows) {
            if (row.depth == 0)
                lead = row.storyId;
            places.insert(row.storyId, row.depth == 0 ? 0 : lead);
        }
        return places;
    };
    const QHash<qint64, qint64> wanted = placesOf(next);
    const QHash<qint64, qint64> current = placesOf(m_rows);
    const auto stays = [&](int row) {
        const auto found = wanted.constFind(m_rows.at(row).storyId);
        return found != wanted.cend() && *found == current.value(m_rows.at(row).storyId);
    };
    // The rows that change place go, a run at a time from the bottom. The ones that stay are
    // then in the new order (the list's order, reports right under their event's row), so
    // the rest is inserting the runs between them.
    for (int end = int(m_rows.size()); end > 0;) {
        if (stays(end - 1)) {
            --end;
            continue;
        }
        int first = end - 1;
        while (first > 0 && !stays(first - 1))
            --first;
        beginRemoveRows({}, first, end - 1);
        for (int i = first; i < end; ++i)
            m_rowByStory.remove(m_rows.at(i).storyId);
        m_rows.remove(first, end - first);
        reindexFrom(first);
        endRemoveRows();
        end = first;
    }
    for (int i = 0; i < next.size();) {
        if (i < m_rows.size() && m_rows.at(i).storyId == next.at(i).storyId) {
            m_rows[i] = next.at(i);
            ++i;
            continue;
        }
        const qint64 resume = i < m_rows.size() ? m_rows.at(i).storyId : 0;
        int j = i;
        while (j < next.size() && next.at(j).storyId != resume)
            ++j;
        insertRowsAt(i, next.mid(i, j - i));
        i = j;
    }
    if (m_rows.size() != next.size()) {
        // Not reached while the kept rows are in order; a reset is still right if it is.
        beginResetModel();
        m_rows = next;
        m_rowByStory.clear();
        reindexFrom(0);
        endResetModel();
        return;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void StoryListModel::reindexFrom(int row)
{
    for (qsizetype i = row; i < m_rows.size(); ++i)
        m_rowByStory.insert(m_rows.at(i).storyId, int(i));
}

QList<StorySummary> StoryListModel::nextPage(const std::optional<StoryCursor> &after)
{
    // One row more than a page tells whether another page follows, so the list never asks
    // for an empty page at the end.
    QList<StorySummary> page = m_articles.stories(m_filter, after, kPageSize + 1, order());
    m_atEnd = page.size() <= kPageSize;
    if (!m_atEnd)
        page.resize(kPageSize);
    return page;
}

QList<StoryListModel::Row> StoryListModel::nextBookmarkPage()
{
    std::optional<StoryCursor> after;
    if (!m_rows.isEmpty())
        after = m_rows.constLast().cursor;
    QList<BookmarkRecord> page = m_bookmarks.bookmarkPage(after, kPageSize + 1);
    m_atEnd = page.size() <= kPageSize;
    if (!m_atEnd)
        page.resize(kPageSize);
    QList<Row> rows;
    rows.reserve(page.size());
    for (const BookmarkRecord &bookmark : page)
        rows << rowFor(bookmark);
    return rows;
}

QList<StoryListModel::Row> StoryListModel::nextAdvisoryPage()
{
    const qsizetype count = std::min<qsizetype>(kPageSize, m_advisoryQueue.size());
    QList<qint64> ids;
    ids.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        ids << m_advisoryQueue.at(i).first;
    QHash<qint64, StorySummary> summaries;
    for (const StorySummary &story : m_articles.summaries(ids))
        summaries.insert(story.id, story);
    QList<Row> rows;
    rows.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const auto found = summaries.constFind(m_advisoryQueue.at(i).first);
        if (found == summaries.constEnd())
            continue; // gone since the records were read
        Row row = rowFor(*found);
        row.advisoryStatus = m_advisoryQueue.at(i).second;
        rows << row;
    }
    m_advisoryQueue.remove(0, count);
    m_atEnd = m_advisoryQueue.isEmpty();
    return rows;
}

StoryListModel::Row StoryListModel::rowFor(const StorySummary &story)
{
    Row row;
    row.storyId = story.id;
    row.title = story.title;
    row.source = story.source;
    row.published = story.published;
    row.cursor = StoryOrder::cursorOf(story);
    row.read = story.read;
    row.bookmarked = story.bookmarked;
    row.hasAdvisory = story.hasAdvisory;
    row.headlineOnly = story.headlineOnly;
    return row;
}

StoryListModel::Row StoryListModel::rowFor(const BookmarkRecord &bookmark)
{
    Row row;
    row.storyId = bookmark.articleId.value_or(0);
    row.bookmarkId = bookmark.bookmarkId;
    row.title = bookmark.title;
    row.source = bookmark.source;
    row.published = bookmark.published;
    row.read = bookmark.read;
    row.bookmarked = true;
    row.hasAdvisory = bookmark.hasAdvisory;
    row.note = bookmark.note;
    // The Bookmarks list is ordered by when each story was bookmarked.
    row.cursor.sortDate = bookmark.createdAt.toSecsSinceEpoch();
    row.cursor.id = bookmark.bookmarkId;
    return row;
}

int StoryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StoryListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StoryListModel::statusWords(const QString &status)
{
    if (status == QLatin1String("active"))
        return tr("active");
    if (status == QLatin1String("expired"))
        return tr("expired");
    if (status == QLatin1String("superseded"))
        return tr("superseded");
    if (status == QLatin1String("cancelled"))
        return tr("cancelled");
    return status;
}

QVariant StoryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case HeadlineColumn: {
            QString title = row.title.isEmpty() ? tr("(untitled)") : row.title;
            // The grouped view: an event's row opens (▸) and closes (▾) over its
            // reports, which are set in under it.
            if (row.depth > 0)
                title = QStringLiteral(" ↳ ") + title;
            else if (!m_events.reports(row.eventId).isEmpty() && isGroupedView())
                title = (row.expanded ? QStringLiteral("▾ ") : QStringLiteral("▸ ")) + title;
            if (row.advisoryStatus.isEmpty() || row.advisoryStatus == QLatin1String("active"))
                return title;
            return tr("%1 (%2)").arg(title, statusWords(row.advisoryStatus));
        }
        case SourceColumn:
            if (row.sources > 1 && row.depth == 0) {
                const int others = row.sources - 1;
                return others == 1 ? tr("%1  +1 source").arg(row.source)
                                   : tr("%1  +%2 sources").arg(row.source, QString::number(others));
            }
            return row.source;
        case DateColumn:
            return row.published.isValid()
                ? QLocale().toString(row.published.toLocalTime(), QLocale::ShortFormat)
                : QString();
        case NoteColumn: {
            // One line in the list: the note's first line, and an ellipsis when it goes on.
            const QString note = row.note.trimmed();
            const qsizetype lineEnd = note.indexOf(QLatin1Char('\n'));
            return lineEnd < 0 ? note : note.left(lineEnd).trimmed() + QStringLiteral(" \u2026");
        }
        }
        return {};
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole: {
        // Screen readers and tooltips get in words what the markers and bold say in pixels.
        QStringList facts;
        facts << (row.read ? tr("Read") : tr("Unread"));
        if (row.bookmarked)
            facts << tr("Bookmarked");
        if (row.hasAdvisory)
            facts << (row.advisoryStatus.isEmpty() ? tr("Carries an advisory")
                                                   : tr("Advisory: %1").arg(statusWords(row.advisoryStatus)));
        if (row.headlineOnly)
            facts << tr("Headline only");
        if (row.sources > 1)
            facts << tr("Reported by %1 sources").arg(row.sources);
        if (const qsizetype reports = m_events.reports(row.eventId).size(); reports > 0 && row.depth == 0
            && isGroupedView())
            facts << (row.expanded ? tr("%1 more reports shown below").arg(reports)
                                   : tr("%1 more reports grouped here").arg(reports));
        if (row.bookmarkId != 0 && row.storyId == 0)
            facts << tr("No longer in its feed; kept with the bookmark");
        if (!row.note.isEmpty())
            facts << (role == Qt::ToolTipRole ? tr("Your note:\n%1").arg(row.note)
                                              : tr("Your note: %1").arg(row.note.simplified()));
        if (const QString snippet = snippetOf(row); !snippet.isEmpty())
            facts << snippet;
        if (role == Qt::ToolTipRole && index.column() == HeadlineColumn)
            facts.prepend(row.title);
        return facts.join(role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral(", "));
    }
    case Qt::DecorationRole:
        if (index.column() == HeadlineColumn)
            return m_markers.icon(row.bookmarked, row.hasAdvisory);
        return {};
    case Qt::FontRole:
        if (!row.read || row.headlineOnly || (row.bookmarkId != 0 && row.storyId == 0)) {
            QFont font;
            font.setBold(!row.read);
            font.setItalic(row.headlineOnly || (row.bookmarkId != 0 && row.storyId == 0));
            return font;
        }
        return {};
    case StoryIdRole:
        return row.storyId;
    case BookmarkIdRole:
        return row.bookmarkId;
    case ReadRole:
        return row.read;
    case BookmarkedRole:
        return row.bookmarked;
    case AdvisoryRole:
        return row.hasAdvisory;
    case HeadlineOnlyRole:
        return row.headlineOnly;
    case AdvisoryStatusRole:
        return row.advisoryStatus;
    case SnippetRole:
        return snippetOf(row);
    case SourcesRole:
        return std::max(1, row.sources);
    case EventReportsRole:
        return row.depth == 0 && isGroupedView() ? int(m_events.reports(row.eventId).size()) : 0;
    case EventExpandedRole:
        return row.expanded;
    case EventDepthRole:
        return row.depth;
    case Qt::ForegroundRole:
        // Retired advisories stay listed, below the active ones and greyed.
        if (!row.advisoryStatus.isEmpty() && row.advisoryStatus != QLatin1String("active"))
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    }
    return {};
}

QString StoryListModel::snippetOf(const Row &row) const
{
    if (!isSearching() || !m_search || row.storyId == 0)
        return {};
    auto it = m_snippets.constFind(row.storyId);
    if (it == m_snippets.constEnd())
        it = m_snippets.insert(row.storyId, m_search->snippetOf(row.storyId, m_query));
    return *it;
}

QVariant StoryListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case HeadlineColumn:
        return tr("Headline");
    case SourceColumn:
        return tr("Source");
    case DateColumn:
        return tr("Date");
    case NoteColumn:
        return tr("Your Note");
    }
    return {};
}

Qt::ItemFlags StoryListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

bool StoryListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_changing;
}

void StoryListModel::fetchMore(const QModelIndex &parent)
{
    // Views and QAbstractItemModelTester may call back into fetchMore from the signals of a
    // change in progress (this very fetch, a reset, an event opened): a page appended then
    // would start an insertion inside another one, or load the same rows twice.
    if (parent.isValid() || m_atEnd || m_changing)
        return;
    const QScopedValueRollback guard(m_changing, true);
    if (isAdvisoryView()) {
        append(nextAdvisoryPage());
        return;
    }
    if (isBookmarkView()) {
        append(nextBookmarkPage());
        return;
    }
    QList<Row> joining;
    const QList<Row> rows = storyRows(nextPage(m_pageCursor), &joining);
    // One change at a time: the reports of events already listed, then the page.
    joinShownEvents(joining);
    append(rows);
}

void StoryListModel::append(const QList<Row> &rows)
{
    if (rows.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    for (const Row &row : rows) {
        m_rowByStory.insert(row.storyId, int(m_rows.size()));
        m_rows << row;
    }
    endInsertRows();
}

qint64 StoryListModel::storyIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).storyId : 0;
}

qint64 StoryListModel::bookmarkIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).bookmarkId : 0;
}

int StoryListModel::rowForStory(qint64 storyId) const
{
    return storyId == 0 ? -1 : m_rowByStory.value(storyId, -1);
}

int StoryListModel::rowForBookmark(qint64 bookmarkId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).bookmarkId == bookmarkId)
            return i;
    }
    return -1;
}

int StoryListModel::locateBookmark(qint64 bookmarkId, int maxRows)
{
    int row = rowForBookmark(bookmarkId);
    while (row < 0 && isBookmarkView() && !m_atEnd && m_rows.size() < maxRows) {
        const qsizetype loaded = m_rows.size();
        fetchMore({});
        for (qsizetype i = loaded; i < m_rows.size() && row < 0; ++i) {
            if (m_rows.at(i).bookmarkId == bookmarkId)
                row = int(i);
        }
    }
    return row;
}

std::optional<qint64> StoryListModel::hiddenUnder(qint64 storyId) const
{
    if (rowForStory(storyId) >= 0)
        return std::nullopt;
    return m_events.leadOfReport(storyId);
}

int StoryListModel::rowShowing(qint64 storyId) const
{
    const std::optional<qint64> lead = hiddenUnder(storyId);
    return rowForStory(lead.value_or(storyId));
}

int StoryListModel::locateStory(qint64 storyId, int maxRows)
{
    // A report under its event's row: open the event.
    if (const std::optional<qint64> lead = hiddenUnder(storyId))
        setEventExpanded(rowForStory(*lead), true);
    const int row = rowForStory(storyId);
    if (row >= 0 || m_atEnd)
        return row;
    // A story that is not bookmarked is not in the Bookmarks view: no need to page through it.
    if (isBookmarkView() && !m_bookmarks.isBookmarked(storyId))
        return -1;
    if (isAdvisoryView() || isBookmarkView()) {
        while (!m_atEnd && m_rows.size() < maxRows) {
            fetchMore({});
            if (const int found = rowForStory(storyId); found >= 0)
                return found;
        }
        return -1;
    }
    const std::optional<StorySummary> story = m_articles.summary(storyId);
    if (!story)
        return -1;
    // Page on only while the last loaded row still sorts before the story, so a story
    // outside this view costs nothing.
    const StoryCursor target = StoryOrder::cursorOf(*story);
    const auto sortsBefore = [&](const StoryCursor &c) { return order().precedes(c, target); };
    while (!m_atEnd && m_rows.size() < maxRows
           && (m_rows.isEmpty() || sortsBefore(m_rows.constLast().cursor))) {
        fetchMore({});
        if (const int found = rowForStory(storyId); found >= 0)
            return found;
    }
    return -1;
}

void StoryListModel::emitRowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void StoryListModel::setStoryRead(qint64 storyId, bool read)
{
    m_events.setRead(storyId, read);
    const int row = rowForStory(storyId);
    if (row < 0 || m_rows.at(row).read == read)
        return;
    m_rows[row].read = read;
    emitRowChanged(row);
}

void StoryListModel::setStoryBookmarked(qint64 storyId, bool bookmarked)
{
    if (isBookmarkView()) {
        // The Bookmarks view's rows are the bookmarks themselves: one was added or removed.
        reload();
        return;
    }
    const int row = rowForStory(storyId);
    if (row < 0 || m_rows.at(row).bookmarked == bookmarked)
        return;
    m_rows[row].bookmarked = bookmarked;
    emitRowChanged(row);
}

} // namespace bulletin
