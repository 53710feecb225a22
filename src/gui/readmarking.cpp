#include "gui/readmarking.h"

#include "gui/storycontroller.h"
#include "models/storylistmodel.h"
#include "services/readmarker.h"
#include "storage/cache.h"

#include <QAbstractItemView>
#include <QTimer>

#include <utility>

namespace bulletin {

ReadMarking::ReadMarking(Cache &cache, StoryController &controller, QAbstractItemView *storyView)
    : QObject(&controller)
    , m_cache(cache)
    , m_controller(controller)
    , m_storyView(storyView)
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        // Still reading the same story: now it counts as read.
        if (m_pending && m_controller.currentLocation().storyId == m_pending
            && m_cache.articles().setRead({m_pending}, true))
            m_controller.storyReadChanged(m_pending, true);
        m_pending = 0;
    });
}

void ReadMarking::setMarkReadDelay(int milliseconds)
{
    m_delay = milliseconds;
    if (milliseconds <= 0)
        m_timer->stop();
}

void ReadMarking::storyShown(qint64 storyId, bool read)
{
    m_timer->stop();
    if (!read && m_delay == 0) {
        // Only what was stored is shown: a read-only cache keeps the story unread.
        if (m_cache.articles().setRead({storyId}, true))
            m_controller.storyReadChanged(storyId, true);
    } else if (!read && m_delay > 0) {
        m_pending = storyId;
        m_timer->start(m_delay);
    }
}

void ReadMarking::readerCleared()
{
    m_timer->stop();
    m_pending = 0;
}

bool ReadMarking::moveToUnread(int direction)
{
    StoryListModel *stories = m_controller.storyModel();
    const int step = direction < 0 ? -1 : 1;
    int row = m_storyView->currentIndex().isValid() ? m_storyView->currentIndex().row() + step
                                                    : (step > 0 ? 0 : stories->rowCount() - 1);
    // Pages on through the list (at most a few thousand rows) looking for an unread story.
    constexpr int kLookAhead = 5000;
    for (int looked = 0; looked < kLookAhead && row >= 0; ++looked, row += step) {
        if (row >= stories->rowCount()) {
            if (!stories->canFetchMore({}))
                break;
            stories->fetchMore({});
            if (row >= stories->rowCount())
                break;
        }
        const QModelIndex index = stories->index(row, StoryListModel::HeadlineColumn);
        if (!index.data(StoryListModel::ReadRole).toBool()
            && index.data(StoryListModel::StoryIdRole).toLongLong()) {
            m_storyView->setCurrentIndex(index);
            m_storyView->scrollTo(index);
            return true;
        }
    }
    emit statusMessage(direction < 0 ? tr("No unread story above.")
                                     : tr("No more unread stories in this view."));
    return false;
}

bool ReadMarking::toggleRead()
{
    const qint64 storyId = m_controller.currentLocation().storyId;
    if (!storyId)
        return false;
    const std::optional<StorySummary> story = m_cache.articles().summary(storyId);
    if (!story)
        return false;
    m_timer->stop(); // a choice made by hand wins over the delay
    const bool read = !story->read;
    if (!m_cache.articles().setRead({story->id}, read))
        return false;
    m_controller.storyReadChanged(story->id, read);
    emit statusMessage(read ? tr("Marked as read.") : tr("Marked as unread."));
    return true;
}

bool ReadMarking::markAllRead()
{
    if (m_cache.isReadOnly()) {
        emit statusMessage(tr("Nothing was marked read: the cache is read-only (%1).")
                               .arg(m_cache.readOnlyReason()));
        return false;
    }
    if (!m_marker) {
        m_marker = new ReadMarker(m_cache.path(), this);
        connect(m_marker, &ReadMarker::marked, this, &ReadMarking::onViewMarked);
    }
    // The list and the counts follow once the mark is stored, as every other mark does: a
    // story never shows read that the cache still has unread.
    ++m_marksInProgress;
    m_marker->markAllRead(m_controller.currentFilter());
    emit markAllReadStarted();
    emit statusMessage(tr("Marking the stories read\u2026"));
    return true;
}

void ReadMarking::onViewMarked(const StoryFilter &filter, const QList<qint64> &changed, bool ok,
                               const QString &reason)
{
    --m_marksInProgress;
    if (!ok) {
        emit statusMessage(
            reason.isEmpty()
                ? tr("Nothing was marked read: the cache could not be written.")
                : tr("Nothing was marked read. The cache could not be written: %1.").arg(reason));
        emit markAllReadFinished(false, 0);
        return;
    }
    if (!changed.isEmpty()) {
        if (m_controller.currentFilter().kind == StoryFilter::Kind::Unread) {
            // The Unread view lists only unread stories: the marked ones leave it.
            m_controller.reloadStories();
        } else {
            // Elsewhere the loaded rows turn read where they are, keeping the list's place and
            // selection; rows loaded later are read from the cache. Reloading the list would
            // cost as much as opening the view again.
            StoryListModel *stories = m_controller.storyModel();
            for (qint64 id : changed)
                stories->setStoryRead(id, true);
            m_controller.refreshSidebar();
        }
        // A story waiting in the reader to count as read has been marked with the rest.
        if (m_pending && changed.contains(m_pending)) {
            m_timer->stop();
            m_pending = 0;
        }
        emit storiesMarked();
        emit viewMarkedRead(changed, filter);
    }
    emit statusMessage(changed.size() == 1 ? tr("Marked 1 story as read.")
                                           : tr("Marked %1 stories as read.").arg(changed.size()));
    emit markAllReadFinished(true, int(changed.size()));
}

bool ReadMarking::restoreUnread(const QList<qint64> &storyIds)
{
    if (!m_cache.articles().setRead(storyIds, false))
        return false;
    m_controller.reloadStories();
    // The triggers queued an account's stories with the mark; its server hears of it as of
    // any other mark.
    emit storiesMarked();
    return true;
}

int ReadMarking::markStoriesRead(const QList<qint64> &storyIds)
{
    QList<qint64> unread;
    for (const StorySummary &s : m_cache.articles().summaries(storyIds)) {
        if (!s.read)
            unread << s.id;
    }
    if (unread.isEmpty())
        return 0;
    if (!m_cache.articles().setRead(unread, true)) {
        emit statusMessage(tr("The stories could not be marked read."));
        return 0;
    }
    for (qint64 id : std::as_const(unread))
        m_controller.storyReadChanged(id, true);
    m_controller.refreshPage();
    emit statusMessage(tr("%n stories marked read.", nullptr, int(unread.size())));
    return int(unread.size());
}

} // namespace bulletin
