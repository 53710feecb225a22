#include "models/storylistmodel.h"

#include "models/storylinkdrag.h"
#include "models/storyrowtext.h"
#include "storage/articlestore.h"
#include "storage/bookmarkstore.h"

#include <QFont>
#include <QGuiApplication>
#include <QMimeData>
#include <QPalette>
#include <QScopedValueRollback>
#include <QSet>

#include <algorithm>

namespace bulletin {

StoryListModel::StoryListModel(ArticleStore &articles, BookmarkStore &bookmarks, QObject *parent)
    : StoryRowTable(parent)
    , m_articles(articles)
    , m_bookmarks(bookmarks)
    , m_pager(articles, bookmarks)
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
    if (trimmed.isEmpty() || !m_pager.searchStore()) {
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

bool StoryListModel::setSearchResults(const QString &query, const StoryFilter &scope,
                                      const QList<SearchStore::Result> &results)
{
    const QString trimmed = query.trimmed();
    if (SearchStore::ftsExpression(trimmed).isEmpty())
        return false;
    m_query = trimmed;
    m_searchScope = scope;
    m_highlighter = SearchMatcher(trimmed);
    const QScopedValueRollback guard(m_changing, true);
    beginResetModel();
    m_snippets.clear();
    m_events.clear();
    StoryPager::View view;
    view.source = StoryPager::Source::Search;
    view.filter = scope;
    view.query = trimmed;
    setRowsQuietly(m_pager.startSearch(view, results));
    // Whatever was read ahead belongs to the view before.
    m_wanted = false;
    askReadAhead();
    endResetModel();
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
    m_snippets.clear();
    m_events.clear();
    StoryPager::View view;
    if (isBookmarkView()) {
        view.source = StoryPager::Source::Bookmarks;
    } else if (isSearching()) {
        view.source = StoryPager::Source::Search;
        view.filter = m_searchScope;
        view.query = m_query;
    } else if (isAdvisoryView()) {
        view.source = StoryPager::Source::Advisories;
    } else {
        view.filter = m_filter;
        view.order = order();
    }
    const QList<Row> rows = m_pager.start(view);
    setRowsQuietly(view.source == StoryPager::Source::Stories ? storyRows(rows, nullptr) : rows);
    // Whatever was read ahead belongs to the view before.
    m_wanted = false;
    askReadAhead();
}

QList<StoryListModel::Row> StoryListModel::storyRows(const QList<Row> &page, QList<Row> *joining)
{
    QHash<qint64, StoryEvent> events;
    if (m_coverage && !isBookmarkView()) {
        QList<qint64> ids;
        ids.reserve(page.size());
        for (const Row &story : page)
            ids << story.storyId;
        events = m_coverage->events(ids);
    }
    return storyRows(page, events, joining);
}

QList<StoryListModel::Row> StoryListModel::storyRows(const QList<Row> &page,
                                                     const QHash<qint64, StoryEvent> &events,
                                                     QList<Row> *joining)
{
    QList<Row> rows;
    rows.reserve(page.size());
    const bool grouped = isGroupedView();
    for (Row row : page) {
        if (const auto event = events.constFind(row.storyId); event != events.cend()) {
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
        if (rows().at(leadRow).expanded)
            insertRowsAt(leadRow + int(under.size()), {report});
        emitRowChanged(leadRow); // its count of reports
    }
}

bool StoryListModel::setEventExpanded(int row, bool expanded)
{
    if (row < 0 || row >= rows().size() || rows().at(row).depth != 0)
        return false;
    const QList<Row> reports = m_events.reports(rows().at(row).eventId);
    if (reports.isEmpty())
        return false;
    if (rows().at(row).expanded == expanded)
        return true;
    const QScopedValueRollback guard(m_changing, true);
    editRow(row).expanded = expanded;
    if (expanded)
        insertRowsAt(row + 1, reports);
    else
        removeRowsAt(row + 1, int(reports.size()));
    emitRowChanged(row);
    return true;
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
    for (const Row &row : rows()) {
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
    // A page read ahead carries the events as they were: read it again.
    askReadAhead();
}

int StoryListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int StoryListModel::reportsUnder(const Row &row) const
{
    return row.depth == 0 && isGroupedView() ? int(m_events.reports(row.eventId).size()) : 0;
}

QVariant StoryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case HeadlineColumn:
            return StoryRowText::headline(row, reportsUnder(row));
        case SourceColumn:
            return StoryRowText::source(row);
        case DateColumn:
            return StoryRowText::date(row);
        case NoteColumn:
            return StoryRowText::noteLine(row);
        }
        return {};
    case Qt::ToolTipRole:
        return StoryRowText::description(row, reportsUnder(row), snippetOf(row),
                                         StoryRowText::Form::ToolTip,
                                         index.column() == HeadlineColumn);
    case Qt::AccessibleDescriptionRole:
        return StoryRowText::description(row, reportsUnder(row), snippetOf(row),
                                         StoryRowText::Form::Accessible, false);
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
        return reportsUnder(row);
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
    const SearchStore *search = m_pager.searchStore();
    if (!isSearching() || !search || row.storyId == 0)
        return {};
    auto it = m_snippets.constFind(row.storyId);
    if (it == m_snippets.constEnd())
        it = m_snippets.insert(row.storyId, search->snippetOf(row.storyId, m_query));
    return *it;
}

Qt::ItemFlags StoryListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = StoryRowTable::flags(index);
    if (index.isValid() && draggableStoryLink(rows().at(index.row()).link))
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList StoryListModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list"), QStringLiteral("text/plain"),
            QStringLiteral("text/x-moz-url"), QStringLiteral("text/html")};
}

