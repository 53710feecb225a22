// The reader's page on its own, over a real cache and a real reader offscreen: what it draws
// and keeps (the location, link, feed, misleading links, the images it left out), a story or
// bookmark gone from the cache leaving the page as it was, a refresh keeping the reader where
// it was, parts read one at a time, and an empty reader.

#include "gui/readerpage.h"
#include "gui/readerview.h"
#include "models/storylistmodel.h"
#include "services/storypage.h"
#include "storage/cache.h"
#include "support/testcache.h"
#include "support/windowtest.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace bulletin;

class tst_ReaderPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keepsWhatItDrew();
    void aBookmarkIsDrawnFromItsSnapshot();
    void aStoryGoneFromTheCacheLeavesThePageAsItWas();
    void refreshKeepsTheReaderWhereItWas();
    void aLongStoryIsShownAPartAtATime();
    void clearEmptiesTheReader();

private:
    QString readerText() const { return m_reader->toPlainText(); }

    test::TemporaryCache m_cache;
    std::unique_ptr<ReaderView> m_reader;
    std::unique_ptr<StoryListModel> m_stories;
    std::unique_ptr<ReaderPage> m_page;
    qint64 m_feed = 0;
    qint64 m_story = 0; // a short story with a remote image and a misleading link
    qint64 m_report = 0; // a story several screens long
};

void tst_ReaderPage::init()
{
    QVERIFY2(m_cache.open(), qPrintable(m_cache.error()));
    m_feed = *m_cache->feeds().localSource(QStringLiteral("City Desk"));
    m_story = test::addStory(
        *m_cache, m_feed, QStringLiteral("Library opens late"),
        QStringLiteral("<p>The library opens late on Monday.</p>"
                       "<p><img src=\"https://images.example/library.jpg\" alt=\"The library\"></p>"
                       "<p>Refunds at <a href=\"https://refunds.example.net/login\">"
                       "https://www.city-library.example/refunds</a>.</p>"),
        10);
    QString body;
    for (int i = 0; i < 120; ++i)
        body
            += QStringLiteral("<p>Paragraph %1 of a long report on the council budget.</p>").arg(i);
    m_report = test::addStory(*m_cache, m_feed, QStringLiteral("Council budget: the long report"),
                              body, 20);
    m_reader = std::make_unique<ReaderView>();
    m_reader->resize(600, 400);
    m_reader->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_reader.get()));
    m_stories = std::make_unique<StoryListModel>(m_cache->articles(), m_cache->bookmarks());
    m_page = std::make_unique<ReaderPage>(*m_cache, m_reader.get(), *m_stories, nullptr);
}

void tst_ReaderPage::cleanup()
{
    m_page.reset();
    m_stories.reset();
    m_reader.reset();
    m_cache.close();
}

void tst_ReaderPage::keepsWhatItDrew()
{
    QSignalSpy shown(m_page.get(), &ReaderPage::storyShown);
    QSignalSpy blocked(m_page.get(), &ReaderPage::remoteImagesBlocked);
    QVERIFY(m_page->show({m_story, 0}, 0));

    QVERIFY(readerText().contains(QStringLiteral("The library opens late on Monday.")));
    QCOMPARE(m_page->location(), (ReaderLocation{m_story, 0}));
    QCOMPARE(m_page->link(), QUrl(m_cache->articles().summary(m_story)->link));
    QCOMPARE(m_page->feedId(), m_feed);
    QCOMPARE(m_page->partCount(), 1);
    // Drawn unread: the read mark is for whoever listens (the controller's ReadMarking).
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.at(0).at(0).toLongLong(), m_story);
    QCOMPARE(shown.at(0).at(1).toBool(), false);
    QVERIFY(!m_cache->articles().summary(m_story)->read);
    // No remote image is loaded unless allowed: the one on the page is offered.
    QCOMPARE(blocked.size(), 1);
    QCOMPARE(blocked.at(0).at(0).toInt(), 1);
    // The link whose text names another site is flagged; the story's own link is not.
    QVERIFY(m_page->linkWarning(QUrl(QStringLiteral("https://refunds.example.net/login")))
                .contains(QStringLiteral("refunds.example.net")));
    QVERIFY(m_page->linkWarning(m_page->link()).isEmpty());
}

