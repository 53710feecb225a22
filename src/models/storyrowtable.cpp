#include "models/storyrowtable.h"

namespace bulletin {

StoryRowTable::StoryRowTable(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int StoryRowTable::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

Qt::ItemFlags StoryRowTable::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

qint64 StoryRowTable::storyIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).storyId : 0;
}

qint64 StoryRowTable::bookmarkIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).bookmarkId : 0;
}

int StoryRowTable::rowForStory(qint64 storyId) const
{
    return storyId == 0 ? -1 : m_rowByStory.value(storyId, -1);
}

int StoryRowTable::rowForBookmark(qint64 bookmarkId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).bookmarkId == bookmarkId)
            return i;
    }
    return -1;
}

void StoryRowTable::emitRowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void StoryRowTable::setRowsQuietly(const QList<StoryRow> &rows)
{
    // clear() keeps the list's capacity: a view paged far down again after a reload grows
    // without copying its rows anew each time the list outgrows its buffer (at 100,000 rows
    // one such copy is a step of ~100 ms while scrolling).
    m_rows.clear();
    m_rows.append(rows);
    m_rowByStory.clear();
    reindexFrom(0);
}

void StoryRowTable::appendRows(const QList<StoryRow> &rows)
{
    if (rows.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    for (const StoryRow &row : rows) {
        m_rowByStory.insert(row.storyId, int(m_rows.size()));
        m_rows << row;
    }
    endInsertRows();
}

void StoryRowTable::insertRowsAt(int row, const QList<StoryRow> &rows)
{
    // Listeners of the signals see the rows and their index in step.
    beginInsertRows({}, row, row + int(rows.size()) - 1);
    for (qsizetype i = 0; i < rows.size(); ++i)
        m_rows.insert(row + i, rows.at(i));
    reindexFrom(row);
    endInsertRows();
}

void StoryRowTable::removeRowsAt(int first, int count)
{
    beginRemoveRows({}, first, first + count - 1);
    for (int i = first; i < first + count; ++i)
        m_rowByStory.remove(m_rows.at(i).storyId);
    m_rows.remove(first, count);
    reindexFrom(first);
    endRemoveRows();
}

void StoryRowTable::replaceRows(const QList<StoryRow> &next)
{
    // Where each story sits: at the top level (0) or under the row of the story given.
    const auto placesOf = [](const QList<StoryRow> &rows) {
        QHash<qint64, qint64> places;
        qint64 lead = 0;
        for (const StoryRow &row : rows) {
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
        removeRowsAt(first, end - first);
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
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, columnCount() - 1));
}

void StoryRowTable::reindexFrom(int row)
{
    for (qsizetype i = row; i < m_rows.size(); ++i)
        m_rowByStory.insert(m_rows.at(i).storyId, int(i));
}

} // namespace bulletin
