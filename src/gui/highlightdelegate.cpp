#include "gui/highlightdelegate.h"

#include "core/html/htmlreferences.h"
#include "models/storylistmodel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace bulletin {

HighlightDelegate::HighlightDelegate(const StoryListModel *model, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
{
}

QString HighlightDelegate::highlighted(const QString &text, const SearchMatcher &matcher,
                                       const QColor &background, const QColor &foreground)
{
    QString html;
    qsizetype at = 0;
    for (const SearchMatcher::Span &match : matcher.matches(text)) {
        html += escapeHtml(QStringView(text).mid(at, match.start - at));
        html += QStringLiteral("<span style=\"background-color:%1; color:%2\">%3</span>")
                    .arg(background.name(), foreground.name(),
                         escapeHtml(QStringView(text).mid(match.start, match.length)));
        at = match.start + match.length;
    }
    html += escapeHtml(QStringView(text).mid(at));
    return html;
}

void HighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const SearchMatcher &matcher = m_model->highlighter();
    if (matcher.isEmpty() || index.column() != StoryListModel::HeadlineColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    // A selected row already uses the highlight colours: mark the words there by inverting.
    const QColor background = selected ? opt.palette.color(QPalette::HighlightedText)
                                       : opt.palette.color(QPalette::Highlight);
    const QColor foreground = selected ? opt.palette.color(QPalette::Highlight)
                                       : opt.palette.color(QPalette::HighlightedText);
    QTextDocument document;
    document.setDefaultFont(opt.font);
    document.setDocumentMargin(0);
    document.setHtml(highlighted(text, matcher, background, foreground));
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    painter->save();
    painter->setClipRect(textRect);
    painter->translate(textRect.left(),
                       textRect.top() + (textRect.height() - document.size().height()) / 2);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = opt.palette;
    context.palette.setColor(
        QPalette::Text, opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    document.documentLayout()->draw(painter, context);
    painter->restore();
}

} // namespace bulletin
