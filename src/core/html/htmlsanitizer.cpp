#include "core/html/htmlsanitizer.h"

#include "core/html/htmltext.h"

namespace bulletin {

// Conservative first version: the article is reduced to its plain text, escaped. The real
// allow-list sanitiser replaces this.
SanitizedHtml sanitizeHtml(QStringView html, const SanitizeOptions &options)
{
    Q_UNUSED(options);
    SanitizedHtml result;
    result.text = htmlToPlainText(html);
    result.html = QStringLiteral("<p>") + result.text.toHtmlEscaped() + QStringLiteral("</p>");
    return result;
}

} // namespace bulletin
