#pragma once

#include "gui/feedpropertiesdialog.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace bulletin {

class Cache;
class FeedActions;
class ImageBar;
class RefreshService;
class StoryController;

// Feeds › Feed Properties… (also in the sidebar's context menu): the selected feed's
// FeedPropertiesDialog, and what OK changes. Each property goes through the path its own
// action takes (FeedActions' rename, move and alert source; ImageBar's feeds whose images
// load), so the sidebar, the settings and the advisories follow as they do there. A new
// address is fetched at once, from scratch (FeedStore::setAddress), when the window has a
// RefreshService; its outcome shows as any refresh's does, in the feed's health. GUI thread
// only; every object given must outlive this one.
class FeedPropertiesAction final : public QObject
{
    Q_OBJECT

public:
    FeedPropertiesAction(Cache &cache, StoryController &controller, FeedActions &feeds,
                         ImageBar *images, RefreshService *refresh, QWidget *dialogParent,
                         QObject *parent = nullptr);

    QAction *action() const { return m_action; }

    // The feed's properties as the dialog shows them; nullopt for no such feed.
    std::optional<FeedPropertiesDialog::Values> valuesOf(qint64 feedId) const;
    // Changes what differs from the feed's values. False, with *error in words, when the
    // address is another feed's or a change could not be stored (the others still are).
    bool apply(qint64 feedId, const FeedPropertiesDialog::Values &wanted, QString *error = nullptr);

signals:
    void statusMessage(const QString &message);

private:
    void ask();
    void updateState();

    Cache &m_cache;
    StoryController &m_controller;
    FeedActions &m_feeds;
    QPointer<ImageBar> m_images;
    QPointer<RefreshService> m_refresh;
    QWidget *m_dialogParent = nullptr;
    QAction *m_action = nullptr;
};

} // namespace bulletin
