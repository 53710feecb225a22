#include "gui/appsettings.h"
#include "gui/feedactions.h"
#include "gui/preferencesdialog.h"
#include "gui/readmarking.h"
#include "gui/refreshactions.h"
#include "gui/storycontroller.h"
#include "gui/trayicon.h"
#include "gui/unreadbadge.h"
#include "models/sidebarmodel.h"
#include "support/screenshots.h"
#include "support/windowtest.h"

#include <QCheckBox>
#include <QMenu>
#include <QPainter>
#include <QSignalSpy>

using namespace bulletin;
using namespace bulletin::test;

// The tray icon of the real window, offscreen. The offscreen platform has no tray, so what
// the icon shows (count, tooltip, badge), its menu and its show/hide are checked through the
// classes that make them; only putting the icon in a tray needs a desktop with one.
class tst_TrayIcon : public QObject, protected WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void badgeFollowsTheUnreadCount();
    void badgeIsPaintedOverTheIcon();
    void clickShowsAndHidesTheWindow();
    void menuHasShowHideRefreshAndQuit();
    void preferenceIsOffByDefault();
    void iconGoesInTheTrayWhenTurnedOn();

private:
    qint64 m_feed = 0;
    QList<qint64> m_stories;
};

void tst_TrayIcon::init()
{
    openCacheAndSettings();
    m_feed = m_cache->feeds().localSource(QStringLiteral("Harbour Gazette")).value_or(0);
    QVERIFY(m_feed);
    m_stories.clear();
    for (int i = 0; i < 3; ++i)
        m_stories << addStory(*m_cache, m_feed, QStringLiteral("Tide report %1").arg(i),
                              QStringLiteral("<p>Water.</p>"), 10 + i);
}

void tst_TrayIcon::cleanup()
{
    closeWindowTest();
}

void tst_TrayIcon::badgeFollowsTheUnreadCount()
{
    QVERIFY(showMainWindow(QSize(900, 600)));
    UnreadBadge *badge = m_window->trayIcon()->badge();
    QCOMPARE(badge->count(), 3);
    QCOMPARE(badge->toolTip(), QStringLiteral("Bulletin \u2014 3 unread"));
    QSignalSpy changed(badge, &UnreadBadge::changed);

    // Reading a story in the window counts it at once.
    m_window->openStory(m_stories.at(0));
    QTRY_COMPARE(badge->count(), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toInt(), 2);
    QCOMPARE(badge->toolTip(), QStringLiteral("Bulletin \u2014 2 unread"));

    // A refresh that stores a story (here: one stored behind the window's back, then the
    // sidebar read again as a refresh does).
    m_stories << addStory(*m_cache, m_feed, QStringLiteral("Storm warning"),
                          QStringLiteral("<p>Wind.</p>"), 1);
    m_window->controller()->refreshSidebar();
    QTRY_COMPARE(badge->count(), 3);

    // Reading the sidebar again without a change in the count is no change to the badge.
    changed.clear();
    m_window->controller()->refreshSidebar();
    QCOMPARE(changed.size(), 0);

    // Mark All as Read stores its marks off the GUI thread: the badge follows once they are.
    m_window->controller()->showFilter({StoryFilter::Kind::All});
    ReadMarking *marking = m_window->controller()->readMarking();
    QSignalSpy marked(marking, &ReadMarking::markAllReadFinished);
    QVERIFY(marking->markAllRead());
    QVERIFY(marked.wait());
    QCOMPARE(marked.constFirst().at(1).toInt(), 3);
    QTRY_COMPARE(badge->count(), 0);
    QCOMPARE(badge->toolTip(), QStringLiteral("Bulletin \u2014 no unread stories"));
}

void tst_TrayIcon::badgeIsPaintedOverTheIcon()
{
    QCOMPARE(UnreadBadge::badgeText(0), QString());
    QCOMPARE(UnreadBadge::badgeText(7), QStringLiteral("7"));
    QCOMPARE(UnreadBadge::badgeText(99), QStringLiteral("99"));
    QCOMPARE(UnreadBadge::badgeText(100), QStringLiteral("99+"));
    QCOMPARE(UnreadBadge::badgeText(123456), QStringLiteral("99+"));

    // A green square stands in for the application's icon.
    QPixmap square(64, 64);
    square.fill(Qt::green);
    const QIcon base(square);
    for (int size : {16, 22, 32, 64}) {
        const QImage plain = UnreadBadge::paint(base, 0, size).toImage();
        const QImage badged = UnreadBadge::paint(base, 12, size).toImage();
        QCOMPARE(plain.size(), QSize(size, size));
        QCOMPARE(badged.size(), QSize(size, size));
        // Nothing painted at 0; at 12 a red disc in the top right corner, the rest the icon.
        QCOMPARE(QColor(plain.pixel(size * 3 / 4, size / 4)), QColor(Qt::green));
        int red = 0;
        for (int y = 0; y < size / 2; ++y) {
            for (int x = size / 2; x < size; ++x) {
                const QColor pixel = badged.pixel(x, y);
                red += pixel.red() > 150 && pixel.green() < 120 ? 1 : 0;
            }
        }
        QVERIFY2(red >= size * size / 16, qPrintable(QString::number(red)));
        QCOMPARE(QColor(badged.pixel(size / 4, size * 3 / 4)), QColor(Qt::green));
    }

    QVERIFY(showMainWindow(QSize(900, 600)));
    const QIcon icon = m_window->trayIcon()->badge()->icon();
    QVERIFY(!icon.isNull());
    QVERIFY(icon.availableSizes().contains(QSize(22, 22)));
    if (!screenshotDir().isEmpty()) {
        // The badges at the sizes a tray uses, on a light and a dark panel, over the icon the
        // application sets (main.cpp).
        QIcon appIcon;
        for (int size : {16, 32, 48, 64})
            appIcon.addFile(
                QStringLiteral(BULLETIN_SOURCE_DIR "/resources/icons/bulletin-%1.png").arg(size));
        QImage sheet(4 * 72, 2 * 72, QImage::Format_ARGB32);
        QPainter painter(&sheet);
        const int counts[] = {0, 3, 42, 1500};
        for (int panel = 0; panel < 2; ++panel) {
            painter.fillRect(0, panel * 72, sheet.width(), 72,
                             panel ? QColor(0x20, 0x20, 0x24) : QColor(0xee, 0xee, 0xee));
            for (int i = 0; i < 4; ++i) {
                painter.drawPixmap(i * 72 + 4, panel * 72 + 4,
                                   UnreadBadge::paint(appIcon, counts[i], 22));
                painter.drawPixmap(i * 72 + 4, panel * 72 + 30,
                                   UnreadBadge::paint(appIcon, counts[i], 32));
            }
        }
        painter.end();
        QVERIFY(sheet.save(QDir(screenshotDir()).filePath(QStringLiteral("tray-badges.png"))));
    }
}

