#include "gui/storylistview.h"

#include "models/storylistmodel.h"

namespace bulletin {

void StoryListView::doItemsLayout()
{
    auto *stories = qobject_cast<StoryListModel *>(model());
    if (stories)
        stories->setPagingHeld(true);
    QTreeView::doItemsLayout();
    if (stories)
        stories->setPagingHeld(false);
}

} // namespace bulletin
