#include "gui/copyactions.h"

#include "gui/storycontroller.h"
#include "storage/cache.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>

namespace bulletin {

CopyActions::CopyActions(Cache &cache, StoryController &controller, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_controller(controller)
    , m_copyLink(new QAction(tr("Copy &Link"), this))
    , m_copyHeadline(new QAction(tr("Copy &Headline"), this))
{
    m_copyLink->setObjectName(QStringLiteral("copyLink"));
    m_copyLink->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyLink->setToolTip(tr("Copy the story's web address"));
    m_copyLink->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    m_copyHeadline->setObjectName(QStringLiteral("copyHeadline"));
    m_copyHeadline->setToolTip(tr("Copy the story's headline"));
    connect(m_copyLink, &QAction::triggered, this, [this] {
        const QString link = m_controller.currentLink().toString();
        if (link.isEmpty())
            return;
        QGuiApplication::clipboard()->setText(link);
        emit statusMessage(tr("Copied %1").arg(link));
    });
    connect(m_copyHeadline, &QAction::triggered, this, [this] {
        const QString title = headline();
        if (title.isEmpty())
            return;
        QGuiApplication::clipboard()->setText(title);
        emit statusMessage(tr("Copied the headline."));
    });
    connect(&m_controller, &StoryController::locationChanged, this, &CopyActions::updateState);
    updateState();
}

QString CopyActions::headline() const
{
    const ReaderLocation location = m_controller.currentLocation();
    if (location.storyId) {
        if (const std::optional<StorySummary> story = m_cache.articles().summary(location.storyId))
            return story->title;
    } else if (location.bookmarkId) {
        if (const std::optional<BookmarkRecord> bookmark = m_cache.bookmarks().bookmark(
                location.bookmarkId))
            return bookmark->title;
    }
    return {};
}

void CopyActions::updateState()
{
    const ReaderLocation location = m_controller.currentLocation();
    m_copyLink->setEnabled(location.isValid() && !m_controller.currentLink().isEmpty());
    m_copyHeadline->setEnabled(location.isValid());
}

} // namespace bulletin
