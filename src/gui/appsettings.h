#pragma once

#include "models/storyhistory.h"
#include "storage/records.h"
#include "storage/storyorder.h"

#include <QByteArray>
#include <QFont>
#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

class QSettings;

namespace bulletin {

// The user's preferences and what the window remembers between runs, typed: every settings
// key, its type and its default are named here and nowhere else. It reads and writes the
// QSettings it is given (the platform's settings in the application, a test's INI file), which
// must outlive it; several AppSettings on one QSettings see each other's values at once, and
// sync() puts them on disk. The keys are the ones earlier versions wrote, so a user's settings
// survive an upgrade. GUI thread only.
class AppSettings final
{
public:
    explicit AppSettings(QSettings &settings);

    // The keys on disk, for tests that write a settings file as an earlier version did.
    static constexpr auto kAutoRefreshKey = "refresh/automatic";
    static constexpr auto kIntervalKey = "refresh/intervalMinutes";
    static constexpr auto kAlertIntervalKey = "refresh/alertIntervalMinutes"; // alert sources
    static constexpr auto kSyncIntervalKey = "sync/intervalMinutes"; // 0: no automatic sync
    static constexpr auto kMarkReadKey = "reader/markReadDelayMs"; // 0 at once, >0 delay, <0 never
    static constexpr auto kFontKey = "reader/font";
    static constexpr auto kNotifyKey = "notifications/advisories";
    static constexpr auto kTrayIconKey = "window/trayIcon";
    static constexpr auto kKeepCountKey = "retention/maxStoriesPerFeed"; // 0: no limit
    static constexpr auto kKeepDaysKey = "retention/maxAgeDays"; // 0: no limit
    static constexpr auto kKeepUnreadKey = "retention/keepUnread";
    static constexpr auto kImagesAlwaysKey = "images/alwaysLoad"; // every story, every feed
    static constexpr auto kImageFeedsKey = "images/alwaysFeeds"; // feed ids
    static constexpr auto kThemeKey = "appearance/theme"; // "system", "light" or "dark"
    static constexpr auto kGeometryKey = "window/geometry";
    static constexpr auto kWindowStateKey = "window/state";
    static constexpr auto kOuterSplitterKey = "window/outerSplitter";
    static constexpr auto kInnerSplitterKey = "window/innerSplitter";
    static constexpr auto kFilterKindKey = "view/filterKind";
    static constexpr auto kFilterIdKey = "view/filterId";
    static constexpr auto kLastStoryKey = "reader/lastStory";
    static constexpr auto kLastBookmarkKey = "reader/lastBookmark";
    static constexpr auto kStoryOrderGroup = "storyOrder"; // one key a view
    static constexpr auto kShortcutsGroup = "shortcuts"; // one key an action, by objectName
    // The image cache's directory is ImageCache::kDirectoryKey, read by imageDirectory().

    static constexpr int kDefaultInterval = 60;
    static constexpr int kDefaultAlertInterval = 5;
    static constexpr int kDefaultSyncInterval = 15;

    // Refreshing and syncing.
    bool autoRefresh() const;
    void setAutoRefresh(bool automatic);
    int refreshIntervalMinutes() const;
    void setRefreshIntervalMinutes(int minutes);
    int alertIntervalMinutes() const;
    void setAlertIntervalMinutes(int minutes);
    int syncIntervalMinutes() const;
    void setSyncIntervalMinutes(int minutes);

    // Keeping stories: at most this many a feed and this many days (0: no limit), and
    // whether unread stories are kept past those limits.
    int keepCount() const;
    void setKeepCount(int stories);
    int keepDays() const;
    void setKeepDays(int days);
    bool keepUnread() const;
    void setKeepUnread(bool keep);

    // Reading: how long a story stays in the reader before it counts as read (0 at once, a
    // positive number of milliseconds, negative for never), and the reader's font (none
    // stored, or one that does not read back: the widget's own).
    int markReadDelayMs() const;
    void setMarkReadDelayMs(int milliseconds);
    std::optional<QFont> readerFont() const;
    void setReaderFont(const QFont &font);

    // Notifying: a desktop notification for a new advisory (on by default) and the tray icon
    // (off by default).
    bool notifyAdvisories() const;
    void setNotifyAdvisories(bool notify);
    bool trayIcon() const;
    void setTrayIcon(bool shown);

    // Remote images: loaded in every story, or in the stories of these feeds; where they are
    // kept (ImageCache::defaultDirectory() unless another is set).
    bool imagesAlways() const;
    void setImagesAlways(bool always);
    QSet<qint64> imageFeeds() const;
    void setImageFeeds(const QSet<qint64> &feeds);
    QString imageDirectory() const;

    // "system", "light" or "dark"; empty when none was chosen.
    QString theme() const;
    void setTheme(const QString &theme);

    // An action's keys: `defaults` unless the user chose others (an empty list: the user
    // removed them). Keys equal to the defaults are not stored, so they follow the defaults
    // if those change.
    QList<QKeySequence> shortcuts(const QString &actionName,
                                  const QList<QKeySequence> &defaults) const;
    void setShortcuts(const QString &actionName, const QList<QKeySequence> &keys,
                      const QList<QKeySequence> &defaults);

    // The window: QWidget/QMainWindow/QSplitter state blobs (empty when none).
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray outerSplitter() const;
    void setOuterSplitter(const QByteArray &state);
    QByteArray innerSplitter() const;
    void setInnerSplitter(const QByteArray &state);

    // Where the user was reading: the view (All stories when none or an unknown kind is
    // stored) and the story or bookmark in the reader (0: none).
    StoryFilter lastView() const;
    void setLastView(const StoryFilter &filter);
    qint64 lastStory() const;
    qint64 lastBookmark() const;
    void setLastLocation(const ReaderLocation &location);

    // The order each view's list was sorted in, by StoryFilter::key; a view not here has the
    // default order.
    QHash<QString, StoryOrder> storyOrders() const;
    void setStoryOrder(const QString &viewKey, const StoryOrder &order);

    // Writes what was set to disk now (QSettings otherwise does it later).
    void sync();

private:
    QSettings &m_settings;
};

} // namespace bulletin