QMimeData *StoryListModel::mimeData(const QModelIndexList &indexes) const
{
    // A selected row comes once for each of its columns; its link goes once, in list order.
    QList<int> rowNumbers;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.model() == this && !rowNumbers.contains(index.row()))
            rowNumbers << index.row();
    }
    std::sort(rowNumbers.begin(), rowNumbers.end());
    QList<StoryLink> links;
    for (int row : std::as_const(rowNumbers)) {
        if (const std::optional<QUrl> url = draggableStoryLink(rows().at(row).link))
            links << StoryLink{*url, rows().at(row).title};
    }
    return storyLinksMimeData(links);
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

bool StoryListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_pager.atEnd() && !m_changing;
}

void StoryListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid())
        return;
    // Without a read-ahead the page is read now; with one, it is appended when it is ready.
    fetchPage(m_readAhead == nullptr);
}

void StoryListModel::fetchPage(bool now)
{
    // Views and QAbstractItemModelTester may call back into fetchMore from the signals of a
    // change in progress (this very fetch, a reset, an event opened): a page appended then
    // would start an insertion inside another one, or load the same rows twice.
    if (m_pager.atEnd() || m_changing)
        return;
    if (m_ready) {
        StoryReadAhead::Page page = std::move(*m_ready);
        m_ready.reset();
        m_pager.resume(page.after);
        appendPage(std::move(page.rows), page.events);
        return;
    }
    if (!now) {
        m_wanted = true;
        return;
    }
    QList<Row> rows = m_pager.next();
    QHash<qint64, StoryEvent> events;
    if (m_coverage && !isBookmarkView() && !isAdvisoryView()) {
        QList<qint64> ids;
        ids.reserve(rows.size());
        for (const Row &row : std::as_const(rows))
            ids << row.storyId;
        events = m_coverage->events(ids);
    }
    // Read now: no mark was set since.
    m_readSince.clear();
    m_bookmarkedSince.clear();
    appendPage(std::move(rows), events);
}

