// The window's advisory banner over the bundled sample and a second advisory, in the real
// window offscreen: it says what the advisory says, and the panes below never move as stories
// open, as advisories change or as their texts grow.

#include "core/feeds/feedparser.h"
#include "gui/advisorybanner.h"
#include "gui/mainwindow.h"
#include "gui/readerview.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "gui/themecolours.h"
#include "services/feedarticles.h"
#include "services/firstrun.h"
#include "storage/advisorystore.h"
#include "storage/cache.h"
#include "support/screenshots.h"
#include "support/windowtest.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace bulletin;

class tst_AdvisoryBanner : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void saysWhatTheAdvisorySays();
    void theLayoutStaysStillUnderThePointer();
    void anyTextFitsTheSameHeight_data();
    void anyTextFitsTheSameHeight();
    void followsALightDarkSwitch();
    void feedSectionShowsOnceInTheReader();
    void screenshots();

private:
    qint64 addAdvisoryStory(const QString &headline, const QString &text, const QString &severity);
    void openWindow();
    int listTop() const { return m_window->storyView()->mapTo(m_window.get(), QPoint()).y(); }
    // What the banner's text line shows (empty when it has none).
    QString shownText() const
    {
        const auto *label = m_window->advisoryBanner()->findChild<QLabel *>(
            QStringLiteral("advisoryText"));
        return label ? label->text() : QString();
    }
    QPushButton *readButton() const
    {
        for (QPushButton *button : m_window->advisoryBanner()->findChildren<QPushButton *>()) {
            if (button->text().remove(QLatin1Char('&')) == QLatin1String("Read"))
                return button;
        }
        return nullptr;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_sampleId = 0;
    qint64 m_desk = 0;
    qint64 m_plain = 0; // a story without an advisory
};

void tst_AdvisoryBanner::init()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_cache = bulletin::test::openTestCache(m_dir, &error);
    QVERIFY2(m_cache, qPrintable(error));
    m_settings = bulletin::test::freshSettings(m_dir);
    const std::optional<qint64> sample = importSampleOnFirstRun(*m_cache, &error);
    QVERIFY2(sample, qPrintable(error));
    m_sampleId = *sample;
    m_desk = *m_cache->feeds().localSource(QStringLiteral("Harbour Desk"));
    m_plain = bulletin::test::addStory(*m_cache, m_desk, QStringLiteral("Ferry timetable reduced"),
                                       QStringLiteral("<p>Two ferries are in dry dock.</p>"), 10);
    QVERIFY(m_plain);
}

void tst_AdvisoryBanner::cleanup()
{
    m_window.reset();
    m_cache.reset();
    m_settings.reset();
}

qint64 tst_AdvisoryBanner::addAdvisoryStory(const QString &headline, const QString &text,
                                            const QString &severity)
{
    Article article;
    article.guid = article.title = headline;
    article.published = QDateTime::currentDateTimeUtc().addSecs(-60);
    article.html = QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
    article.text = text;
    Advisory advisory;
    advisory.headline = headline;
    advisory.text = text;
    advisory.severity = severity;
    advisory.issuer = QStringLiteral("Harbour Authority");
    advisory.area = QStringLiteral("Harbour bridges");
    advisory.expires = QDateTime::currentDateTimeUtc().addDays(1);
    advisory.status = QStringLiteral("active");
    advisory.origin = QStringLiteral("cap");
    article.advisory = advisory;
    return m_cache->articles().upsert(m_desk, article).id;
}

void tst_AdvisoryBanner::openWindow()
{
    m_window = std::make_unique<MainWindow>(*m_cache, *m_settings);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_AdvisoryBanner::saysWhatTheAdvisorySays()
{
    openWindow();
    AdvisoryBanner *banner = m_window->advisoryBanner();
    QCOMPARE(banner->storyId(), m_sampleId);
    // The sample's advisory is a "Public Advisory" section: the banner shows what it says.
    const QString says = QStringLiteral(
        "Authorities have advised the public to exercise caution against "
        "potential phishing scams");
    QVERIFY2(shownText().simplified().contains(says), qPrintable(shownText()));
    QVERIFY(banner->text().contains(says));
    QVERIFY(banner->accessibleDescription().contains(says));
    QVERIFY(banner->toolTip().contains(says));
}

void tst_AdvisoryBanner::theLayoutStaysStillUnderThePointer()
{
    const qint64 wind = addAdvisoryStory(QStringLiteral("Wind advisory for the bridges"),
                                         QStringLiteral("Gusts up to 70 km/h."),
                                         QStringLiteral("Minor"));
    openWindow();
    AdvisoryBanner *banner = m_window->advisoryBanner();
    banner->refresh();
    QCOMPARE(banner->storyId(), wind); // Minor outranks the sample's Unknown
    const int top = listTop();

    // Reading the banner's own story: the banner stays, only Read steps aside.
    QTest::mouseClick(banner, Qt::LeftButton, {}, QPoint(20, 10));
    QCOMPARE(m_window->controller()->currentLocation().storyId, wind);
    QVERIFY(banner->isVisible());
    QVERIFY(!readButton()->isEnabled());
    QCOMPARE(listTop(), top);
    // The next story: nothing moves, and Read is back.
    m_window->openStory(m_plain);
    QCOMPARE(listTop(), top);
    QVERIFY(readButton()->isEnabled());

    // Another advisory with a much longer text takes its place: still nothing moves.
    banner->dismiss();
    QCOMPARE(banner->storyId(), m_sampleId);
    QCOMPARE(listTop(), top);
    m_window->openStory(m_sampleId);
    QCOMPARE(listTop(), top);
}

void tst_AdvisoryBanner::anyTextFitsTheSameHeight_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("short") << QStringLiteral("Stay away from fallen power lines");
    QTest::newRow("without punctuation")
        << QStringLiteral("stay away from fallen power lines and report them to the utility ")
               .repeated(8)
               .trimmed();
    QTest::newRow("enormous")
        << QStringLiteral("Boil your water before drinking it. ").repeated(3000);
    QTest::newRow("one unbreakable run") << QStringLiteral("x").repeated(5000);
    QTest::newRow("several lines")
        << QStringLiteral("Stay indoors.\nClose the windows.\n\nListen to the radio.");
}

