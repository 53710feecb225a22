#pragma once

#include <QList>

#include <optional>

namespace bulletin {

// A place in the reader: a cached story, or a bookmark whose story has left the cache.
struct ReaderLocation
{
    qint64 storyId = 0;
    qint64 bookmarkId = 0; // only for a bookmark shown from its snapshot

    bool isValid() const { return storyId != 0 || bookmarkId != 0; }
    friend bool operator==(const ReaderLocation &, const ReaderLocation &) = default;
};

// The reader's trail, like a browser's: visiting a place drops the forward entries, back and
// forward move along the trail. A plain value type; the GUI enables its actions from
// canGoBack()/canGoForward().
class StoryHistory final
{
public:
    static constexpr int kLimit = 500; // older entries fall off the back

    // Visiting the place already current changes nothing (re-selecting a row is not a step).
    void visit(const ReaderLocation &location);
    std::optional<ReaderLocation> back();
    std::optional<ReaderLocation> forward();
    std::optional<ReaderLocation> current() const;
    bool canGoBack() const { return m_position > 0; }
    bool canGoForward() const { return m_position + 1 < m_entries.size(); }
    void clear();

private:
    QList<ReaderLocation> m_entries;
    qsizetype m_position = -1;
};

} // namespace bulletin
