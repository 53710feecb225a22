#include "gui/readingplace.h"

#include "gui/storycontroller.h"
#include "models/sidebarmodel.h"
#include "storage/cache.h"

#include <QSettings>
#include <QTimer>

namespace bulletin {

namespace {

constexpr auto kFilterKindKey = "view/filterKind";
constexpr auto kFilterIdKey = "view/filterId";
constexpr auto kLastStoryKey = "reader/lastStory";
constexpr auto kLastBookmarkKey = "reader/lastBookmark";
constexpr int kRememberDelayMs = 2000;

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

ReadingPlace::ReadingPlace(Cache &cache, QSettings &settings, StoryController &controller, QObject *parent)
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
    connect(&m_controller, &StoryController::filterChanged, this, [this](const StoryFilter &filter) {
        m_shownFilter = filter;
        m_timer->start();
    });
}

void ReadingPlace::remember()
{
    m_timer->stop();
    if (m_shownFilter) {
        m_settings.setValue(key(kFilterKindKey), int(m_shownFilter->kind));
        m_settings.setValue(key(kFilterIdKey), m_shownFilter->id);
    }
    const ReaderLocation location = m_controller.currentLocation();
    m_settings.setValue(key(kLastStoryKey), location.storyId);
    m_settings.setValue(key(kLastBookmarkKey), location.bookmarkId);
}

void ReadingPlace::restore()
{
    StoryFilter filter;
    const int kind = m_settings.value(key(kFilterKindKey), int(StoryFilter::Kind::All)).toInt();
    if (kind >= int(StoryFilter::Kind::All) && kind <= int(StoryFilter::Kind::Account)) {
        filter.kind = StoryFilter::Kind(kind);
        filter.id = m_settings.value(key(kFilterIdKey)).toLongLong();
    }
    // A feed or folder that has gone since falls back to All stories.
    const bool known = m_controller.sidebarModel()->indexFor(filter).isValid();
    m_controller.showFilter(known ? filter : StoryFilter{});

    const qint64 story = m_settings.value(key(kLastStoryKey)).toLongLong();
    const qint64 bookmark = m_settings.value(key(kLastBookmarkKey)).toLongLong();
    if (story > 0 && m_cache.articles().summary(story))
        m_controller.openStory(story);
    else if (bookmark > 0 && m_cache.bookmarks().bookmark(bookmark))
        m_controller.openBookmark(bookmark);
}

} // namespace bulletin
