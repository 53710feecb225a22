#include "core/feeds/parsedfeed.h"

#include "core/html/htmltext.h"

namespace bulletin {

QString ParsedItem::summaryText() const
{
    return m_summaryIsHtml ? htmlToPlainText(summaryHtml) : m_plainSummary;
}

void ParsedItem::setHtmlSummary(const QString &html)
{
    summaryHtml = html;
    m_plainSummary.clear();
    m_summaryIsHtml = true;
}

void ParsedItem::setPlainSummary(const QString &text, const QString &html)
{
    summaryHtml = html;
    m_plainSummary = text;
    m_summaryIsHtml = false;
}

} // namespace bulletin
