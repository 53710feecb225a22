#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace bulletin {

// Character references, read and written: the one place that decodes "&eacute;", "&#8217;"
// and "&#x2019;" and the one place that escapes text for HTML. The HTML tokenizer, the
// plain-text extractor, the XML feed repair and the RSS title heuristic all read references
// through here, so that a reference means the same thing wherever a feed puts it.
// Pure functions, any thread.

// The character Windows-1252 gives a byte in 0x80-0x9F (C1 controls read as the curly
// quotes, dashes and euro sign that Windows tools wrote there); any other value is returned
// as it is. HTML5 reads numeric references in that range this way (&#146; is ’), and the
// WHATWG Encoding Standard reads "ISO-8859-1" bytes this way.
char16_t windows1252Char(char32_t c);

// A numeric reference as written after its '&': "#8217;", "#x2019", "#X1F600;".
struct NumericReference
{
    qsizetype length = 0; // from the '#' to the last digit, or to the ';' when there is
                          // one; 0 when no digit follows "#" or "#x" (no reference)
    char32_t value = 0; // the number as written; kOutOfRange when above U+10FFFF,
                        // however many digits there are (never wraps around)
    bool terminated = false; // ends with ';'

    static constexpr char32_t kOutOfRange = 0x110000;
};

// Reads the numeric reference at the start of text (just after '&'). The byte overload
// reads ASCII digits in UTF-8 or Latin-1 bytes.
NumericReference readNumericReference(QStringView text);
NumericReference readNumericReference(QByteArrayView text);

// Where a reference stands: in an attribute value a legacy name without ';' followed by
// '=' or a letter or digit stays as written, so query strings such as "?a=1&copy=2"
// survive (HTML5 13.2.5.73, the "character reference" state's attribute exception).
enum class ReferenceContext { Text, AttributeValue };

// The reference at text[pos] == '&' as HTML5 decodes it. Named references are the HTML5
// table's (htmlentities.h), with and without ';' ("&amp", "&eacute"), the longest known
// name winning ("&notit;" is "¬it;"); numeric ones have an optional ';'. A numeric value in
// 0x80-0x9F goes through Windows-1252; NUL, surrogates and values above U+10FFFF become
// U+FFFD. When there is no reference at pos the result is "&" alone and end is pos + 1.
struct DecodedReference
{
    qsizetype end = 0; // index just after the reference in text
    char16_t units[4] = {};
    int size = 0; // UTF-16 units used in units (1 to 4: two code points at most)

    QStringView text() const { return QStringView(units, size); }
};
DecodedReference decodeHtmlReferenceAt(QStringView text, qsizetype pos,
                                       ReferenceContext context = ReferenceContext::Text);

// text with every character reference decoded as decodeHtmlReferenceAt() does; an unknown
// reference stays as written. Text without '&' is returned as a copy of itself.
QString decodeHtmlCharacterReferences(QStringView text,
                                      ReferenceContext context = ReferenceContext::Text);

// What escaping is for: text content only needs &, < and > escaped; an attribute value
// (double-quoted) also needs ".
enum class HtmlEscape { Text, AttributeValue };

// Appends text escaped for HTML: &, <, > (and " for an attribute value) as references; C0
// controls other than TAB and LF, DEL and U+FFFE/U+FFFF dropped, since they are noise and
// some of them break the XML or JSON the text is carried in next. Runs of other characters
// are appended at once.
void appendHtmlEscaped(QString &out, QStringView text,
                       HtmlEscape escape = HtmlEscape::AttributeValue);

// The same into a new string. The default escapes " too, so the result is safe in content
// and in a double-quoted attribute value alike.
QString escapeHtml(QStringView text, HtmlEscape escape = HtmlEscape::AttributeValue);

} // namespace bulletin
