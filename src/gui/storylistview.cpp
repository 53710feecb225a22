#include "gui/storylistview.h"

#include "gui/unshapedfont.h"

#include <QEvent>
#include <QHeaderView>
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
        return current; // a row is one story: nothing to move to beside it
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
    const int height = style()->sizeFromContents(QStyle::CT_ItemViewItem, &option, QSize(), this).height();
    QHeaderView *rows = verticalHeader();
    rows->setMinimumSectionSize(1);
    rows->setDefaultSectionSize(height);
}

} // namespace bulletin
