#pragma once

#include <QTreeView>

namespace bulletin {

// The story list's view. QTreeView's item layout asks the model for another page whenever
// the model can fetch more, on every reset and after every page; the list pages through
// StoryListModel instead only as rows come into sight (scrolling to the end of what is
// loaded), so a view opens on one page of 200 rows, which fills any screen.
class StoryListView final : public QTreeView
{
    Q_OBJECT

public:
    using QTreeView::QTreeView;

    void doItemsLayout() override;
};

} // namespace bulletin
