#pragma once

#include "storage/records.h"

#include <QString>

namespace bulletin {

// The order of a story list, as the user picks it by clicking a column header:
//   Date      newest first; reversed, oldest first.
//   Headline  A to Z; reversed, Z to A. Case is folded as SQLite's NOCASE folds it (ASCII
//             letters only), and stories with the same headline follow by id.
//   Source    the sources A to Z (reversed, Z to A), each source's stories newest first:
//             reversing the sources does not turn each one's stories upside down, as in
//             the mail and news readers that sort by sender.
// Every order is total (id breaks the last tie), so keyset paging (ArticleStore::stories)
// never repeats or skips a story, and precedes() says where a story falls among the rows a
// list has loaded without asking the cache. A plain value.
struct StoryOrder
{
    enum class Key { Date, Headline, Source };
    Key key = Key::Date;
    bool reversed = false;

    friend bool operator==(const StoryOrder &, const StoryOrder &) = default;

    static StoryCursor cursorOf(const StorySummary &story);
    // Whether a story with cursor `a` comes before one with cursor `b` in this order.
    bool precedes(const StoryCursor &a, const StoryCursor &b) const;

    // For settings: "date", "headline", "source", with a leading '-' when reversed. An
    // unknown text reads as the default order.
    QString toString() const;
    static StoryOrder fromString(const QString &text);

    // SQLite's NOCASE comparison: UTF-8 bytes, ASCII letters folded to lower case.
    static int compareNoCase(const QString &a, const QString &b);
};

} // namespace bulletin
