#pragma once

#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;

namespace bulletin {

class AppSettings;
class ImageCache;
class ImageLoader;
class StoryController;

// The bar above the reader that offers a story's remote images: "Load Images" for this story,
// "Always for This Feed" (remembered in the settings). Shown only while the page in the reader
// left images out. The disk image cache and the loader are the caller's (main.cpp builds them)
// and outlive the bar; without them it still says what was left out, with its buttons disabled.
class ImageBar final : public QFrame
{
    Q_OBJECT

public:
    ImageBar(StoryController &controller, AppSettings &settings, ImageCache *images,
             ImageLoader *loader, QWidget *parent = nullptr);
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
    AppSettings &m_settings;
    QLabel *m_text = nullptr;
    QPushButton *m_load = nullptr;
    QPushButton *m_always = nullptr;
};

} // namespace bulletin
