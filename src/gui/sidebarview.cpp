#include "gui/sidebarview.h"

#include "gui/unshapedfont.h"
#include "models/sidebarmodel.h"

#include <QHeaderView>
#include <QStyle>

#include <algorithm>

namespace bulletin {

SidebarView::SidebarView(QWidget *parent)
    : QTreeView(parent)
{
    setFont(unshapedFont());
    QHeaderView *columns = header();
    columns->setAccessibleName(tr("Source columns"));
    columns->setStretchLastSection(false);
}

void SidebarView::setModel(QAbstractItemModel *model)
{
    QTreeView::setModel(model);
    if (!qobject_cast<SidebarModel *>(model))
        return;
    header()->setSectionResizeMode(SidebarModel::NameColumn, QHeaderView::Stretch);
    // The counts' column is as wide as the widest count's digits. ResizeToContents would
    // measure every row each time a count changes, as it does when a story is read.
    header()->setSectionResizeMode(SidebarModel::CountColumn, QHeaderView::Fixed);
    connect(model, &QAbstractItemModel::dataChanged, this, &SidebarView::fitCounts);
    connect(model, &QAbstractItemModel::rowsInserted, this, &SidebarView::fitCounts);
    connect(model, &QAbstractItemModel::modelReset, this, &SidebarView::fitCounts);
    connect(model, &QAbstractItemModel::modelReset, this, &QTreeView::expandAll);
    expandAll();
    fitCounts();
}

void SidebarView::fitCounts()
{
    // The widest count is a top-level one: All holds every unread story, and a folder its
    // feeds'.
    const QAbstractItemModel *sources = model();
    int widest = 99;
    for (int row = 0; row < sources->rowCount(); ++row)
        widest = std::max(
            widest,
            sources->index(row, SidebarModel::CountColumn).data(SidebarModel::CountRole).toInt());
    const int margin = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1)
        + 6;
    const int width = fontMetrics().horizontalAdvance(QString::number(widest)) + margin;
    if (header()->sectionSize(SidebarModel::CountColumn) != width)
        header()->resizeSection(SidebarModel::CountColumn, width);
}

} // namespace bulletin
