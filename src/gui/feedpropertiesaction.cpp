#include "gui/feedpropertiesaction.h"

#include "gui/feedactions.h"
#include "gui/imagebar.h"
#include "gui/storycontroller.h"
#include "services/refreshschedule.h"
#include "services/refreshservice.h"
#include "storage/cache.h"

#include <QAction>
#include <QMessageBox>

namespace bulletin {

FeedPropertiesAction::FeedPropertiesAction(Cache &cache, StoryController &controller,
                                           FeedActions &feeds, ImageBar *images,
                                           RefreshService *refresh, QWidget *dialogParent,
                                           QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_controller(controller)
    , m_feeds(feeds)
    , m_images(images)
    , m_refresh(refresh)
    , m_dialogParent(dialogParent)
    , m_action(new QAction(tr("Feed &Properties\u2026"), this))
{
    m_action->setObjectName(QStringLiteral("feedProperties"));
    m_action->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Return));
    m_action->setToolTip(
        tr("Title, address, folder, refresh interval, images and alerts of the selected feed"));
    connect(m_action, &QAction::triggered, this, &FeedPropertiesAction::ask);
    connect(&m_controller, &StoryController::filterChanged, this,
            &FeedPropertiesAction::updateState);
    updateState();
}

void FeedPropertiesAction::updateState()
{
    m_action->setEnabled(m_controller.currentFilter().kind == StoryFilter::Kind::Feed);
}

std::optional<FeedPropertiesDialog::Values> FeedPropertiesAction::valuesOf(qint64 feedId) const
{
    const std::optional<FeedRecord> feed = m_cache.feeds().feedSettings(feedId);
    if (!feed)
        return std::nullopt;
    FeedPropertiesDialog::Values values;
    values.title = feed->title;
    values.url = isFetchedHere(*feed) ? feed->url : QString();
    const QString path = m_feeds.pathOfFolder(feed->folderId);
    if (!path.isEmpty())
        values.folderPath = path.split(QLatin1Char('/'));
    values.refreshMinutes = feed->refreshMinutes;
    values.loadImages = m_images && m_images->isFeedAllowed(feedId);
    values.alertSource = feed->alertSource;
    return values;
}

bool FeedPropertiesAction::apply(qint64 feedId, const FeedPropertiesDialog::Values &wanted,
                                 QString *error)
{
    const std::optional<FeedPropertiesDialog::Values> current = valuesOf(feedId);
    if (!current)
        return false;
    QStringList problems;
    if (wanted.title != current->title
        && !m_feeds.rename({StoryFilter::Kind::Feed, feedId}, wanted.title))
        problems << tr("the title could not be changed");
    if (wanted.folderPath != current->folderPath && !m_feeds.moveFeed(feedId, wanted.folderPath))
        problems << tr("the feed could not be moved");
    if (wanted.alertSource != current->alertSource
        && !m_feeds.setAlertSource(feedId, wanted.alertSource))
        problems << tr("the alert source could not be changed");
    if (wanted.refreshMinutes != current->refreshMinutes
        && !m_cache.feeds().setRefreshMinutes(feedId, wanted.refreshMinutes))
        problems << tr("the refresh interval could not be changed");
    if (wanted.loadImages != current->loadImages && m_images)
        m_images->setFeedAllowed(feedId, wanted.loadImages);
    if (!current->url.isEmpty() && !wanted.url.isEmpty() && wanted.url != current->url) {
        const std::optional<FeedRecord> other = m_cache.feeds().feedByUrl(wanted.url);
        if (other && other->id != feedId) {
            problems << tr("%1 already has the address %2").arg(other->title, wanted.url);
        } else if (!m_cache.feeds().setAddress(feedId, wanted.url)) {
            problems << tr("the address could not be changed");
        } else {
            emit statusMessage(tr("Fetching %1 from its new address\u2026").arg(wanted.title));
            if (m_refresh)
                m_refresh->refreshFeed(feedId);
        }
    }
    m_controller.refreshSidebar();
    if (!problems.isEmpty() && error)
        *error = problems.join(QStringLiteral("; "));
    return problems.isEmpty();
}

void FeedPropertiesAction::ask()
{
    const StoryFilter source = m_controller.currentFilter();
    if (source.kind != StoryFilter::Kind::Feed)
        return;
    const std::optional<FeedPropertiesDialog::Values> values = valuesOf(source.id);
    if (!values)
        return;
    const int defaultMinutes = m_refresh ? m_refresh->schedule().defaultMinutes
                                         : RefreshSchedule{}.defaultMinutes;
    FeedPropertiesDialog dialog(*values, !values->url.isEmpty(), m_feeds.folderPaths(),
                                defaultMinutes, m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!apply(source.id, dialog.values(), &error))
        QMessageBox::warning(m_dialogParent, tr("Feed Properties"),
                             tr("Not every change was made: %1.").arg(error));
}

} // namespace bulletin
