#pragma once

#include <QString>
#include <QStringView>

namespace bulletin {

// Text helpers for HTML fragments found in feeds and articles. Pure functions, thread-safe.

// Decodes HTML5 character references: named ones from the HTML5 table (including the legacy
// forms without ';' such as "&amp" or "&eacute"), decimal and hex numeric ones. Numeric
// references in 0x80-0x9F are mapped through Windows-1252 as HTML5 requires (&#146; -> U+2019);
// NUL, surrogates and out-of-range values become U+FFFD. Unknown references stay as written.
QString decodeHtmlEntities(QStringView text);

// Plain text of an HTML fragment: tags and comments removed, the content of script, style,
// applet, template, head, noscript-free elements dropped, character references decoded and
// runs of white space (including no-break space) collapsed to one space, trimmed.
// Block-level tags separate words (so "<p>a</p><p>b</p>" gives "a b").
QString htmlToPlainText(QStringView html);

// Escapes &, <, > and " so that text can be placed in HTML content or attribute values.
QString escapeHtml(QStringView text);

// Collapses runs of white space (including U+00A0) to one space and trims.
QString collapseWhitespace(QStringView text);
// The same; a string with nothing to collapse is returned as it is, shared, not copied.
QString collapseWhitespace(const QString &text);

} // namespace bulletin