void StoryListModel::appendPage(QList<Row> page, const QHash<qint64, StoryEvent> &events)
{
    const QScopedValueRollback guard(m_changing, true);
    m_wanted = false;
    // The marks set since the page was read; in the Unread view a story read meanwhile is no
    // longer listed, as it would not be in a page read now.
    const bool unreadOnly = m_filter.kind == StoryFilter::Kind::Unread || m_filter.unreadOnly;
    if (!m_readSince.isEmpty() || !m_bookmarkedSince.isEmpty()) {
        for (auto row = page.begin(); row != page.end();) {
            if (const auto read = m_readSince.constFind(row->storyId); read != m_readSince.cend()) {
                if (*read && unreadOnly && !isBookmarkView() && !isSearching()) {
                    row = page.erase(row);
                    continue;
                }
                row->read = *read;
            }
            if (const auto bookmarked = m_bookmarkedSince.constFind(row->storyId);
                bookmarked != m_bookmarkedSince.cend())
                row->bookmarked = *bookmarked;
            ++row;
        }
    }
    if (isAdvisoryView() || isBookmarkView()) {
        appendRows(page);
    } else {
        QList<Row> joining;
        const QList<Row> rows = storyRows(page, events, &joining);
        // One change at a time: the reports of events already listed, then the page.
        joinShownEvents(joining);
        appendRows(rows);
    }
    askReadAhead();
}

void StoryListModel::setReadAhead(const QString &cachePath)
{
    delete m_readAhead;
    m_readAhead = new StoryReadAhead(cachePath, this);
    connect(m_readAhead, &StoryReadAhead::pageRead, this, &StoryListModel::onPageRead);
    askReadAhead();
}

void StoryListModel::askReadAhead()
{
    ++m_generation;
    m_ready.reset();
    m_readSince.clear();
    m_bookmarkedSince.clear();
    if (!m_readAhead || m_pager.atEnd())
        return;
    const bool events = m_coverage.has_value() && !isBookmarkView() && !isAdvisoryView();
    m_readAhead->read(m_generation, m_pager.state(), events);
}

void StoryListModel::onPageRead(const StoryReadAhead::Page &page)
{
    if (page.generation != m_generation)
        return; // asked for by a view or a page since replaced
    if (page.failed) {
        // The worker could not open the file: the list reads its pages itself.
        m_readAhead->deleteLater();
        m_readAhead = nullptr;
        if (m_wanted && !m_changing)
            fetchPage(true);
        return;
    }
    m_ready = page;
    if (m_wanted && !m_changing)
        fetchPage(false);
}

int StoryListModel::locateBookmark(qint64 bookmarkId, int maxRows)
{
    int row = rowForBookmark(bookmarkId);
    while (row < 0 && isBookmarkView() && !m_pager.atEnd() && rows().size() < maxRows) {
        const qsizetype loaded = rows().size();
        fetchPage(true);
        for (qsizetype i = loaded; i < rows().size() && row < 0; ++i) {
            if (rows().at(i).bookmarkId == bookmarkId)
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
    if (row >= 0 || m_pager.atEnd())
        return row;
    // A story that is not bookmarked is not in the Bookmarks view: no need to page through it.
    if (isBookmarkView() && !m_bookmarks.isBookmarked(storyId))
        return -1;
    if (isAdvisoryView() || isBookmarkView()) {
        while (!m_pager.atEnd() && rows().size() < maxRows) {
            fetchPage(true);
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
    while (!m_pager.atEnd() && rows().size() < maxRows
           && (rows().isEmpty() || sortsBefore(rows().constLast().cursor))) {
        fetchPage(true);
        if (const int found = rowForStory(storyId); found >= 0)
            return found;
    }
    return -1;
}

void StoryListModel::setStoryRead(qint64 storyId, bool read)
{
    m_readSince.insert(storyId, read);
    m_events.setRead(storyId, read);
    const int row = rowForStory(storyId);
    if (row < 0 || rows().at(row).read == read)
        return;
    editRow(row).read = read;
    emitRowChanged(row);
}

void StoryListModel::setStoryBookmarked(qint64 storyId, bool bookmarked)
{
    if (isBookmarkView()) {
        // The Bookmarks view's rows are the bookmarks themselves: one was added or removed.
        reload();
        return;
    }
    m_bookmarkedSince.insert(storyId, bookmarked);
    const int row = rowForStory(storyId);
    if (row < 0 || rows().at(row).bookmarked == bookmarked)
        return;
    editRow(row).bookmarked = bookmarked;
    emitRowChanged(row);
}

} // namespace bulletin
