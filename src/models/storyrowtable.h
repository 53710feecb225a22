#pragma once

#include "models/storyrow.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace bulletin {

// The story list's rows as a table model: the rows in the list's order, each story's row by
// id, and the changes a list makes to them in place, each told to the views as what changed
// (rows appended, inserted or removed, a row's data) rather than as a reset, so that a
// view's selection, current row and scroll position stay on their rows.
// What the rows are and what each says is the subclass's (StoryListModel): it keeps the
// rows in step only through the protected functions below. Rows have no children.
// GUI thread only.
class StoryRowTable : public QAbstractTableModel
{
    Q_OBJECT

public:
    int rowCount(const QModelIndex &parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // 0 outside the rows.
    qint64 storyIdAt(int row) const;
    qint64 bookmarkIdAt(int row) const;
    // The row of a story among the rows loaded so far, or -1.
    int rowForStory(qint64 storyId) const;
    int rowForBookmark(qint64 bookmarkId) const;

protected:
    explicit StoryRowTable(QObject *parent = nullptr);

    const QList<StoryRow> &rows() const { return m_rows; }
    // A row's own fields, to change in place; then emitRowChanged(row).
    StoryRow &editRow(int row) { return m_rows[row]; }
    void emitRowChanged(int row);

    // Every row replaced, with no signal: in the constructor, or between beginResetModel()
    // and endResetModel().
    void setRowsQuietly(const QList<StoryRow> &rows);
    void appendRows(const QList<StoryRow> &rows);
    void insertRowsAt(int row, const QList<StoryRow> &rows);
    void removeRowsAt(int first, int count);
    // Makes the rows `next` (the same stories, placed anew: reordered, regrouped, with new
    // fields) with the fewest row moves: the rows that keep their place (at the top level,
    // or under the same event's row) keep their indexes, the others are removed and
    // inserted, and every row's data is then said to have changed.
    void replaceRows(const QList<StoryRow> &next);

private:
    void reindexFrom(int row);

    QList<StoryRow> m_rows;
    QHash<qint64, int> m_rowByStory;
};

} // namespace bulletin
