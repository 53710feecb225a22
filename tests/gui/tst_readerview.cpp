#include "gui/linkopener.h"
#include "gui/readerview.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace bulletin;

class tst_ReaderView : public QObject
{
    Q_OBJECT

private slots:
    void neverLoadsResources_data();
    void neverLoadsResources();
    void decodesDataImages();
    void linksBecomeSignals();
    void linkSchemes_data();
    void linkSchemes();
    void keepsLayoutsOfAStory();
    void zoomedStoryLooksAsIfOpenedAtThatSize();
};

void tst_ReaderView::neverLoadsResources_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QUrl>("url");
    QTest::newRow("remote image") << int(QTextDocument::ImageResource)
                                  << QUrl(QStringLiteral("https://tracker.example/pixel.gif"));
    QTest::newRow("remote stylesheet") << int(QTextDocument::StyleSheetResource)
                                       << QUrl(QStringLiteral("http://example.org/a.css"));
    QTest::newRow("local file") << int(QTextDocument::ImageResource)
                                << QUrl(QStringLiteral("file:///etc/passwd"));
    QTest::newRow("relative") << int(QTextDocument::ImageResource)
                              << QUrl(QStringLiteral("image.png"));
    QTest::newRow("data but not an image")
        << int(QTextDocument::ImageResource)
        << QUrl(QStringLiteral("data:text/html;base64,PHNjcmlwdD4="));
}

void tst_ReaderView::neverLoadsResources()
{
    QFETCH(int, type);
    QFETCH(QUrl, url);
    ReaderView view;
    QVERIFY(view.loadResource(type, url).isNull());
}

void tst_ReaderView::decodesDataImages()
{
    ReaderView view;
    const QByteArray bytes("\x89PNG fake");
    const QUrl url(QStringLiteral("data:image/png;base64,")
                   + QString::fromLatin1(bytes.toBase64()));
    QCOMPARE(view.loadResource(QTextDocument::ImageResource, url).toByteArray(), bytes);
}

void tst_ReaderView::linksBecomeSignals()
{
    ReaderView view;
    QVERIFY(!view.openLinks());
    QVERIFY(!view.openExternalLinks());
    QSignalSpy story(&view, &ReaderView::storyRequested);
    QSignalSpy external(&view, &ReaderView::externalLinkRequested);
    emit view.anchorClicked(QUrl(QStringLiteral("#bulletin-story-17")));
    QCOMPARE(story.size(), 1);
    QCOMPARE(story.at(0).at(0).toLongLong(), 17);
    emit view.anchorClicked(QUrl(QStringLiteral("https://example.org/")));
    QCOMPARE(external.size(), 1);
    QCOMPARE(story.size(), 1);
}

void tst_ReaderView::linkSchemes_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https") << QStringLiteral("https://example.org/a") << true;
    QTest::newRow("http") << QStringLiteral("http://example.org/a") << true;
    QTest::newRow("mailto") << QStringLiteral("mailto:desk@example.org") << true;
    QTest::newRow("upper-case scheme") << QStringLiteral("HTTPS://example.org/") << true;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::newRow("custom handler") << QStringLiteral("steam://run/1") << false;
    QTest::newRow("data") << QStringLiteral("data:text/html,hi") << false;
    QTest::newRow("no host") << QStringLiteral("http:///path") << false;
    QTest::newRow("relative") << QStringLiteral("page.html") << false;
}

void tst_ReaderView::linkSchemes()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(LinkOpener::isAllowed(QUrl(url)), allowed);
    if (!allowed) {
        LinkOpener opener;
        QSignalSpy message(&opener, &LinkOpener::statusMessage);
        QVERIFY(!opener.open(QUrl(url)));
        QCOMPARE(message.size(), 1);
        QVERIFY(message.at(0).at(0).toString().startsWith(QStringLiteral("Refused")));
    }
}

namespace {

QString storyHtml(int paragraphs)
{
    QString html = QStringLiteral("<h2>AVOW: Tolls to rise on the coast road</h2>");
    for (int i = 0; i < paragraphs; ++i)
        html += QStringLiteral("<p>Paragraph %1. The council voted on Tuesday to raise the tolls; "
                               "Wave, Yard and "
                               "Avenue residents said they would appeal, and the ferry fare stays "
                               "where it is.</p>")
                    .arg(i);
    return html;
}

bool everyBlockKeepsItsLayout(const QTextDocument *document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (!block.layout()->cacheEnabled())
            return false;
    }
    return true;
}

} // namespace

void tst_ReaderView::keepsLayoutsOfAStory()
{
    ReaderView view;
    view.setHtml(storyHtml(20));
    QVERIFY(everyBlockKeepsItsLayout(view.document()));
    // A very long page is laid out without keeping its shaped text: memory stays bounded.
    const int longParagraphs = ReaderView::kKeptLayoutChars / 100;
    view.setHtml(storyHtml(longParagraphs));
    QVERIFY(view.document()->characterCount() > ReaderView::kKeptLayoutChars);
    QVERIFY(!view.document()->firstBlock().layout()->cacheEnabled());
    view.setHtml(storyHtml(3));
    QVERIFY(everyBlockKeepsItsLayout(view.document()));
}

void tst_ReaderView::zoomedStoryLooksAsIfOpenedAtThatSize()
{
    // The kept layouts must not outlive a change of font: zooming lays the story out again.
    ReaderView zoomed;
    zoomed.resize(500, 400);
    zoomed.setHtml(storyHtml(4));
    zoomed.show();
    QVERIFY(QTest::qWaitForWindowExposed(&zoomed));
    const QImage before = zoomed.grab().toImage();
    zoomed.zoomIn(4);
    const QImage after = zoomed.grab().toImage();
    QVERIFY(after != before);

    ReaderView opened;
    opened.resize(500, 400);
    opened.setFont(zoomed.font());
    opened.setHtml(storyHtml(4));
    opened.show();
    QVERIFY(QTest::qWaitForWindowExposed(&opened));
    QCOMPARE(opened.grab().toImage(), after);
}

QTEST_MAIN(tst_ReaderView)
#include "tst_readerview.moc"
