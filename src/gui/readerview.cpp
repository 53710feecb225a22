#include "gui/readerview.h"

#include "core/searchquery.h"
#include "services/remoteimages.h"
#include "services/storypage.h"

#include <QEvent>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

namespace bulletin {

namespace {

// "data:[<mediatype>][;base64],<data>" (RFC 2397); images only, anything else is refused.
QVariant decodeImageDataUrl(const QUrl &url)
{
    const QString spec = url.toString(QUrl::FullyEncoded).mid(5); // after "data:"
    const qsizetype comma = spec.indexOf(QLatin1Char(','));
    if (comma < 0)
        return {};
    const QString header = spec.left(comma).toLower();
    if (!header.startsWith(QLatin1String("image/")))
        return {};
    const QByteArray payload = QByteArray::fromPercentEncoding(spec.mid(comma + 1).toLatin1());
    if (header.endsWith(QLatin1String(";base64")))
        return QByteArray::fromBase64(payload);
    return payload;
}

} // namespace

ReaderView::ReaderView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setUndoRedoEnabled(false);
    document()->setDocumentMargin(18);
    // The scroll bar's room is kept for short stories too: the text column keeps its width
    // from story to story, and a story is laid out once rather than again when its length
    // shows the scroll bar.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    // A paragraph keeps its shaped text from being laid out to being painted. Qt's text layout
    // otherwise drops it once the paragraph is laid out and shapes the text again to paint it:
    // that was a third of painting a story. The document says its paragraphs changed
    // (contentsChange) after they exist and before they are laid out. A story longer than
    // kKeptLayoutChars is shaped twice, as before, rather than kept (tens of bytes a character).
    connect(document(), &QTextDocument::contentsChange, this, [this](int from, int, int added) {
        const bool keep = document()->characterCount() <= kKeptLayoutChars;
        const int end = from + added;
        for (QTextBlock block = document()->findBlock(from);
             block.isValid() && block.position() <= end; block = block.next())
            block.layout()->setCacheEnabled(keep);
    });
    connect(this, &QTextBrowser::anchorClicked, this, &ReaderView::handleAnchor);
}

QVariant ReaderView::loadResource(int type, const QUrl &name)
{
    if (type == QTextDocument::ImageResource && name.scheme() == QLatin1String("data"))
        return decodeImageDataUrl(name);
    if (type == QTextDocument::ImageResource && m_images
        && (name.scheme() == QLatin1String("http") || name.scheme() == QLatin1String("https"))) {
        if (const std::optional<QByteArray> bytes = m_images->get(name))
            return *bytes;
    }
    // Remote and local files alike: the page is built from the cache and needs nothing more.
    return {};
}

int ReaderView::highlightMatches(const SearchMatcher &matcher)
{
    constexpr qsizetype kMaxMarks = 2000;
    QList<QTextEdit::ExtraSelection> selections;
    if (!matcher.isEmpty()) {
        QTextCharFormat format;
        format.setBackground(palette().color(QPalette::Highlight));
        format.setForeground(palette().color(QPalette::HighlightedText));
        // Block by block: a phrase is matched within a paragraph, as the index matched it
        // within the text.
        for (QTextBlock block = document()->begin();
             block.isValid() && selections.size() < kMaxMarks; block = block.next()) {
            for (const SearchMatcher::Span &match : matcher.matches(block.text())) {
                QTextCursor cursor(document());
                cursor.setPosition(block.position() + int(match.start));
                cursor.setPosition(block.position() + int(match.start + match.length),
                                   QTextCursor::KeepAnchor);
                selections.append({cursor, format});
                if (selections.size() >= kMaxMarks)
                    break;
            }
        }
    }
    setExtraSelections(selections);
    return int(selections.size());
}

void ReaderView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    // Here rather than in the window: a widget gets PaletteChange once its own palette is
    // resolved, and the window hears of it before its children do.
    if (event->type() == QEvent::PaletteChange)
        emit paletteChanged();
}

void ReaderView::handleAnchor(const QUrl &url)
{
    if (const std::optional<qint64> id = storyIdFromAnchor(url.toString())) {
        emit storyRequested(*id);
        return;
    }
    if (isEditNoteAnchor(url.toString())) {
        emit noteEditRequested();
        return;
    }
    if (const std::optional<QList<qint64>> ids = storyIdsToMarkRead(url.toString())) {
        emit markReadRequested(*ids);
        return;
    }
    if (const std::optional<int> part = partFromAnchor(url.toString())) {
        emit partRequested(*part);
        return;
    }
    emit externalLinkRequested(url);
}

} // namespace bulletin
