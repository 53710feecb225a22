#pragma once

#include <QObject>
#include <QSet>

namespace bulletin {

class ImageCache;
class ImageLoader;
class ReaderView;
struct PageOptions;
struct StoryDetail;
struct StoryPage;

// Which stories the reader may show remote images in: none until the user allows them for
// one story (this session only), for every story of a feed (kept in the settings by the
// ImageBar) or everywhere (Preferences). apply() turns a page built without remote content
// into the one to show: with the images when allowed (the loader fetches what the disk cache
// lacks, and imagesArrived asks for the page again), else with the images it left out listed
// for the user to allow; tracking pixels are never loaded nor offered. Without a loader
// nothing is allowed. Owned by the ReaderPage; GUI thread only.
class ImagePolicy final : public QObject
{
    Q_OBJECT

public:
    ImagePolicy(ReaderView *reader, QObject *parent);

    // The cache the reader draws images from and the loader that fills it; both may be null
    // (the window was built without them, or is closing).
    void setImageSupport(ImageCache *cache, ImageLoader *loader);
    bool canLoadImages() const { return m_loader != nullptr; }

    void setImageFeeds(const QSet<qint64> &feeds);
    QSet<qint64> imageFeeds() const { return m_feeds; }
    void setImagesAlways(bool always) { m_always = always; }
    // Allows images in this story (and in its feed's stories when alwaysForFeed); false when
    // no loader could load them.
    bool allow(qint64 storyId, qint64 feedId, bool alwaysForFeed);

    // `page` was built from `story` with `options` (remote content left out).
    void apply(const StoryDetail &story, const PageOptions &options, StoryPage &page);

signals:
    // Images were fetched: the page should be drawn again.
    void imagesArrived();
    void statusMessage(const QString &message);

private:
    ReaderView *m_reader = nullptr;
    ImageCache *m_cache = nullptr;
    ImageLoader *m_loader = nullptr;
    QSet<qint64> m_stories; // allowed once, for this session
    QSet<qint64> m_feeds; // allowed always
    bool m_always = false; // allowed everywhere (Preferences)
};

} // namespace bulletin
