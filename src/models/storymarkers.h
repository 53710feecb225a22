#pragma once

#include <QIcon>
#include <QSize>

namespace bulletin {

// The small markers a story row carries: a star when bookmarked, a warning triangle when the
// story has an advisory. Drawn with vector paths rather than font glyphs, so they look the
// same whatever fonts the desktop has (the offscreen platform and minimal installs often lack
// the emoji/symbol fonts that "★"/"⚠" need). Every row gets an icon of the same size, blank
// slots included, so headlines line up. Needs a QGuiApplication; icons are made once.
class StoryMarkers final
{
public:
    static QSize iconSize();
    QIcon icon(bool bookmarked, bool advisory) const;
    // The star alone, square, for a toolbar button when the desktop has no icon theme.
    static QIcon bookmarkIcon();
    // A red disc with an exclamation mark: a source whose last refresh failed.
    QIcon errorIcon() const;

private:
    static QIcon paint(bool bookmarked, bool advisory);

    mutable QIcon m_icons[4];
    mutable QIcon m_error;
};

} // namespace bulletin
