#pragma once

#include "core/html/htmlsanitizer.h"
#include "models/storyhistory.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace bulletin {

class Cache;
class ImagePolicy;
class ReaderCoverage;
class ReaderView;
class StoryListModel;

// The page in the reader: draws a story, a part at a time when it is long (storypage.h), or a
// bookmark's snapshot, in the reader's palette, with the related coverage its ReaderCoverage
// finds, the remote images its ImagePolicy allows and the list's search matches marked. It
// keeps what it drew (the location, its link and feed, the part, the links flagged as
// misleading) and draws it again, where the reader was, when the palette changes, images or
// coverage arrive, or the story changes (refresh). Which story to show is the
// StoryController's choice; a story or bookmark gone from the cache is not drawn, and the
// page stays as it was. Owned by the StoryController; GUI thread only.
class ReaderPage final : public QObject
{
    Q_OBJECT

public:
    // `stories` is the list beside the reader, whose search matches the page marks.
    ReaderPage(Cache &cache, ReaderView *reader, const StoryListModel &stories, QObject *parent);

    ImagePolicy *imagePolicy() const { return m_images; }
    ReaderCoverage *coverage() const { return m_coverage; }

    // What the page shows: an invalid location when the reader is empty.
    ReaderLocation location() const { return m_location; }
    QUrl link() const { return m_link; }
    // The feed of the story shown (0 for none, or a bookmark's snapshot).
    qint64 feedId() const { return m_feedId; }
    int part() const { return m_part; }
    int partCount() const { return m_parts; }
    // The warning for a link on the page that misleads about where it goes; empty for an
    // honest link.
    QString linkWarning(const QUrl &url) const;
    // How far down the page the reader is, in pixels.
    int scroll() const;

    // Draws part `part` of the location's story (of a long one; a bookmark has one part), from
    // the top. False, saying why on statusMessage and with the page unchanged, when the story
    // or bookmark is no longer in the cache.
    bool show(const ReaderLocation &location, int part);
    // Scrolls the page `scroll` pixels down (a place kept on the trail).
    void scrollTo(int scroll);
    // Draws the page again, keeping the reader where it was.
    void refresh();
    // Shows another part of the story, from its top.
    void showPart(int part);
    // Empties the reader.
    void clear();
    // Loads the page's remote images (and, when alwaysForFeed, those of every story of its
    // feed from now on), as far as the ImagePolicy can.
    void loadImages(bool alwaysForFeed);

signals:
    // A story was drawn (each time: a part, a refresh), read or not; bookmarks are not.
    void storyShown(qint64 storyId, bool read);
    // How many remote images the page left out (0: nothing to offer).
    void remoteImagesBlocked(int count);
    void statusMessage(const QString &message);

private:
    bool draw(const ReaderLocation &location, int part);
    bool isDarkPalette() const;

    Cache &m_cache;
    QPointer<ReaderView> m_reader;
    const StoryListModel &m_stories;
    ImagePolicy *m_images = nullptr;
    // Related coverage is found off the GUI thread; the page is drawn first without it and
    // again when it arrives.
    ReaderCoverage *m_coverage = nullptr;
    ReaderLocation m_location;
    QUrl m_link;
    QList<FlaggedLink> m_flagged;
    qint64 m_feedId = 0;
    int m_part = 0; // the part of a long story shown
    int m_parts = 1;
};

} // namespace bulletin
