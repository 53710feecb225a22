#pragma once

#include <QTreeView>

namespace bulletin {

// The sources sidebar's view over a SidebarModel: the names stretch, the unread counts take
// the width of the widest count, and every folder stays expanded.
class SidebarView final : public QTreeView
{
    Q_OBJECT

public:
    explicit SidebarView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

private:
    void fitCounts();
};

} // namespace bulletin
