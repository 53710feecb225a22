#pragma once

#include "storage/records.h"

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
// forward move along the trail. Each step also keeps the view the story was read in and where
// in it the reader was (the part of a long story, and how far down), so that going back
// returns to where the user was, not to the top of a story in whatever list happens to be
// shown. A plain value type; the GUI enables
// its actions from canGoBack()/canGoForward().
class StoryHistory final
{
public:
    static constexpr int kLimit = 500; // older entries fall off the back

    struct Step
    {
        ReaderLocation location;
        StoryFilter view;
        int part = 0; // the part of a long story shown when the user left it (0-based)
        int scroll = 0; // the reader's vertical scroll position in that part
    };

    // Visiting the place already current is not a step (re-selecting a row); it only
    // updates the view the place is shown in.
    void visit(const ReaderLocation &location, const StoryFilter &view = {});
    // Notes where in the current step's story the reader is (its part and how far down),
    // when that story is `location`.
    void setPlace(const ReaderLocation &location, int part, int scroll);
    std::optional<Step> back();
    std::optional<Step> forward();
    std::optional<Step> current() const;
    bool canGoBack() const { return m_position > 0; }
    bool canGoForward() const { return m_position + 1 < m_entries.size(); }
    void clear();

private:
    QList<Step> m_entries;
    qsizetype m_position = -1;
};

} // namespace bulletin
