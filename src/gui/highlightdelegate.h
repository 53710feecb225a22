#pragma once

#include <QStyledItemDelegate>

namespace bulletin {

class SearchMatcher;
class StoryListModel;

// Draws the story list's headlines with the matches of the current search highlighted (the
// palette's highlight colours, so it reads in light and dark themes); rows are drawn as
// usual when there is no search.
class HighlightDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    HighlightDelegate(const StoryListModel *model, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    // The text as HTML with each of the search's matches wrapped in a highlighted span.
    static QString highlighted(const QString &text, const SearchMatcher &matcher,
                               const QColor &background, const QColor &foreground);

private:
    const StoryListModel *m_model;
};

} // namespace bulletin
