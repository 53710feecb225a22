// Preferences in the real window offscreen, driven as a user drives it: the key that opens it
// on Linux, the shortcut editor's two keys an action (shown, edited, kept, refused when two
// actions would share one), names that stay put as the selection changes, and the reader's
// font and size.

#include "gui/bookmarkactions.h"
#include "gui/feedactions.h"
#include "gui/mainwindow.h"
#include "gui/preferencesdialog.h"
#include "gui/readerview.h"
#include "gui/readingactions.h"
#include "gui/refreshactions.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "storage/cache.h"
#include "support/dialoganswers.h"
#include "support/screenshots.h"
#include "support/windowtest.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>

using namespace bulletin;

class tst_PreferencesDialog : public QObject, protected test::WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void opensWithAKeyOnLinux_data();
    void opensWithAKeyOnLinux();
    void noTwoActionsShareAKey();
    void editorShowsAndEditsEveryKey();
    void aKeyGivenToTwoActionsIsRefused();
    void namesStayPutAsTheSelectionChanges();
    void readerFontAndSizeAppliedAndKept();
    void screenshots();

private:
    void openWindow();
    // Opens Preferences, lets `inside` work in it, and closes it with OK (unless `inside`
    // closed it already).
    void inPreferences(const std::function<void(PreferencesDialog *)> &inside);
    static QKeySequenceEdit *keyEdit(QWidget *dialog, const QString &name)
    {
        return dialog->findChild<QKeySequenceEdit *>(name);
    }
    static void clickOk(QWidget *dialog)
    {
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    }

    qint64 m_desk = 0;
    qint64 m_story = 0;
};

void tst_PreferencesDialog::init()
{
    openCacheAndSettings();
    m_desk = *m_cache->feeds().localSource(QStringLiteral("City Desk"));
    m_story = test::addStory(*m_cache, m_desk, QStringLiteral("Library opens late"),
                             QStringLiteral("<p>The library opens late on Thursdays.</p>"), 5);
}

void tst_PreferencesDialog::cleanup()
{
    closeWindowTest();
}

void tst_PreferencesDialog::openWindow()
{
    QVERIFY(showMainWindow({1100, 700}, Focus::Active));
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_desk});
    m_window->storyView()->setFocus();
}

void tst_PreferencesDialog::inPreferences(const std::function<void(PreferencesDialog *)> &inside)
{
    bool answered = false;
    test::answerNextDialog([&](QWidget *dialog) {
        answered = true;
        auto *preferences = qobject_cast<PreferencesDialog *>(dialog);
        QVERIFY(preferences);
        inside(preferences);
        if (preferences->isVisible() && QTest::currentTestFailed())
            preferences->reject(); // a failed check inside leaves nothing open
        else if (preferences->isVisible())
            clickOk(preferences);
    });
    m_window->showPreferences();
    QVERIFY(answered);
    // Back in the window, as after a dialog on a desktop (offscreen, nothing is active).
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void tst_PreferencesDialog::opensWithAKeyOnLinux_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::newRow("Ctrl+,") << int(Qt::Key_Comma) << int(Qt::ControlModifier);
    QTest::newRow("Ctrl+Shift+P") << int(Qt::Key_P) << int(Qt::ControlModifier | Qt::ShiftModifier);
}

void tst_PreferencesDialog::opensWithAKeyOnLinux()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    openWindow();
    bool opened = false;
    test::answerNextDialog([&opened](QWidget *dialog) {
        opened = qobject_cast<PreferencesDialog *>(dialog) != nullptr;
        qobject_cast<QDialog *>(dialog)->reject();
    });
    QTest::keyClick(m_window->storyView(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QTRY_VERIFY(opened);
}

void tst_PreferencesDialog::noTwoActionsShareAKey()
{
    openWindow();
    QHash<QKeySequence, QString> owner;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcutContext() == Qt::WidgetShortcut)
            continue;
        for (const QKeySequence &key : action->shortcuts()) {
            const QString name = action->text().remove(QLatin1Char('&'));
            QVERIFY2(!owner.contains(key) || owner.value(key) == name,
                     qPrintable(QStringLiteral("%1 is both %2 and %3")
                                    .arg(key.toString(), owner.value(key), name)));
            owner.insert(key, name);
        }
    }
    QCOMPARE(owner.value(QKeySequence(Qt::CTRL | Qt::Key_Comma)),
             QStringLiteral("Preferences\u2026"));
}

