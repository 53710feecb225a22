#include "gui/advisorybanner.h"
#include "gui/bookmarkactions.h"
#include "gui/mainwindow.h"
#include "gui/readerview.h"
#include "gui/readonlynotice.h"
#include "gui/storycontroller.h"
#include "models/sidebarmodel.h"
#include "services/firstrun.h"
#include "storage/advisorystore.h"
#include "storage/cache.h"
#include "support/scratchmount.h"
#include "support/screenshots.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace bulletin;

// The window over a cache on a read-only file system (a tmpfs the test mounts, then
// remounts read-only: root only, skipped otherwise).
class tst_ReadOnlyNotice final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_mount = std::make_unique<ScratchMount>(16 * 1024 * 1024);
        if (!m_mount->isMounted())
            QSKIP(qPrintable(m_mount->skipReason()));
        const QString path = m_mount->filePath(QStringLiteral("cache.sqlite"));
        QString error;
        {
            auto cache = Cache::open(path, &error);
            QVERIFY2(cache, qPrintable(error));
            const std::optional<qint64> sample = importSampleOnFirstRun(*cache, &error);
            QVERIFY2(sample, qPrintable(error));
            m_sampleId = *sample;
            QVERIFY(cache->bookmarks().add(m_sampleId, QStringLiteral("read it again")));
        }
        QVERIFY(m_mount->setReadOnly(true));
        m_cache = Cache::open(path, &error);
        QVERIFY2(m_cache, qPrintable(error));
        QVERIFY(m_cache->database().isReadOnly());
        m_settings = std::make_unique<QSettings>(
            m_settingsDir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_window = std::make_unique<MainWindow>(*m_cache, *m_settings);
        m_window->resize(1200, 800);
        new ReadOnlyNotice(m_window.get(), m_cache->database().readOnlyReason());
    }

    void cleanup()
    {
        m_window.reset();
        m_cache.reset();
        if (m_mount && m_mount->isMounted())
            m_mount->setReadOnly(false);
        m_mount.reset();
    }

    void theWindowSaysWhyAndKeepsTheWritingActionsOff()
    {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->windowTitle().endsWith(QLatin1String("(read-only)")));
        const auto *notice = m_window->statusBar()->findChild<QLabel *>(
            QStringLiteral("readOnlyNotice"));
        QVERIFY(notice && notice->isVisible());
        QVERIFY2(notice->text().contains(QLatin1String("on a read-only file system")),
                 qPrintable(notice->text()));

        // Opening a story enables bookmarking in a writable window, and marks the story
        // read; here bookmarking stays off and the story unread, however often it is shown.
        const SidebarModel *sidebar = m_window->controller()->sidebarModel();
        const int unread = sidebar->index(0, 0).data(SidebarModel::CountRole).toInt();
        QVERIFY(unread > 0);
        m_window->openStory(m_sampleId);
        m_window->controller()->refreshPage();
        QCOMPARE(sidebar->index(0, 0).data(SidebarModel::CountRole).toInt(), unread);
        QVERIFY(!m_cache->articles().summary(m_sampleId)->read);
        QVERIFY(m_window->reader()->toPlainText().contains(QLatin1String("Public Advisory")));
        // The bookmark's note is shown, without an edit link whose action is off.
        QVERIFY(
            m_window->reader()->toPlainText().contains(QLatin1String("Your note\nread it again")));
        QVERIFY(!m_window->reader()->toHtml().contains(QLatin1String("#bulletin-edit-note")));
        const QList<QAction *> writing = ReadOnlyNotice::writingActions(*m_window);
        QVERIFY(writing.contains(m_window->bookmarkActions()->toggleAction()));
        for (QAction *action : writing) {
            QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
            QVERIFY2(action->toolTip().startsWith(QLatin1String("The cache is read-only: ")),
                     qPrintable(action->text() + QLatin1String(": ") + action->toolTip()));
        }
    }

    void theAdvisoryStaysAndTheWindowSaysItCannotBeDismissed()
    {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        AdvisoryBanner *banner = m_window->advisoryBanner();
        QCOMPARE(banner->storyId(), std::optional<qint64>(m_sampleId));
        QToolButton *dismiss = nullptr;
        for (QToolButton *button : banner->findChildren<QToolButton *>()) {
            if (button->text() == QLatin1String("Dismiss"))
                dismiss = button;
        }
        QVERIFY(dismiss);
        QVERIFY(!dismiss->isEnabled());
        QVERIFY(dismiss->toolTip().startsWith(QLatin1String("The cache is read-only: ")));

        // Asked all the same (from the keyboard, a script of the window): nothing is said to
        // be dismissed, the banner keeps its advisory, and the window says why.
        QSignalSpy dismissed(banner, &AdvisoryBanner::dismissed);
        banner->dismiss();
        QCOMPARE(dismissed.count(), 0);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->storyId(), std::optional<qint64>(m_sampleId));
        QVERIFY2(m_window->statusBar()->currentMessage().startsWith(QLatin1String(
                     "The advisory could not be dismissed: the cache is read-only: ")),
                 qPrintable(m_window->statusBar()->currentMessage()));
    }

    void aDismissalThatCannotBeStoredChangesNothing()
    {
        // A banner not told the cache is read-only finds out from the write.
        AdvisoryBanner banner(AdvisoryStore(m_cache->database().connection()));
        QCOMPARE(banner.storyId(), std::optional<qint64>(m_sampleId));
        QSignalSpy dismissed(&banner, &AdvisoryBanner::dismissed);
        QSignalSpy failed(&banner, &AdvisoryBanner::dismissFailed);
        banner.dismiss();
        QCOMPARE(dismissed.count(), 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("the cache could not be written"));
        QCOMPARE(banner.storyId(), std::optional<qint64>(m_sampleId));
    }

    void bookmarksStillExport()
    {
        QTemporaryDir out;
        const QString file = out.filePath(QStringLiteral("bookmarks.json"));
        QVERIFY(m_window->bookmarkActions()->exportHtmlAction()->isEnabled());
        QVERIFY(m_window->bookmarkActions()->exportTo(file, BookmarkActions::Format::Json));
        QFile json(file);
        QVERIFY(json.open(QIODevice::ReadOnly));
        QVERIFY(json.readAll().contains("read it again"));
    }

    void screenshots()
    {
        // Set BULLETIN_SCREENSHOT_DIR to look at the window, light and dark.
        const QString out = qEnvironmentVariable("BULLETIN_SCREENSHOT_DIR");
        if (out.isEmpty())
            QSKIP("BULLETIN_SCREENSHOT_DIR not set");
        QDir().mkpath(out);
        const QPalette light = QApplication::palette();
        m_window->show();
        m_window->openStory(m_sampleId);
        for (const bool dark : {false, true}) {
            QApplication::setPalette(dark ? test::darkPalette() : light);
            test::DarkPaletteScope::settle();
            QVERIFY(m_window->grab().save(
                QDir(out).filePath(dark ? QStringLiteral("read-only-dark.png")
                                        : QStringLiteral("read-only-light.png"))));
        }
        QApplication::setPalette(light);
    }

private:
    std::unique_ptr<ScratchMount> m_mount;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_sampleId = 0;
};

QTEST_MAIN(tst_ReadOnlyNotice)
#include "tst_readonlynotice.moc"
