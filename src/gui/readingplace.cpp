#include "gui/readingplace.h"

#include "gui/appsettings.h"
#include "gui/storycontroller.h"
#include "models/sidebarmodel.h"
#include "storage/cache.h"

#include <QTimer>

namespace bulletin {

namespace {

constexpr int kRememberDelayMs = 2000;

} // namespace

ReadingPlace::ReadingPlace(Cache &cache, AppSettings &settings, StoryController &controller,
                           QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_settings(settings)
    , m_controller(controller)
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(kRememberDelayMs);
    connect(m_timer, &QTimer::timeout, this, &ReadingPlace::remember);
    connect(&m_controller, &StoryController::locationChanged, m_timer, qOverload<>(&QTimer::start));
    connect(&m_controller, &StoryController::filterChanged, this,
            [this](const StoryFilter &filter) {
                m_shownFilter = filter;
                m_timer->start();
            });
}

void ReadingPlace::remember()
{
    m_timer->stop();
    if (m_shownFilter)
        m_settings.setLastView(*m_shownFilter);
    m_settings.setLastLocation(m_controller.currentLocation());
}

void ReadingPlace::restore()
{
    const StoryFilter filter = m_settings.lastView();
    // A feed or folder that has gone since falls back to All stories.
    const bool known = m_controller.sidebarModel()->indexFor(filter).isValid();
    m_controller.showFilter(known ? filter : StoryFilter{});

    const qint64 story = m_settings.lastStory();
    const qint64 bookmark = m_settings.lastBookmark();
    if (story > 0 && m_cache.articles().summary(story))
        m_controller.openStory(story);
    else if (bookmark > 0 && m_cache.bookmarks().bookmark(bookmark))
        m_controller.openBookmark(bookmark);
}

} // namespace bulletin
