#pragma once

#include "core/html/htmlreferences.h" // decoding and escaping, which every user here needs

#include <QString>
#include <QStringView>

namespace bulletin {

// Text helpers for HTML fragments found in feeds and articles. Pure functions, thread-safe.

// Plain text of an HTML fragment: tags and comments removed, the content of script, style,
// applet, template, head, noscript-free elements dropped, character references decoded and
// runs of white space (including no-break space) collapsed to one space, trimmed.
// Tags that separate words when rendered (elementBreaksText(): p, br, li, div, nav...) give
// a space, so "<p>a</p><p>b</p>" gives "a b"; inline ones (b, a, span, img) none.
QString htmlToPlainText(QStringView html);

// Collapses runs of white space (including U+00A0) to one space and trims.
QString collapseWhitespace(QStringView text);
// The same; a string with nothing to collapse is returned as it is, shared, not copied.
QString collapseWhitespace(const QString &text);

} // namespace bulletin
