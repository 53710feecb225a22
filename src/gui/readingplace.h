#pragma once

#include "storage/records.h"

#include <QObject>

#include <optional>

class QTimer;

namespace bulletin {

class AppSettings;
class Cache;
class StoryController;

// Where the user was reading, kept for the next start: the view chosen in the sidebar and the
// story (or bookmark) in the reader. It is written once the reader settles, not at every
// click, since each write of the settings file is synced to disk on this thread; remember()
// writes at once (the window calls it when it closes). restore() goes back there, to All
// stories when the feed or folder has gone since, and to no story when the story has.
// GUI thread only; the cache, settings and controller must outlive it.
class ReadingPlace final : public QObject
{
    Q_OBJECT

public:
    ReadingPlace(Cache &cache, AppSettings &settings, StoryController &controller,
                 QObject *parent = nullptr);

    // Shows the remembered view and opens the remembered story.
    void restore();
    // Writes the shown view and the reader's story to the settings now.
    void remember();

private:
    Cache &m_cache;
    AppSettings &m_settings;
    StoryController &m_controller;
    QTimer *m_timer = nullptr;
    std::optional<StoryFilter> m_shownFilter; // the view last chosen, until written
};

} // namespace bulletin
