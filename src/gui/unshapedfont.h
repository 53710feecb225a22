#pragma once

#include <QFont>

namespace bulletin {

// For the lists drawn again as they scroll (the story list at every step, the sidebar when
// selecting a source scrolls it): shaping was half of drawing a row. Text in scripts that
// need shaping still gets it, other text skips ligatures and kerning. Only the strategy is
// set: the rest of the font still follows the window's.
inline QFont unshapedFont()
{
    QFont font;
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

} // namespace bulletin
