#include "gui/imagebar.h"

#include "gui/appsettings.h"
#include "gui/imagepolicy.h"
#include "gui/storycontroller.h"
#include "services/remoteimages.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace bulletin {

ImageBar::ImageBar(StoryController &controller, AppSettings &settings, ImageCache *images,
                   ImageLoader *loader, QWidget *parent)
    : QFrame(parent)
    , m_controller(controller)
    , m_controllerAlive(&controller)
    , m_settings(settings)
    , m_text(new QLabel(this))
    , m_load(new QPushButton(tr("&Load Images"), this))
    , m_always(new QPushButton(tr("Always for This &Feed"), this))
{
    setObjectName(QStringLiteral("imageBar"));
    setAccessibleName(tr("Remote images"));
    setFrameShape(QFrame::StyledPanel);
    m_load->setToolTip(tr("Load this story's images (they are kept on disk for reading offline)"));
    m_always->setToolTip(tr("Load images in every story of this feed from now on"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 3, 8, 3);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_load);
    layout->addWidget(m_always);
    hide();

    if (images && loader)
        controller.imagePolicy()->setImageSupport(images, loader);
    controller.imagePolicy()->setImageFeeds(settings.imageFeeds());

    connect(&controller, &StoryController::remoteImagesBlocked, this, &ImageBar::onBlocked);
    connect(m_load, &QPushButton::clicked, this, [this] { m_controller.loadImages(false); });
    connect(m_always, &QPushButton::clicked, this, &ImageBar::allowFeed);
}

ImageBar::~ImageBar()
{
    // The reader may outlive the bar for a moment: it must not read a deleted cache.
    if (m_controllerAlive)
        m_controllerAlive->imagePolicy()->setImageSupport(nullptr, nullptr);
}

void ImageBar::onBlocked(int count)
{
    m_text->setText(
        count > 0 ? tr("%n remote image(s) not loaded, to protect your privacy.", nullptr, count)
                  : QString());
    const bool canLoad = m_controller.imagePolicy()->canLoadImages();
    m_load->setEnabled(canLoad);
    m_always->setEnabled(canLoad && m_controller.currentFeed() != 0);
    setVisible(count > 0);
}

void ImageBar::allowFeed()
{
    m_controller.loadImages(true);
    saveFeeds();
}

bool ImageBar::isFeedAllowed(qint64 feedId) const
{
    return m_controller.imagePolicy()->imageFeeds().contains(feedId);
}

void ImageBar::setFeedAllowed(qint64 feedId, bool allowed)
{
    QSet<qint64> feeds = m_controller.imagePolicy()->imageFeeds();
    if (allowed == feeds.contains(feedId))
        return;
    if (allowed)
        feeds.insert(feedId);
    else
        feeds.remove(feedId);
    m_controller.imagePolicy()->setImageFeeds(feeds);
    saveFeeds();
    m_controller.refreshPage(); // the story in the reader follows
}

void ImageBar::saveFeeds()
{
    m_settings.setImageFeeds(m_controller.imagePolicy()->imageFeeds());
}

} // namespace bulletin
