#include "gui/refreshactions.h"

#include "gui/actionname.h"
#include "gui/storycontroller.h"
#include "models/sidebarmodel.h"
#include "services/refreshservice.h"
#include "storage/cache.h"

#include <QAction>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

namespace bulletin {

RefreshActions::RefreshActions(Cache &cache, StoryController &controller, RefreshService *refresh,
                               QWidget *window, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_controller(controller)
    , m_refresh(refresh)
    , m_refreshAll(new QAction(tr("&Refresh All"), this))
    , m_refreshSelected(new QAction(tr("Refresh &Selected"), this))
    , m_stop(new QAction(tr("S&top Refreshing"), this))
{
    m_refreshAll->setShortcut(QKeySequence(tr("Ctrl+R")));
    m_refreshAll->setToolTip(tr("Fetch new stories from every subscription (Ctrl+R)"));
    m_refreshAll->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh")));
    m_refreshSelected->setShortcut(QKeySequence(tr("F5")));
    m_refreshSelected->setProperty(kListedNameProperty, tr("Refresh Selected"));
    m_refreshSelected->setToolTip(tr("Fetch new stories for the selected feed or folder (F5)"));
    m_stop->setToolTip(tr("Stop the refresh in progress; stories already fetched are kept"));
    m_stop->setIcon(QIcon::fromTheme(QStringLiteral("process-stop")));

    connect(m_refreshAll, &QAction::triggered, this, [this] {
        if (m_refresh)
            m_refresh->refreshAll();
    });
    connect(m_refreshSelected, &QAction::triggered, this, &RefreshActions::refreshSelected);
    connect(m_stop, &QAction::triggered, this, [this] {
        if (m_refresh)
            m_refresh->cancel();
    });
    connect(&m_controller, &StoryController::filterChanged, this, &RefreshActions::updateState);

    m_sidebarTimer = new QTimer(this);
    m_sidebarTimer->setSingleShot(true);
    m_sidebarTimer->setInterval(300);
    connect(m_sidebarTimer, &QTimer::timeout, &m_controller, &StoryController::refreshSidebar);

    // The progress indicator: a bar with a stop button, shown while a refresh runs.
    m_progress = new QWidget(window);
    m_progress->setObjectName(QStringLiteral("refreshProgress"));
    m_progressBar = new QProgressBar(m_progress);
    m_progressBar->setAccessibleName(tr("Refresh progress"));
    m_progressBar->setMaximumWidth(180);
    m_progressBar->setFormat(tr("%v of %m feeds"));
    m_stopButton = new QToolButton(m_progress);
    m_stopButton->setDefaultAction(m_stop);
    m_stopButton->setAccessibleName(tr("Stop refreshing"));
    m_stopButton->setAutoRaise(true);
    if (m_stop->icon().isNull())
        m_stopButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *layout = new QHBoxLayout(m_progress);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_stopButton);
    m_progress->hide();

    if (m_refresh) {
        connect(m_refresh, &RefreshService::refreshStarted, this, [this] {
            m_batchAdded = m_batchFailed = m_batchFeeds = m_batchStopped = 0;
            m_refreshing = true;
            m_progressBar->setRange(0, 0);
            m_progress->show();
            updateState();
        });
        connect(m_refresh, &RefreshService::progressChanged, this, &RefreshActions::onProgress);
        connect(m_refresh, &RefreshService::feedRefreshed, this, &RefreshActions::onFeedRefreshed);
        connect(m_refresh, &RefreshService::refreshFinished, this,
                &RefreshActions::onRefreshFinished);
    }
    updateState();
}

void RefreshActions::updateState()
{
    const StoryFilter source = m_controller.currentFilter();
    const bool feed = source.kind == StoryFilter::Kind::Feed;
    const bool folder = source.kind == StoryFilter::Kind::Folder;
    const bool network = !m_refresh.isNull();
    const bool refreshing = network && (m_refreshing || m_refresh->isRefreshing());
    std::optional<FeedRecord> record;
    if (feed)
        record = m_cache.feeds().feed(source.id);
    const bool local = record && record->kind == QLatin1String("local");

    m_refreshAll->setEnabled(network);
    m_refreshSelected->setEnabled(network && !local);
    m_refreshSelected->setText(feed         ? tr("Refresh &Feed")
                                   : folder ? tr("Refresh &Folder")
                                            : tr("Refresh &Selected"));
    m_stop->setEnabled(refreshing);
}

void RefreshActions::refreshSelected()
{
    if (!m_refresh)
        return;
    const StoryFilter source = m_controller.currentFilter();
    if (m_controller.sidebarModel()->accountOf(source) != 0)
        return; // its server fetches it (AccountActions)
    if (source.kind == StoryFilter::Kind::Feed)
        m_refresh->refreshFeed(source.id);
    else if (source.kind == StoryFilter::Kind::Folder)
        m_refresh->refreshFolder(source.id);
    else
        m_refresh->refreshAll();
}

void RefreshActions::onProgress(int done, int total)
{
    m_progressBar->setRange(0, std::max(total, 1));
    m_progressBar->setValue(done);
}

void RefreshActions::onFeedRefreshed(qint64 feedId, const RefreshResult &result)
{
    ++m_batchFeeds;
    m_batchAdded += result.added;
    if (result.status == RefreshResult::Status::Cancelled)
        ++m_batchStopped;
    if (result.status == RefreshResult::Status::Error) {
        ++m_batchFailed;
        QString name;
        if (const std::optional<FeedRecord> feed = m_cache.feeds().feed(feedId))
            name = feed->title.isEmpty() ? feed->url : feed->title;
        emit statusMessage(tr("%1: %2").arg(name, result.error));
    }
    if (result.added || result.updated || result.removed)
        m_storiesDirty = true;
    // A new or changed advisory is shown at once, not when the rest of the batch is done:
    // one slow news feed must not hold back a public warning.
    if (result.advisories > 0)
        emit advisoriesChanged();
    // Health and unread counts change feed by feed; the sidebar follows as they come, a few
    // times a second at most, so a batch of hundreds of feeds costs the GUI thread little.
    if (!m_sidebarTimer->isActive())
        m_sidebarTimer->start();
}

void RefreshActions::onRefreshFinished()
{
    m_refreshing = false;
    m_sidebarTimer->stop();
    m_controller.refreshSidebar();
    m_progress->hide();
    updateState();
    if (m_storiesDirty) {
        m_storiesDirty = false;
        emit storiesChanged();
    }
    if (m_batchFeeds == 0)
        return;
    // Stopped, the batch says how far it got: the feeds fetched before the stop are stored.
    QString summary = m_batchStopped
        ? tr("Refresh stopped after %1 of %n feed(s)", nullptr, m_batchFeeds)
              .arg(m_batchFeeds - m_batchStopped)
        : tr("Refreshed %n feed(s)", nullptr, m_batchFeeds);
    summary += QStringLiteral(": ") + tr("%n new story(ies)", nullptr, m_batchAdded);
    if (m_batchFailed)
        summary += QStringLiteral(", ")
            + tr("%n failed (see the feed's tooltip)", nullptr, m_batchFailed);
    emit statusMessage(summary + QLatin1Char('.'));
}

} // namespace bulletin