void tst_TrayIcon::clickShowsAndHidesTheWindow()
{
    QVERIFY(showMainWindow(QSize(900, 600)));
    TrayIcon *tray = m_window->trayIcon();
    tray->menu()->popup(QPoint(10, 10));
    QTRY_VERIFY(tray->menu()->isVisible());
    QCOMPARE(tray->showHideAction()->text(), QStringLiteral("&Hide Bulletin"));
    tray->menu()->hide();

    tray->toggleWindow();
    QVERIFY(!m_window->isVisible());
    QCOMPARE(tray->showHideAction()->text(), QStringLiteral("&Show Bulletin"));

    tray->showHideAction()->trigger();
    QVERIFY(m_window->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(tray->showHideAction()->text(), QStringLiteral("&Hide Bulletin"));

    // A minimised window comes back rather than hiding.
    m_window->showMinimized();
    QTRY_VERIFY(m_window->isMinimized());
    tray->toggleWindow();
    QTRY_VERIFY(!m_window->isMinimized());
    QVERIFY(m_window->isVisible());
}

void tst_TrayIcon::menuHasShowHideRefreshAndQuit()
{
    startServices();
    QVERIFY(showMainWindow(QSize(900, 600)));
    QStringList texts;
    for (QAction *action : m_window->trayIcon()->menu()->actions()) {
        if (!action->isSeparator())
            texts << action->text().remove(QLatin1Char('&'));
    }
    QCOMPARE(texts,
             (QStringList{QStringLiteral("Hide Bulletin"), QStringLiteral("Refresh All"),
                          QStringLiteral("Quit")}));
    // Refresh All is the window's own action: the same refresh, enabled as it is.
    QVERIFY(m_window->trayIcon()->menu()->actions().contains(
        m_window->refreshActions()->refreshAllAction()));
    QVERIFY(m_window->refreshActions()->refreshAllAction()->isEnabled());
    // Hidden some other way (the window manager), the menu offers to show it.
    m_window->hide();
    QCOMPARE(m_window->trayIcon()->showHideAction()->text(), QStringLiteral("&Show Bulletin"));
}

void tst_TrayIcon::preferenceIsOffByDefault()
{
    QVERIFY(showMainWindow(QSize(900, 600)));
    QVERIFY(!m_window->trayIcon()->isShown());
    AppSettings preferences(*m_settings);
    PreferencesDialog dialog(preferences, m_window->shortcutActions(), {}, m_cache.get(),
                             m_window.get());
    auto *box = dialog.findChild<QCheckBox *>(QStringLiteral("trayIcon"));
    QVERIFY(box);
    QVERIFY(!box->isChecked());
    QCOMPARE(box->isEnabled(), TrayIcon::isAvailable());
    box->setChecked(true);
    dialog.save();
    QCOMPARE(m_settings->value(QLatin1String(AppSettings::kTrayIconKey)).toBool(), true);
    saveLightAndDark(&dialog, QStringLiteral("preferences-tray"), [] {});
}

void tst_TrayIcon::iconGoesInTheTrayWhenTurnedOn()
{
    m_settings->setValue(QLatin1String(AppSettings::kTrayIconKey), true);
    QVERIFY(showMainWindow(QSize(900, 600)));
    // Turned on where there is no tray: no icon, and nothing else changes.
    if (!TrayIcon::isAvailable()) {
        QVERIFY(!m_window->trayIcon()->isShown());
        QCOMPARE(m_window->trayIcon()->badge()->count(), 3);
        QSKIP("This platform has no system tray (QSystemTrayIcon::isSystemTrayAvailable() is false "
              "offscreen): the icon cannot be put in one here.");
    }
    QTRY_VERIFY(m_window->trayIcon()->isShown());
    m_settings->setValue(QLatin1String(AppSettings::kTrayIconKey), false);
    m_window->applySettings();
    QVERIFY(!m_window->trayIcon()->isShown());
}

QTEST_MAIN(tst_TrayIcon)
#include "tst_trayicon.moc"