void tst_ReaderPage::aBookmarkIsDrawnFromItsSnapshot()
{
    const std::optional<qint64> bookmark = m_cache->bookmarks().add(
        m_story, QStringLiteral("Ask about the late opening"));
    QVERIFY(bookmark);
    QSignalSpy shown(m_page.get(), &ReaderPage::storyShown);
    QVERIFY(m_page->show({0, *bookmark}, 0));
    QCOMPARE(m_page->location(), (ReaderLocation{0, *bookmark}));
    QVERIFY(readerText().contains(QStringLiteral("Library opens late")));
    QVERIFY(readerText().contains(QStringLiteral("Ask about the late opening")));
    QCOMPARE(m_page->link(), QUrl(m_cache->articles().summary(m_story)->link));
    QCOMPARE(m_page->feedId(), 0); // a snapshot has no feed to allow images for
    QCOMPARE(shown.size(), 0); // a snapshot is not a story to mark read
}

void tst_ReaderPage::aStoryGoneFromTheCacheLeavesThePageAsItWas()
{
    QVERIFY(m_page->show({m_story, 0}, 0));
    const QString before = readerText();
    const QUrl link = m_page->link();
    QSignalSpy shown(m_page.get(), &ReaderPage::storyShown);
    QSignalSpy status(m_page.get(), &ReaderPage::statusMessage);

    QVERIFY(!m_page->show({m_story + 1000, 0}, 0));
    QCOMPARE(status.size(), 1);
    QCOMPARE(status.at(0).at(0).toString(),
             QStringLiteral("That story is no longer in your cache."));
    QVERIFY(!m_page->show({0, 4242}, 0));
    QCOMPARE(status.at(1).at(0).toString(), QStringLiteral("That bookmark no longer exists."));

    QCOMPARE(shown.size(), 0);
    QCOMPARE(readerText(), before);
    QCOMPARE(m_page->location(), (ReaderLocation{m_story, 0}));
    QCOMPARE(m_page->link(), link);
    QCOMPARE(m_page->feedId(), m_feed);
}

void tst_ReaderPage::refreshKeepsTheReaderWhereItWas()
{
    QVERIFY(m_page->show({m_report, 0}, 0));
    QScrollBar *bar = m_reader->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    m_page->scrollTo(bar->maximum() / 2);
    const int place = bar->value();
    QVERIFY(place > 0);
    QSignalSpy shown(m_page.get(), &ReaderPage::storyShown);

    m_page->refresh(); // as after a palette change or a new note
    QCOMPARE(shown.size(), 1); // drawn again
    QCOMPARE(bar->value(), place);
    QCOMPARE(m_page->location(), (ReaderLocation{m_report, 0}));
}

void tst_ReaderPage::aLongStoryIsShownAPartAtATime()
{
    // Past the characters the reader lays out at once (storypage.h): two parts or more.
    QString body;
    for (int i = 0; body.size() <= kReaderPartChars * 3 / 2; ++i)
        body += QStringLiteral("<p>Line %1 of the transcript of the council meeting.</p>").arg(i);
    const qint64 transcript = test::addStory(*m_cache, m_feed,
                                             QStringLiteral("A very long transcript"), body, 30);

    QVERIFY(m_page->show({transcript, 0}, 0));
    QVERIFY(m_page->partCount() > 1);
    QCOMPARE(m_page->part(), 0);
    m_page->showPart(1);
    QCOMPARE(m_page->part(), 1);
    QCOMPARE(m_reader->verticalScrollBar()->value(), 0); // from its top
    // No part before the first nor after the last.
    m_page->showPart(m_page->partCount());
    QCOMPARE(m_page->part(), 1);
    m_page->showPart(-1);
    QCOMPARE(m_page->part(), 1);
    // Another story starts at its first part.
    QVERIFY(m_page->show({m_story, 0}, 0));
    QCOMPARE(m_page->part(), 0);
    QCOMPARE(m_page->partCount(), 1);
}

void tst_ReaderPage::clearEmptiesTheReader()
{
    QVERIFY(m_page->show({m_story, 0}, 0));
    QSignalSpy blocked(m_page.get(), &ReaderPage::remoteImagesBlocked);
    m_page->clear();
    QVERIFY(readerText().isEmpty());
    QVERIFY(!m_page->location().isValid());
    QVERIFY(m_page->link().isEmpty());
    QCOMPARE(m_page->feedId(), 0);
    QVERIFY(
        m_page->linkWarning(QUrl(QStringLiteral("https://refunds.example.net/login"))).isEmpty());
    QCOMPARE(blocked.size(), 1);
    QCOMPARE(blocked.at(0).at(0).toInt(), 0); // nothing left to offer
    // Nothing to draw again.
    QSignalSpy shown(m_page.get(), &ReaderPage::storyShown);
    m_page->refresh();
    QCOMPARE(shown.size(), 0);
    QVERIFY(readerText().isEmpty());
}

QTEST_MAIN(tst_ReaderPage)
#include "tst_readerpage.moc"
