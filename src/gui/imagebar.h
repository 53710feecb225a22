#pragma once

#include <QFrame>
#include <QPointer>

#include <memory>

class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QSettings;

namespace bulletin {

class ImageCache;
class ImageLoader;
class StoryController;

// The bar above the reader that offers a story's remote images: "Load Images" for this story,
// "Always for This Feed" (remembered in the settings). Shown only while the page in the reader
// left images out. Owns the disk image cache and the loader (given network access); without
// network access it still says what was left out, with its buttons disabled.
class ImageBar final : public QFrame
{
    Q_OBJECT

public:
    ImageBar(StoryController &controller, QSettings &settings, QNetworkAccessManager *network,
             QWidget *parent = nullptr);
    ~ImageBar() override;

    QPushButton *loadButton() const { return m_load; }
    QPushButton *alwaysButton() const { return m_always; }

    // Whether a feed's remote images always load (Always for This Feed, Feed Properties);
    // kept in the settings.
    bool isFeedAllowed(qint64 feedId) const;
    void setFeedAllowed(qint64 feedId, bool allowed);

private:
    void onBlocked(int count);
    void allowFeed();
    void saveFeeds();

    StoryController &m_controller;
    QPointer<StoryController> m_controllerAlive; // the same object, for the destructor
    QSettings &m_settings;
    std::unique_ptr<ImageCache> m_cache;
    ImageLoader *m_loader = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_load = nullptr;
    QPushButton *m_always = nullptr;
};

} // namespace bulletin
