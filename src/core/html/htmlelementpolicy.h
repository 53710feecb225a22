#pragma once

#include <QString>

#include <string_view>

namespace bulletin {

// How the sanitiser treats each HTML element: the allow-list, the elements dropped with
// their content, the implied-end-tag and scope classes of HTML5 tree construction it
// follows, and how an element separates the plain text. One table, read-only after first
// use (thread-safe static initialisation).

enum class TextBreak { None, Space, Line, Paragraph };

struct ElementPolicy
{
    enum Flag : unsigned {
        Block = 1u << 0, // closes an open <p> (HTML5 "closes a p element")
        Heading = 1u << 1,
        DropsRawText = 1u << 2, // script, style...: the raw text inside never shows
        DropsSubtree = 1u << 3, // template, svg, math: dropped with all their content
        BreaksOutOfForeign = 1u << 4, // an HTML element that ends <svg>/<math> content
        TablePart = 1u << 5, // tr, td, th, thead, tbody, tfoot, caption
        TableSection = 1u << 6, // thead, tbody, tfoot
        Cell = 1u << 7, // td, th, caption: a scope boundary for other elements
        ListItem = 1u << 8, // li, dt, dd
        ListContainer = 1u << 9, // ul, ol, dl, blockquote: the scope of a list item
    };

    QString output; // the element written for it (possibly renamed); empty: tags dropped,
                    // content kept
    TextBreak textBreak = TextBreak::None;
    unsigned flags = 0;

    bool has(Flag f) const { return (flags & f) != 0; }
};

// The policy for a lower-case element name (input or output name); unknown elements get
// an empty policy: tags dropped, content kept, no text break.
const ElementPolicy &elementPolicy(const QString &name);

// Whether the element separates words in plain text (its policy's textBreak is not None),
// for a lower-case ASCII name: the same table, for the plain-text extractor (htmltext.h),
// which reads names straight from the input and looks one up for every tag.
bool elementBreaksText(std::string_view lowerName);

} // namespace bulletin
