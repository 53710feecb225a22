#include "gui/storylistsorting.h"

#include "gui/appsettings.h"
#include "models/storylistmodel.h"

#include <QHeaderView>
#include <QSignalBlocker>

namespace bulletin {

StoryListSorting::StoryListSorting(QHeaderView *header, StoryListModel *model,
                                   AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_header(header)
    , m_model(model)
    , m_settings(settings)
{
    const QHash<QString, StoryOrder> orders = m_settings.storyOrders();
    for (auto it = orders.cbegin(); it != orders.cend(); ++it)
        m_model->setOrder(it.key(), it.value());
    m_header->setSectionsClickable(true);
    connect(m_header, &QHeaderView::sectionClicked, this, &StoryListSorting::onSectionClicked);
    // A new view, a search, the grouped view: each says what order it has.
    connect(m_model, &QAbstractItemModel::modelReset, this, &StoryListSorting::showOrder);
    showOrder();
}

int StoryListSorting::columnOf(StoryOrder::Key key)
{
    switch (key) {
    case StoryOrder::Key::Date:
        return StoryListModel::DateColumn;
    case StoryOrder::Key::Headline:
        return StoryListModel::HeadlineColumn;
    case StoryOrder::Key::Source:
        return StoryListModel::SourceColumn;
    }
    return StoryListModel::DateColumn;
}

Qt::SortOrder StoryListSorting::indicatorOrder(const StoryOrder &order)
{
    const bool descending = (order.key == StoryOrder::Key::Date) != order.reversed;
    return descending ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void StoryListSorting::onSectionClicked(int section)
{
    StoryOrder order;
    switch (section) {
    case StoryListModel::HeadlineColumn:
        order.key = StoryOrder::Key::Headline;
        break;
    case StoryListModel::SourceColumn:
        order.key = StoryOrder::Key::Source;
        break;
    case StoryListModel::DateColumn:
        order.key = StoryOrder::Key::Date;
        break;
    default:
        showOrder(); // the note column does not sort; undo the header's own flip
        return;
    }
    if (!m_model->isSortable()) {
        showOrder();
        return;
    }
    if (m_model->order().key == order.key)
        order.reversed = !m_model->order().reversed;
    const QString key = m_model->filter().key();
    m_settings.setStoryOrder(key, order);
    m_model->setOrder(key, order); // a reset: showOrder follows
    showOrder();
}

void StoryListSorting::showOrder()
{
    // The header flips its own arrow on a click; the arrow shown is always the model's.
    const QSignalBlocker blocker(m_header);
    const bool sortable = m_model->isSortable();
    m_header->setSortIndicatorShown(sortable);
    if (sortable) {
        const StoryOrder order = m_model->order();
        m_header->setSortIndicator(columnOf(order.key), indicatorOrder(order));
    }
}

} // namespace bulletin
