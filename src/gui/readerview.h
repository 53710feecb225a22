#pragma once

#include <QTextBrowser>

namespace bulletin {

class ImageCache;
class SearchMatcher;

// The reader pane: a QTextBrowser that never navigates and never fetches. Every link click
// comes out as a signal (a related story's "#bulletin-story-ID" fragment as storyRequested,
// the bookmark note's edit link as noteEditRequested, "Coverage elsewhere"'s
// "#bulletin-read-ID,..." as markReadRequested, a long story's "#bulletin-part-N" as
// partRequested, anything else as externalLinkRequested) and the owner decides;
// loadResource answers only data: URLs and images already in the disk image cache (fetched
// when the user allowed them), so the reader itself never makes a request, whatever the
// page says.
class ReaderView final : public QTextBrowser
{
    Q_OBJECT

public:
    explicit ReaderView(QWidget *parent = nullptr);

    QVariant loadResource(int type, const QUrl &name) override;
    // Images the user allowed are read from this disk cache (never from the network).
    void setImageCache(const ImageCache *cache) { m_images = cache; }

    // Marks what the search matched (its words, its phrases as whole phrases) with the
    // highlight colours, as a search result is read; an empty matcher clears the marks.
    // Returns how many were marked.
    int highlightMatches(const SearchMatcher &matcher);

    // Up to this many characters, a story's paragraphs keep their shaped text for painting.
    static constexpr int kKeptLayoutChars = 200000;

signals:
    void storyRequested(qint64 storyId);
    // The "edit" link of the bookmark note on the page was followed.
    void noteEditRequested();
    void markReadRequested(const QList<qint64> &storyIds);
    // A long story's "Next part" / "Previous part" link (0-based part).
    void partRequested(int part);
    // The palette changed (light/dark switch): the page's own colours must follow.
    void paletteChanged();
    void externalLinkRequested(const QUrl &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    void handleAnchor(const QUrl &url);

    const ImageCache *m_images = nullptr;
};

} // namespace bulletin
