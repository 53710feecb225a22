#include "gui/appsettings.h"

#include "services/remoteimages.h"

#include <QSettings>
#include <QVariant>

namespace bulletin {

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

QString shortcutKey(const QString &actionName)
{
    return key(AppSettings::kShortcutsGroup) + QLatin1Char('/') + actionName;
}

// Settings keys cannot hold '/', which StoryFilter::key uses: it would make groups.
QString orderKey(const QString &viewKey)
{
    return QString(viewKey).replace(QLatin1Char('/'), QLatin1Char('_'));
}

} // namespace

AppSettings::AppSettings(QSettings &settings)
    : m_settings(settings)
{
}

bool AppSettings::autoRefresh() const
{
    return m_settings.value(key(kAutoRefreshKey), true).toBool();
}

void AppSettings::setAutoRefresh(bool automatic)
{
    m_settings.setValue(key(kAutoRefreshKey), automatic);
}

int AppSettings::refreshIntervalMinutes() const
{
    return m_settings.value(key(kIntervalKey), kDefaultInterval).toInt();
}

void AppSettings::setRefreshIntervalMinutes(int minutes)
{
    m_settings.setValue(key(kIntervalKey), minutes);
}

int AppSettings::alertIntervalMinutes() const
{
    return m_settings.value(key(kAlertIntervalKey), kDefaultAlertInterval).toInt();
}

void AppSettings::setAlertIntervalMinutes(int minutes)
{
    m_settings.setValue(key(kAlertIntervalKey), minutes);
}

int AppSettings::syncIntervalMinutes() const
{
    return m_settings.value(key(kSyncIntervalKey), kDefaultSyncInterval).toInt();
}

void AppSettings::setSyncIntervalMinutes(int minutes)
{
    m_settings.setValue(key(kSyncIntervalKey), minutes);
}

int AppSettings::keepCount() const
{
    return m_settings.value(key(kKeepCountKey), 0).toInt();
}

void AppSettings::setKeepCount(int stories)
{
    m_settings.setValue(key(kKeepCountKey), stories);
}

int AppSettings::keepDays() const
{
    return m_settings.value(key(kKeepDaysKey), 0).toInt();
}

void AppSettings::setKeepDays(int days)
{
    m_settings.setValue(key(kKeepDaysKey), days);
}

bool AppSettings::keepUnread() const
{
    return m_settings.value(key(kKeepUnreadKey), true).toBool();
}

void AppSettings::setKeepUnread(bool keep)
{
    m_settings.setValue(key(kKeepUnreadKey), keep);
}

int AppSettings::markReadDelayMs() const
{
    return m_settings.value(key(kMarkReadKey), 0).toInt();
}

void AppSettings::setMarkReadDelayMs(int milliseconds)
{
    m_settings.setValue(key(kMarkReadKey), milliseconds);
}

std::optional<QFont> AppSettings::readerFont() const
{
    const QString stored = m_settings.value(key(kFontKey)).toString();
    QFont font;
    if (stored.isEmpty() || !font.fromString(stored))
        return std::nullopt;
    return font;
}

void AppSettings::setReaderFont(const QFont &font)
{
    m_settings.setValue(key(kFontKey), font.toString());
}

bool AppSettings::notifyAdvisories() const
{
    return m_settings.value(key(kNotifyKey), true).toBool();
}

void AppSettings::setNotifyAdvisories(bool notify)
{
    m_settings.setValue(key(kNotifyKey), notify);
}

bool AppSettings::trayIcon() const
{
    return m_settings.value(key(kTrayIconKey), false).toBool();
}

void AppSettings::setTrayIcon(bool shown)
{
    m_settings.setValue(key(kTrayIconKey), shown);
}

bool AppSettings::imagesAlways() const
{
    return m_settings.value(key(kImagesAlwaysKey), false).toBool();
}

void AppSettings::setImagesAlways(bool always)
{
    m_settings.setValue(key(kImagesAlwaysKey), always);
}

QSet<qint64> AppSettings::imageFeeds() const
{
    QSet<qint64> feeds;
    for (const QVariant &id : m_settings.value(key(kImageFeedsKey)).toList())
        feeds.insert(id.toLongLong());
    return feeds;
}

