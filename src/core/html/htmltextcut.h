#pragma once

#include "core/html/htmlsanitizer.h"

#include <QString>
#include <QStringView>

namespace bulletin {

// The HTML without the markup that shows [textStart, textEnd) of its text, the text being
// sanitizeHtml(html, options).text: used to take a section the reader shows elsewhere (an
// advisory in its banner) out of a story's body, and keep everything else as written.
//
// The cut runs from the end of the last closing tag before the first character of the
// range (so the opening tags of the range's first block go with it, and the tags that
// close the block before it stay) to the end of the last character, plus the closing tags
// that balance what was opened inside the cut. Markup that is not balanced (an implied
// </p>) gives a cut that the sanitiser still reads as the same blocks, never text outside
// the range lost. The result has CR LF turned into LF (htmlWithLineFeeds). An empty or
// out-of-range range gives that HTML unchanged.
//
// Pure function, thread-safe.
QString htmlWithoutText(QStringView html, qsizetype textStart, qsizetype textEnd,
                        const SanitizeOptions &options = {});

} // namespace bulletin
