#include "gui/imagepolicy.h"

#include "gui/readerview.h"
#include "services/remoteimages.h"
#include "services/storypage.h"

#include <utility>

namespace bulletin {

ImagePolicy::ImagePolicy(ReaderView *reader, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
{
}

void ImagePolicy::setImageSupport(ImageCache *cache, ImageLoader *loader)
{
    m_cache = cache;
    m_loader = loader;
    if (m_reader)
        m_reader->setImageCache(cache);
    if (loader) {
        connect(loader, &ImageLoader::loaded, this, [this](int fetched, int failed) {
            if (fetched)
                emit imagesArrived();
            if (failed)
                emit statusMessage(tr("%n image(s) could not be loaded.", nullptr, failed));
        });
    }
}

void ImagePolicy::setImageFeeds(const QSet<qint64> &feeds)
{
    m_feeds = feeds;
}

bool ImagePolicy::allow(qint64 storyId, qint64 feedId, bool alwaysForFeed)
{
    if (!m_loader || !storyId)
        return false;
    m_stories.insert(storyId);
    if (alwaysForFeed && feedId)
        m_feeds.insert(feedId);
    return true;
}

void ImagePolicy::apply(const StoryDetail &story, const PageOptions &options, StoryPage &page)
{
    if (page.blockedUrls.isEmpty())
        return;
    // What the page left out, less the tracking pixels (never loaded, never offered).
    PageOptions remote = options;
    remote.allowRemoteContent = true;
    StoryPage withImages = buildStoryPage(story, remote);
    // A set: a hostile story can hold 100,000 images and as many pixels.
    const QSet<QString> pixels(withImages.blockedUrls.cbegin(), withImages.blockedUrls.cend());
    QStringList images;
    for (const QString &url : std::as_const(page.blockedUrls)) {
        if (!pixels.contains(url))
            images << url;
    }
    const qint64 storyId = story.summary.id;
    const bool allowed = m_loader
        && (m_always || m_stories.contains(storyId) || m_feeds.contains(story.summary.feedId));
    if (allowed) {
        // Show what the disk cache has; the page is drawn again when the rest arrives.
        m_loader->load(images);
        page = withImages;
        page.blockedUrls.clear();
    } else {
        page.blockedUrls = images;
    }
}

} // namespace bulletin
