#include "core/html/htmlelementpolicy.h"

#include <QHash>

#include <algorithm>
#include <string>
#include <vector>

namespace bulletin {

namespace {

using F = ElementPolicy::Flag;

QHash<QString, ElementPolicy> buildTable()
{
    QHash<QString, ElementPolicy> t;
    auto set = [&t](std::initializer_list<const char *> names, const char *output, TextBreak b,
                    unsigned flags) {
        for (const char *n : names) {
            ElementPolicy &p = t[QLatin1String(n)];
            p.output = QLatin1String(output ? output : n);
            p.textBreak = b;
            p.flags |= flags;
        }
    };
    auto addFlags = [&t](std::initializer_list<const char *> names, unsigned flags) {
        for (const char *n : names)
            t[QLatin1String(n)].flags |= flags;
    };
    const char *same = nullptr; // written under its own name
    const char *unwrap = ""; // tags dropped, content kept

    // Allowed, written as they are. Qt's rich-text engine knows all of these except abbr
    // and mark, which it renders as plain text.
    set({"h1", "h2", "h3", "h4", "h5", "h6"}, same, TextBreak::Paragraph,
        F::Block | F::Heading | F::BreaksOutOfForeign);
    set({"p", "pre", "ul", "ol", "dl", "blockquote", "table", "hr"}, same, TextBreak::Paragraph,
        F::Block | F::BreaksOutOfForeign);
    set({"div", "li", "dt", "dd"}, same, TextBreak::Line, F::Block | F::BreaksOutOfForeign);
    set({"br"}, same, TextBreak::Line, F::BreaksOutOfForeign);
    set({"b", "i", "u", "s", "em", "strong", "code", "sub", "sup", "small", "big", "span", "img"},
        same, TextBreak::None, F::BreaksOutOfForeign);
    set({"a", "abbr", "cite", "q", "mark", "dfn"}, same, TextBreak::None, 0);
    set({"var"}, same, TextBreak::None, F::BreaksOutOfForeign);
    set({"tr", "thead", "tbody", "tfoot"}, same, TextBreak::Line, F::TablePart);
    set({"td", "th"}, same, TextBreak::Space, F::TablePart | F::Cell);
    set({"caption"}, same, TextBreak::Line, F::TablePart | F::Cell);
    addFlags({"thead", "tbody", "tfoot"}, F::TableSection);
    addFlags({"li", "dt", "dd"}, F::ListItem);
    addFlags({"ul", "ol", "dl", "blockquote"}, F::ListContainer);

    // Allowed under another name, so the structure still renders in Qt.
    set({"figure"}, "div", TextBreak::Paragraph, F::Block);
    set({"figcaption", "section", "article", "header", "footer", "main", "nav", "aside", "address",
         "details", "summary", "hgroup", "form", "fieldset", "legend", "dialog", "menu", "dir"},
        "div", TextBreak::Line, F::Block);
    set({"center"}, "div", TextBreak::Line, F::Block | F::BreaksOutOfForeign);
    set({"tt"}, "code", TextBreak::None, F::BreaksOutOfForeign);
    set({"kbd", "samp"}, "code", TextBreak::None, 0);
    set({"listing"}, "pre", TextBreak::Paragraph, F::Block | F::BreaksOutOfForeign);
    set({"xmp", "plaintext", "textarea"}, "pre", TextBreak::Paragraph, F::Block);
    set({"ins"}, "u", TextBreak::None, 0);
    set({"del"}, "s", TextBreak::None, 0);
    set({"strike"}, "s", TextBreak::None, F::BreaksOutOfForeign);
    set({"acronym"}, "abbr", TextBreak::None, 0);

    // Raw-text elements whose content never reaches the reader (the tokenizer already keeps
    // their markup from being read as tags).
    set({"script", "style", "title"}, unwrap, TextBreak::None, F::DropsRawText);
    set({"iframe", "noembed", "noframes", "noscript"}, unwrap, TextBreak::Line, F::DropsRawText);
    // Dropped with everything inside. SVG and MathML end, as in HTML5's foreign content
    // rules, at the first HTML element that breaks out of them.
    set({"template", "svg", "math"}, unwrap, TextBreak::None, F::DropsSubtree);

    // Not allowed, content kept; these still separate words in the text.
    set({"select", "option", "object", "applet", "video", "audio", "body", "frameset", "frame"},
        unwrap, TextBreak::Line, 0);
    set({"input", "button", "embed"}, unwrap, TextBreak::Space, 0);
    set({"head", "meta", "nobr", "ruby"}, unwrap, TextBreak::None, 0);
    addFlags({"body", "embed", "head", "meta", "nobr", "ruby", "menu"}, F::BreaksOutOfForeign);
    return t;
}

const QHash<QString, ElementPolicy> &table()
{
    static const QHash<QString, ElementPolicy> kTable = buildTable();
    return kTable;
}

} // namespace

const ElementPolicy &elementPolicy(const QString &name)
{
    static const ElementPolicy kUnknown;
    const auto it = table().constFind(name);
    return it == table().constEnd() ? kUnknown : *it;
}

bool elementBreaksText(std::string_view lowerName)
{
    // The breaking names of the table, sorted, so that a name from the input is looked up
    // without building a QString for it.
    static const std::vector<std::string> kBreaking = [] {
        std::vector<std::string> names;
        for (auto it = table().constBegin(); it != table().constEnd(); ++it) {
            if (it->textBreak != TextBreak::None)
                names.push_back(it.key().toStdString());
        }
        std::sort(names.begin(), names.end());
        return names;
    }();
    return std::binary_search(kBreaking.begin(), kBreaking.end(), lowerName,
                              [](std::string_view a, std::string_view b) { return a < b; });
}

} // namespace bulletin
