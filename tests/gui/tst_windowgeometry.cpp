// The main window on small screens: the first window fits the screen it opens on, and a
// geometry saved on a larger screen (or one that is gone) is brought back onto the current
// one, with the status bar and its Stop button in view. The offscreen platform is given two
// screens, 1280x720 and 1366x768, side by side, with window frames.

#include "gui/feedactions.h"
#include "gui/mainwindow.h"
#include "services/firstrun.h"
#include "storage/cache.h"
#include "support/screenshots.h"

#include <QApplication>
#include <QFile>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace bulletin;

namespace {

const char kScreens[] = R"({
  "windowFrameMargins": true,
  "screens": [
    {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    {"name": "small", "x": 1280, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
  ]
})";

} // namespace

class tst_WindowGeometry : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void firstWindowFitsTheScreen_data();
    void firstWindowFitsTheScreen();
    void restoredGeometryIsBroughtOntoTheScreen_data();
    void restoredGeometryIsBroughtOntoTheScreen();

private:
    std::unique_ptr<MainWindow> makeWindow(QScreen *screen);
    void verifyFits(MainWindow &window, QScreen *screen);

    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<QSettings> m_settings;
};

void tst_WindowGeometry::init()
{
    QCOMPARE(QGuiApplication::screens().size(), 2);
    QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    if (!m_cache) {
        QString error;
        m_cache = Cache::open(m_dir.filePath(QStringLiteral("cache.sqlite")), &error);
        QVERIFY2(m_cache, qPrintable(error));
        QVERIFY2(importSampleOnFirstRun(*m_cache, &error), qPrintable(error));
    }
}

void tst_WindowGeometry::cleanup()
{
    m_settings.reset();
}

std::unique_ptr<MainWindow> tst_WindowGeometry::makeWindow(QScreen *screen)
{
    auto window = std::make_unique<MainWindow>(*m_cache, *m_settings);
    // As the desktop does, a new window opens on a screen of its choice: here, the row's.
    window->move(screen->availableGeometry().topLeft());
    window->restoreState();
    window->show();
    return window;
}

void tst_WindowGeometry::verifyFits(MainWindow &window, QScreen *screen)
{
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QRect available = screen->availableGeometry();
    QVERIFY2(window.screen() == screen, qPrintable(window.screen()->name()));
    const QRect frame = window.frameGeometry();
    QVERIFY2(available.contains(frame),
             qPrintable(QStringLiteral("frame %1,%2 %3x%4 on a screen of %5x%6 at %7,%8")
                            .arg(frame.x())
                            .arg(frame.y())
                            .arg(frame.width())
                            .arg(frame.height())
                            .arg(available.width())
                            .arg(available.height())
                            .arg(available.x())
                            .arg(available.y())));
    // The status bar is in view, and the Stop button in it while a refresh runs.
    QStatusBar *status = window.statusBar();
    QVERIFY(status->isVisible());
    QVERIFY(available.contains(QRect(status->mapToGlobal(QPoint(0, 0)), status->size())));
    QWidget *progress = window.findChild<QWidget *>(QStringLiteral("refreshProgress"));
    QVERIFY(progress);
    progress->show();
    QTRY_VERIFY(progress->isVisible());
    const QRect progressRect(progress->mapToGlobal(QPoint(0, 0)), progress->size());
    QVERIFY2(
        available.contains(progressRect) && frame.contains(progressRect),
        qPrintable(QStringLiteral("Stop at %1,%2").arg(progressRect.x()).arg(progressRect.y())));
}

void tst_WindowGeometry::firstWindowFitsTheScreen_data()
{
    QTest::addColumn<int>("screen");
    QTest::newRow("1280x720") << 0;
    QTest::newRow("1366x768") << 1;
}

void tst_WindowGeometry::firstWindowFitsTheScreen()
{
    QFETCH(int, screen);
    QScreen *target = QGuiApplication::screens().at(screen);
    auto window = makeWindow(target);
    verifyFits(*window, target);
    // It uses the room it has: not a small window in a corner.
    QVERIFY(window->frameGeometry().width() >= target->availableGeometry().width() * 3 / 4);
    QVERIFY(window->frameGeometry().height() >= target->availableGeometry().height() * 3 / 4);

    QVERIFY(test::saveScreenshot(
        window.get(),
        QStringLiteral("first-window-%1.png").arg(QString::fromLatin1(QTest::currentDataTag()))));
}

void tst_WindowGeometry::restoredGeometryIsBroughtOntoTheScreen_data()
{
    QTest::addColumn<QRect>("saved"); // saved on a larger desktop, in its coordinates
    QTest::addColumn<int>("screen"); // where it comes back
    QTest::newRow("taller than the screen") << QRect(40, 30, 1200, 1100) << 0;
    QTest::newRow("wider and taller") << QRect(10, 10, 2400, 1400) << 0;
    QTest::newRow("below the screen's bottom") << QRect(100, 600, 1000, 700) << 0;
    QTest::newRow("on a screen that is gone") << QRect(4000, 1500, 1200, 800) << 0;
    QTest::newRow("partly off the second screen") << QRect(2200, 200, 1200, 700) << 1;
}

void tst_WindowGeometry::restoredGeometryIsBroughtOntoTheScreen()
{
    QFETCH(QRect, saved);
    QFETCH(int, screen);
    // The geometry a window saved where it was that large: a window given that geometry
    // on a desktop that allowed it.
    {
        MainWindow large(*m_cache, *m_settings);
        large.setGeometry(saved);
        large.show();
        QVERIFY(QTest::qWaitForWindowExposed(&large));
        large.setGeometry(saved);
        m_settings->setValue(QStringLiteral("window/geometry"), large.saveGeometry());
    }
    QScreen *target = QGuiApplication::screens().at(screen);
    auto window = std::make_unique<MainWindow>(*m_cache, *m_settings);
    window->restoreState();
    window->show();
    verifyFits(*window, target);
}

int main(int argc, char **argv)
{
    QTemporaryDir configDir;
    const QString config = configDir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly) || file.write(kScreens) < 0)
        return 1;
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + QFile::encodeName(config));
    QApplication app(argc, argv);
    tst_WindowGeometry test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_windowgeometry.moc"
