#pragma once

#include "models/storyrow.h"

#include <QCoreApplication>
#include <QString>

namespace bulletin {

// What the story list says of a row in words: the text of its columns, and the description
// that tooltips and screen readers get, which puts in words what the markers, bold and
// italics say in pixels. StoryListModel::data() answers with these; they depend on the row
// alone and on how it stands in the grouped view (reportsUnder: the listed reports gathered
// under an event's row, 0 for any other row). Stateless; the words are translated, so call
// them on the GUI thread once the translators are installed.
class StoryRowText final
{
    Q_DECLARE_TR_FUNCTIONS(StoryRowText)

public:
    // The headline ("(untitled)" without one). In the grouped view an event's row opens (▸)
    // and closes (▾) over its reports, which are set in under it (↳). A retired advisory says
    // its standing: "Storm warning (expired)".
    static QString headline(const StoryRow &row, int reportsUnder);
    // The feed, with "+N sources" on a row whose event other feeds report as well.
    static QString source(const StoryRow &row);
    // The date in the user's locale, short; empty without one.
    static QString date(const StoryRow &row);
    // The bookmark's note on one line: its first line, with an ellipsis when it goes on.
    static QString noteLine(const StoryRow &row);

    enum class Form {
        ToolTip, // one fact a line, the note as written, the headline first when asked
        Accessible // one line, facts separated by commas
    };
    // Read or unread, bookmarked, the advisory, headline only, the sources, the reports
    // under an event's row, a bookmark whose story is gone, the note and the search snippet.
    static QString description(const StoryRow &row, int reportsUnder, const QString &snippet,
                               Form form, bool withHeadline);

    // An advisory's standing ("active", "expired", "superseded", "cancelled"), translated.
    static QString statusWords(const QString &status);
};

} // namespace bulletin