void tst_PreferencesDialog::editorShowsAndEditsEveryKey()
{
    openWindow();
    QAction *bookmark = m_window->bookmarkActions()->toggleAction();
    QAction *find = m_window->findAction();
    inPreferences([](PreferencesDialog *dialog) {
        // Each of an action's keys, in its own place.
        QCOMPARE(keyEdit(dialog, QStringLiteral("toggleBookmark"))->keySequence(),
                 QKeySequence(Qt::CTRL | Qt::Key_D));
        QCOMPARE(keyEdit(dialog, QStringLiteral("toggleBookmarkAlternate"))->keySequence(),
                 QKeySequence(Qt::Key_S));
        QCOMPARE(keyEdit(dialog, QStringLiteral("find"))->keySequence(),
                 QKeySequence(QKeySequence::Find));
        QCOMPARE(keyEdit(dialog, QStringLiteral("findAlternate"))->keySequence(),
                 QKeySequence(Qt::Key_Slash));
        QCOMPARE(keyEdit(dialog, QStringLiteral("openInBrowser"))->keySequence(),
                 QKeySequence(Qt::CTRL | Qt::Key_Return));
        QCOMPARE(keyEdit(dialog, QStringLiteral("openInBrowserAlternate"))->keySequence(),
                 QKeySequence(Qt::Key_O));
        // Bookmark's second key becomes B; Find loses its second; Next Story gains one.
        keyEdit(dialog, QStringLiteral("toggleBookmarkAlternate"))
            ->setKeySequence(QKeySequence(Qt::Key_B));
        keyEdit(dialog, QStringLiteral("findAlternate"))->clear();
        keyEdit(dialog, QStringLiteral("nextStoryAlternate"))
            ->setKeySequence(QKeySequence(Qt::Key_Down | Qt::ALT));
    });
    QCOMPARE(bookmark->shortcuts(),
             (QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_D), QKeySequence(Qt::Key_B)}));
    QCOMPARE(find->shortcuts(), QList<QKeySequence>{QKeySequence(QKeySequence::Find)});
    // The new key works; the old one does nothing now.
    const bool wasBookmarked = m_cache->bookmarks().isBookmarked(m_story);
    m_window->openStory(m_story);
    m_window->storyView()->setFocus();
    QTest::keyClick(m_window->storyView(), Qt::Key_B);
    QCOMPARE(m_cache->bookmarks().isBookmarked(m_story), !wasBookmarked);
    QTest::keyClick(m_window->storyView(), Qt::Key_S);
    QCOMPARE(m_cache->bookmarks().isBookmarked(m_story), !wasBookmarked);

    // Kept for the next start, every key of each.
    m_window.reset();
    openWindow();
    QCOMPARE(m_window->bookmarkActions()->toggleAction()->shortcuts(),
             (QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_D), QKeySequence(Qt::Key_B)}));
    QCOMPARE(m_window->findAction()->shortcuts(),
             QList<QKeySequence>{QKeySequence(QKeySequence::Find)});
    QCOMPARE(m_window->readingActions()->nextAction()->shortcuts(),
             (QList<QKeySequence>{QKeySequence(Qt::Key_J), QKeySequence(Qt::Key_Down | Qt::ALT)}));
    QCOMPARE(m_window->readingActions()->previousAction()->shortcuts(),
             QList<QKeySequence>{QKeySequence(Qt::Key_K)});

    // Restore Defaults puts back both keys of each.
    inPreferences([](PreferencesDialog *dialog) {
        test::clickButton(dialog, QStringLiteral("Restore Defaults"));
        QCOMPARE(keyEdit(dialog, QStringLiteral("toggleBookmarkAlternate"))->keySequence(),
                 QKeySequence(Qt::Key_S));
        QCOMPARE(keyEdit(dialog, QStringLiteral("findAlternate"))->keySequence(),
                 QKeySequence(Qt::Key_Slash));
        QVERIFY(keyEdit(dialog, QStringLiteral("nextStoryAlternate"))->keySequence().isEmpty());
    });
    QCOMPARE(m_window->bookmarkActions()->toggleAction()->shortcuts(),
             (QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_D), QKeySequence(Qt::Key_S)}));
    QCOMPARE(m_window->findAction()->shortcuts().size(), 2);
}

void tst_PreferencesDialog::aKeyGivenToTwoActionsIsRefused()
{
    openWindow();
    QString said;
    inPreferences([&said](PreferencesDialog *dialog) {
        // J is Next Story's.
        keyEdit(dialog, QStringLiteral("toggleBookmarkAlternate"))
            ->setKeySequence(QKeySequence(Qt::Key_J));
        auto *conflict = dialog->findChild<QLabel *>(QStringLiteral("shortcutConflict"));
        QVERIFY(conflict);
        QVERIFY(!conflict->isHidden());
        said = conflict->text();
        clickOk(dialog);
        QVERIFY(dialog->isVisible()); // OK refused
        // Given another key, OK goes through.
        keyEdit(dialog, QStringLiteral("toggleBookmarkAlternate"))
            ->setKeySequence(QKeySequence(Qt::Key_B));
        QVERIFY(conflict->isHidden());
        clickOk(dialog);
        QVERIFY(!dialog->isVisible());
    });
    QVERIFY2(said.contains(QStringLiteral("Bookmark"))
                 && said.contains(QStringLiteral("Next Story")),
             qPrintable(said));
    QCOMPARE(m_window->readingActions()->nextAction()->shortcuts(),
             QList<QKeySequence>{QKeySequence(Qt::Key_J)});
    QCOMPARE(m_window->bookmarkActions()->toggleAction()->shortcuts().value(1),
             QKeySequence(Qt::Key_B));
}

