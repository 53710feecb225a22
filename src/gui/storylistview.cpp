#include "gui/storylistview.h"

#include "models/storylistmodel.h"

#include "gui/unshapedfont.h"

#include <QEvent>
#include <QHeaderView>
#include <QMouseEvent>
#include <QStyle>

namespace bulletin {

StoryListView::StoryListView(QWidget *parent)
    : QTableView(parent)
{
    setFont(unshapedFont()); // the rows are drawn again at every scroll step
    setShowGrid(false);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    setTabKeyNavigation(false);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    // A story dragged out gives its link (StoryListModel::mimeData); nothing is dropped here.
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    QHeaderView *rows = verticalHeader();
    rows->setAccessibleName(tr("Story rows"));
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    fitRowHeight();
    connect(this, &QAbstractItemView::iconSizeChanged, this, &StoryListView::fitRowHeight);
}

QModelIndex StoryListView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    const QModelIndex current = currentIndex();
    switch (cursorAction) {
    case MoveLeft:
    case MoveRight:
        // A row is one story: nothing beside it. In the grouped view Right opens an event's
        // row over its reports and Left closes it, from the row or from one of its reports.
        if (auto *stories = qobject_cast<StoryListModel *>(model()); stories && current.isValid()) {
            int row = current.row();
            if (cursorAction == MoveLeft) {
                while (row > 0
                       && stories->index(row, 0).data(StoryListModel::EventDepthRole).toInt() > 0)
                    --row;
                if (stories->setEventExpanded(row, false))
                    return stories->index(row, current.column());
            } else {
                stories->setEventExpanded(row, true);
            }
        }
        return current;
    case MoveHome:
    case MoveEnd:
        // The first or the last loaded story, as in a list; a table would move along the row.
        if (model() && model()->rowCount(rootIndex()) > 0)
            return model()->index(cursorAction == MoveHome ? 0 : model()->rowCount(rootIndex()) - 1,
                                  current.isValid() ? current.column() : 0, rootIndex());
        return current;
    default:
        return QTableView::moveCursor(cursorAction, modifiers);
    }
}

void StoryListView::mousePressEvent(QMouseEvent *event)
{
    // A click on an event row's arrow (after the row's markers) opens or closes it.
    const QModelIndex index = indexAt(event->position().toPoint());
    auto *stories = qobject_cast<StoryListModel *>(model());
    if (stories && index.isValid() && index.column() == StoryListModel::HeadlineColumn
        && index.data(StoryListModel::EventReportsRole).toInt() > 0) {
        const int arrowEnd = visualRect(index).left() + iconSize().width()
            + fontMetrics().horizontalAdvance(QStringLiteral("\u25be ")) + 12;
        if (event->position().x() <= arrowEnd) {
            stories->setEventExpanded(index.row(),
                                      !index.data(StoryListModel::EventExpandedRole).toBool());
            setCurrentIndex(index);
            return;
        }
    }
    QTableView::mousePressEvent(event);
}

void StoryListView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fitRowHeight();
}

void StoryListView::fitRowHeight()
{
    // Every row is as high as a bold headline with its marker icon, as the item delegate
    // would size it; asked of the style once, not of every row.
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.font.setBold(true);
    option.fontMetrics = QFontMetrics(option.font);
    option.features |= QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
    option.text = QStringLiteral("Xgjq");
    option.decorationSize = iconSize().isValid() ? iconSize() : option.decorationSize;
    const int height
        = style()->sizeFromContents(QStyle::CT_ItemViewItem, &option, QSize(), this).height();
    QHeaderView *rows = verticalHeader();
    rows->setMinimumSectionSize(1);
    rows->setDefaultSectionSize(height);
}

} // namespace bulletin
