#include "gui/readerpage.h"

#include "gui/imagepolicy.h"
#include "gui/readercoverage.h"
#include "gui/readerview.h"
#include "gui/themecolours.h"
#include "models/storylistmodel.h"
#include "services/storypage.h"
#include "storage/cache.h"

#include <QAbstractTextDocumentLayout>
#include <QScrollBar>

namespace bulletin {

ReaderPage::ReaderPage(Cache &cache, ReaderView *reader, const StoryListModel &stories,
                       QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_reader(reader)
    , m_stories(stories)
{
    m_coverage = new ReaderCoverage(cache, this);
    connect(m_coverage, &ReaderCoverage::pageChanged, this, [this](qint64 storyId) {
        if (m_location.storyId == storyId)
            refresh();
    });
    m_images = new ImagePolicy(reader, this);
    connect(m_images, &ImagePolicy::imagesArrived, this, &ReaderPage::refresh);
    connect(m_images, &ImagePolicy::statusMessage, this, &ReaderPage::statusMessage);
    connect(reader, &ReaderView::partRequested, this, &ReaderPage::showPart);
    // Follow the system palette: the banner has light and dark colour sets.
    connect(reader, &ReaderView::paletteChanged, this, &ReaderPage::refresh);
}

QString ReaderPage::linkWarning(const QUrl &url) const
{
    for (const FlaggedLink &link : m_flagged) {
        if (QUrl(link.href) == url || link.href == url.toString())
            return link.reason;
    }
    return {};
}

int ReaderPage::scroll() const
{
    return m_reader->verticalScrollBar()->value();
}

bool ReaderPage::show(const ReaderLocation &location, int part)
{
    if (!draw(location, part))
        return false;
    m_location = location;
    return true;
}

void ReaderPage::scrollTo(int scroll)
{
    // The page is laid out when first shown; lay it out now so the place exists.
    m_reader->document()->documentLayout()->documentSize();
    m_reader->verticalScrollBar()->setValue(scroll);
}

void ReaderPage::refresh()
{
    if (!m_location.isValid())
        return;
    // Keep the reader where it was: a palette change should not scroll the page.
    const int scroll = m_reader->verticalScrollBar()->value();
    draw(m_location, m_part);
    m_reader->verticalScrollBar()->setValue(scroll);
}

void ReaderPage::showPart(int part)
{
    if (!m_location.isValid() || part == m_part || part < 0 || part >= m_parts)
        return;
    draw(m_location, part);
    m_reader->verticalScrollBar()->setValue(0);
}

void ReaderPage::clear()
{
    m_location = {};
    m_link = QUrl();
    m_flagged.clear();
    m_feedId = 0;
    m_reader->clear();
    emit remoteImagesBlocked(0);
}

void ReaderPage::loadImages(bool alwaysForFeed)
{
    if (m_images->allow(m_location.storyId, m_feedId, alwaysForFeed))
        refresh();
}

bool ReaderPage::isDarkPalette() const
{
    return m_reader->palette().color(QPalette::Window).lightness() < 128;
}

bool ReaderPage::draw(const ReaderLocation &location, int part)
{
    const PageOptions options{isDarkPalette(), false, part, m_cache.isReadOnly(),
                              pageColours(m_reader->palette())};
    StoryPage page;
    if (location.storyId) {
        const std::optional<StoryDetail> story = m_cache.articles().story(location.storyId);
        if (!story) {
            emit statusMessage(tr("That story is no longer in your cache."));
            return false;
        }
        StoryDetail detail = *story;
        m_coverage->addTo(detail);
        m_feedId = story->summary.feedId;
        page = buildStoryPage(detail, options);
        m_images->apply(detail, options, page);
        m_link = QUrl(story->summary.link);
        emit storyShown(location.storyId, story->summary.read);
    } else {
        const std::optional<BookmarkRecord> bookmark = m_cache.bookmarks().bookmark(
            location.bookmarkId);
        if (!bookmark) {
            emit statusMessage(tr("That bookmark no longer exists."));
            return false;
        }
        page = buildBookmarkPage(*bookmark, options);
        m_link = QUrl(bookmark->link);
        m_feedId = 0;
    }
    // Links in the palette's link colour: the HTML reader otherwise takes the application's at
    // the time, not the reader's.
    m_reader->document()->setDefaultStyleSheet(
        QStringLiteral("a { color: %1; }").arg(m_reader->palette().color(QPalette::Link).name()));
    m_reader->setHtml(page.html);
    m_part = page.part;
    m_parts = page.parts;
    m_reader->highlightMatches(m_stories.highlighter());
    m_flagged = page.flaggedLinks;
    emit remoteImagesBlocked(int(page.blockedUrls.size()));
    return true;
}

} // namespace bulletin