void tst_PreferencesDialog::namesStayPutAsTheSelectionChanges()
{
    openWindow();
    m_window->openStory(m_story);
    m_window->bookmarkActions()->toggleAction()->trigger();
    QVERIFY(m_cache->bookmarks().isBookmarked(m_story));
    // The sidebar has a feed selected: the menu says "Refresh Feed".
    QCOMPARE(m_window->refreshActions()->refreshSelectedAction()->text().remove(QLatin1Char('&')),
             QStringLiteral("Refresh Feed"));
    const auto names = [this] {
        QStringList list;
        inPreferences([&list](PreferencesDialog *dialog) {
            auto *table = dialog->findChild<QTableWidget *>();
            QVERIFY(table);
            for (int row = 0; row < table->rowCount(); ++row)
                list << table->item(row, 0)->text();
        });
        return list;
    };
    const QStringList withFeed = names();
    QVERIFY2(withFeed.contains(QStringLiteral("Bookmark")),
             qPrintable(withFeed.join(QLatin1Char('|'))));
    QVERIFY2(withFeed.contains(QStringLiteral("Refresh Selected")),
             qPrintable(withFeed.join(QLatin1Char('|'))));
    // With all stories shown and the story no longer bookmarked, the same names.
    m_window->bookmarkActions()->toggleAction()->trigger();
    m_window->controller()->showFilter({StoryFilter::Kind::All, 0});
    QCOMPARE(names(), withFeed);

    // Help lists them under the same names.
    QStringList listed;
    test::answerNextDialog([&listed](QWidget *dialog) {
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutTable"));
        for (int row = 0; table && row < table->rowCount(); ++row)
            listed << table->item(row, 0)->text();
        dialog->close();
    });
    m_window->showShortcutHelp();
    QCOMPARE(listed, withFeed);
}

void tst_PreferencesDialog::readerFontAndSizeAppliedAndKept()
{
    openWindow();
    m_window->openStory(m_story);
    const QFont before = m_window->reader()->font();
    QString family;
    for (const QString &candidate : QFontDatabase::families()) {
        if (QFontInfo(QFont(candidate)).family() != QFontInfo(before).family()
            && !QFontDatabase::isPrivateFamily(candidate)) {
            family = candidate;
            break;
        }
    }
    if (family.isEmpty())
        QSKIP("one font family only on this machine");
    inPreferences([&family](PreferencesDialog *dialog) {
        auto *combo = dialog->findChild<QFontComboBox *>();
        QVERIFY(combo);
        combo->setCurrentFont(QFont(family));
        QSpinBox *size = nullptr;
        for (QSpinBox *box : dialog->findChildren<QSpinBox *>()) {
            if (box->accessibleName() == QLatin1String("Reader font size"))
                size = box;
        }
        QVERIFY(size);
        size->setValue(17);
    });
    QCOMPARE(QFontInfo(m_window->reader()->font()).family(), QFontInfo(QFont(family)).family());
    QCOMPARE(m_window->reader()->font().pointSize(), 17);
    QVERIFY(m_window->reader()->toPlainText().contains(QStringLiteral("opens late on Thursdays")));

    m_window.reset();
    openWindow();
    QCOMPARE(QFontInfo(m_window->reader()->font()).family(), QFontInfo(QFont(family)).family());
    QCOMPARE(m_window->reader()->font().pointSize(), 17);
}

void tst_PreferencesDialog::screenshots()
{
    // Set BULLETIN_SCREENSHOT_DIR to look at the General and Shortcuts pages, light and dark.
    if (test::screenshotDir().isEmpty())
        QSKIP("BULLETIN_SCREENSHOT_DIR not set");
    openWindow();
    inPreferences([](PreferencesDialog *dialog) {
        auto *tabs = dialog->findChild<QTabWidget *>();
        QVERIFY(tabs);
        QVERIFY(test::saveLightAndDark(dialog, QStringLiteral("preferences-general")));
        tabs->setCurrentIndex(1);
        // A key given to two actions, as the user sees it refused.
        keyEdit(dialog, QStringLiteral("toggleBookmarkAlternate"))
            ->setKeySequence(QKeySequence(Qt::Key_J));
        QVERIFY(test::saveLightAndDark(dialog, QStringLiteral("preferences-shortcuts")));
        dialog->reject();
    });
}

QTEST_MAIN(tst_PreferencesDialog)
#include "tst_preferencesdialog.moc"
