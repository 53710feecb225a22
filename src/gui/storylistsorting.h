#pragma once

#include "storage/storyorder.h"

#include <QObject>

class QHeaderView;

namespace bulletin {

class AppSettings;
class StoryListModel;

// Sorting the story list from its column headers: a click on Headline, Source or Date sorts
// by it (headlines and sources A to Z, dates newest first), a second click on the same header
// reverses it. The header's arrow shows the order of the view on screen, and no arrow where
// the view keeps an order of its own (StoryListModel::isSortable). Each view's order is kept
// in the settings (AppSettings::storyOrders, by StoryFilter::key) and set again when the window
// opens. The header and the model belong to the window. GUI thread only.
class StoryListSorting final : public QObject
{
    Q_OBJECT

public:
    StoryListSorting(QHeaderView *header, StoryListModel *model, AppSettings &settings,
                     QObject *parent = nullptr);

    // The header's arrow for an order: Date is descending when newest first, the others
    // ascending from A.
    static Qt::SortOrder indicatorOrder(const StoryOrder &order);
    static int columnOf(StoryOrder::Key key);

private:
    void onSectionClicked(int section);
    void showOrder();

    QHeaderView *m_header = nullptr;
    StoryListModel *m_model = nullptr;
    AppSettings &m_settings;
};

} // namespace bulletin
