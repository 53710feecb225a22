#pragma once

#include <QTableView>

namespace bulletin {

// The story list's view: one story a row, its cells the headline, the source and the date.
// A table rather than a tree: a tree lays out every loaded row again whenever a page of
// stories is appended (a hundredth of a second at 100,000 rows, ten times that at a
// million), where a table's rows are a run of equal heights. It reads as a list: no grid,
// no row numbers, whole rows selected, and the cursor keys move between stories only.
// Pages are appended (StoryListModel::fetchMore) when the last loaded row comes into sight.
// A story dragged out of the list gives its link to wherever it is dropped.
// In the grouped view an event's row opens over its reports with Right or a click on its
// arrow, and closes with Left (also from one of its reports).
class StoryListView final : public QTableView
{
    Q_OBJECT

public:
    explicit StoryListView(QWidget *parent = nullptr);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void fitRowHeight();
};

} // namespace bulletin