void tst_AdvisoryBanner::anyTextFitsTheSameHeight()
{
    QFETCH(QString, text);
    openWindow();
    AdvisoryBanner *banner = m_window->advisoryBanner();
    const int height = banner->height();
    const int top = listTop();
    AdvisoryStore(m_cache->database().connection()).setDismissed(m_sampleId, true);
    addAdvisoryStory(QStringLiteral("Storm warning"), text, QStringLiteral("Severe"));
    banner->refresh();
    QVERIFY(banner->text().contains(QStringLiteral("Storm warning")));
    QTRY_COMPARE(banner->height(), height);
    QCOMPARE(listTop(), top);
    // At most two lines, cut with an ellipsis where the text goes on.
    const QString shown = shownText();
    QVERIFY2(shown.count(QLatin1Char('\n')) <= 1, qPrintable(shown));
    const QFontMetrics metrics(banner->font());
    for (const QString &line : shown.split(QLatin1Char('\n')))
        QVERIFY(metrics.horizontalAdvance(line) <= banner->width());
    if (text.size() > 500)
        QVERIFY(shown.endsWith(QChar(0x2026)));
    else
        QVERIFY(shown.startsWith(text.simplified().left(20)));
}

void tst_AdvisoryBanner::followsALightDarkSwitch()
{
    openWindow();
    AdvisoryBanner *banner = m_window->advisoryBanner();
    const QPalette original = QApplication::palette();
    // The sample's advisory is of unknown severity: the yellow tint of the palette's base.
    const auto expected = [](const QPalette &palette) {
        return QColor(advisoryColours(QString(), palette).background);
    };
    QCOMPARE(banner->backgroundColour(), expected(original));
    QVERIFY(contrastRatio(banner->textColour(), banner->backgroundColour()) >= 4.5);
    {
        const bulletin::test::DarkPaletteScope dark;
        QTRY_COMPARE(banner->backgroundColour(), expected(bulletin::test::darkPalette()));
        QVERIFY(banner->backgroundColour().lightness() < 128);
        QVERIFY(contrastRatio(banner->textColour(), banner->backgroundColour()) >= 4.5);
    }
    QCOMPARE(QApplication::palette(), original);
    QTRY_COMPARE(banner->backgroundColour(), expected(original));
}

// A feed item's "Public Advisory" section is the reader's advisory box, and is not said
// again in the text under it; the rest of the item is.
void tst_AdvisoryBanner::feedSectionShowsOnceInTheReader()
{
    const QByteArray rss
        = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>County "
          "News</title><link>https://county.example/</link>"
          "<item><title>Storm closes schools</title><link>https://county.example/storm</link>"
          "<description>&lt;p&gt;Schools across the county closed on Monday after a storm knocked "
          "out power.&lt;/p&gt;"
          "&lt;h3&gt;Public Advisory&lt;/h3&gt;&lt;p&gt;Stay away from fallen power lines and "
          "report them to the utility&lt;/p&gt;"
          "&lt;p&gt;Severity: Severe&lt;/p&gt;&lt;h3&gt;Outlook&lt;/h3&gt;&lt;p&gt;Crews expect "
          "power back by Friday.&lt;/p&gt;"
          "</description></item></channel></rss>";
    const FeedParseResult parsed = parseFeed(rss);
    QVERIFY2(parsed.feed, qPrintable(parsed.error));
    const QList<Article> articles = articlesFromFeed(*parsed.feed, QDateTime::currentDateTimeUtc());
    QCOMPARE(articles.size(), 1);
    const qint64 storm = m_cache->articles().upsert(m_desk, articles.first()).id;
    QVERIFY(storm);
    openWindow();
    m_window->openStory(storm);
    const QString shown = m_window->reader()->toPlainText();
    QCOMPARE(shown.count(QStringLiteral("Stay away from fallen power lines")), 1);
    QCOMPARE(shown.count(QStringLiteral("Public Advisory")), 1);
    QVERIFY2(shown.contains(QStringLiteral("Schools across the county closed on Monday")),
             qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("Crews expect power back by Friday.")),
             qPrintable(shown));

    // Set BULLETIN_SCREENSHOT_DIR to look at it, light and dark.
    QVERIFY(bulletin::test::saveLightAndDark(m_window.get(), QStringLiteral("feed-section")));
}

void tst_AdvisoryBanner::screenshots()
{
    // Set BULLETIN_SCREENSHOT_DIR to look at the banner over the sample, light and dark.
    if (bulletin::test::screenshotDir().isEmpty())
        QSKIP("BULLETIN_SCREENSHOT_DIR not set");
    openWindow();
    m_window->openStory(m_plain);
    QVERIFY(bulletin::test::saveLightAndDark(m_window.get(), QStringLiteral("banner")));
}

QTEST_MAIN(tst_AdvisoryBanner)
#include "tst_advisorybanner.moc"