void AppSettings::setImageFeeds(const QSet<qint64> &feeds)
{
    QVariantList ids;
    for (qint64 id : feeds)
        ids << id;
    m_settings.setValue(key(kImageFeedsKey), ids);
}

QString AppSettings::imageDirectory() const
{
    return m_settings.value(key(ImageCache::kDirectoryKey), ImageCache::defaultDirectory())
        .toString();
}

QString AppSettings::theme() const
{
    return m_settings.value(key(kThemeKey)).toString();
}

void AppSettings::setTheme(const QString &theme)
{
    m_settings.setValue(key(kThemeKey), theme);
}

QList<QKeySequence> AppSettings::shortcuts(const QString &actionName,
                                           const QList<QKeySequence> &defaults) const
{
    const QString name = shortcutKey(actionName);
    if (!m_settings.contains(name))
        return defaults;
    const QString stored = m_settings.value(name).toString();
    if (stored.isEmpty())
        return {}; // the user removed it
    return QKeySequence::listFromString(stored, QKeySequence::PortableText);
}

void AppSettings::setShortcuts(const QString &actionName, const QList<QKeySequence> &keys,
                               const QList<QKeySequence> &defaults)
{
    const QString name = shortcutKey(actionName);
    if (keys == defaults)
        m_settings.remove(name); // the defaults apply, and follow them if they change
    else
        m_settings.setValue(name, QKeySequence::listToString(keys, QKeySequence::PortableText));
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(key(kGeometryKey)).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(key(kGeometryKey), geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(key(kWindowStateKey)).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(key(kWindowStateKey), state);
}

QByteArray AppSettings::outerSplitter() const
{
    return m_settings.value(key(kOuterSplitterKey)).toByteArray();
}

void AppSettings::setOuterSplitter(const QByteArray &state)
{
    m_settings.setValue(key(kOuterSplitterKey), state);
}

QByteArray AppSettings::innerSplitter() const
{
    return m_settings.value(key(kInnerSplitterKey)).toByteArray();
}

void AppSettings::setInnerSplitter(const QByteArray &state)
{
    m_settings.setValue(key(kInnerSplitterKey), state);
}

StoryFilter AppSettings::lastView() const
{
    StoryFilter filter;
    const int kind = m_settings.value(key(kFilterKindKey), int(StoryFilter::Kind::All)).toInt();
    if (kind >= int(StoryFilter::Kind::All) && kind <= int(StoryFilter::Kind::Account)) {
        filter.kind = StoryFilter::Kind(kind);
        filter.id = m_settings.value(key(kFilterIdKey)).toLongLong();
    }
    return filter;
}

void AppSettings::setLastView(const StoryFilter &filter)
{
    m_settings.setValue(key(kFilterKindKey), int(filter.kind));
    m_settings.setValue(key(kFilterIdKey), filter.id);
}

qint64 AppSettings::lastStory() const
{
    return m_settings.value(key(kLastStoryKey)).toLongLong();
}

qint64 AppSettings::lastBookmark() const
{
    return m_settings.value(key(kLastBookmarkKey)).toLongLong();
}

void AppSettings::setLastLocation(const ReaderLocation &location)
{
    m_settings.setValue(key(kLastStoryKey), location.storyId);
    m_settings.setValue(key(kLastBookmarkKey), location.bookmarkId);
}

QHash<QString, StoryOrder> AppSettings::storyOrders() const
{
    QHash<QString, StoryOrder> orders;
    m_settings.beginGroup(key(kStoryOrderGroup));
    for (const QString &name : m_settings.childKeys())
        orders.insert(QString(name).replace(QLatin1Char('_'), QLatin1Char('/')),
                      StoryOrder::fromString(m_settings.value(name).toString()));
    m_settings.endGroup();
    return orders;
}

void AppSettings::setStoryOrder(const QString &viewKey, const StoryOrder &order)
{
    const QString name = key(kStoryOrderGroup) + QLatin1Char('/') + orderKey(viewKey);
    if (order == StoryOrder{})
        m_settings.remove(name);
    else
        m_settings.setValue(name, order.toString());
}

void AppSettings::sync()
{
    m_settings.sync();
}

} // namespace bulletin
