// The HTML sanitiser (what the reader pane is given, and the text it shows and search
// indexes), the tokenizer under it, and the plain-text extraction used for feed summaries.
// Besides never crashing, the sanitised HTML must be safe by the sanitiser's own contract:
// only allow-listed elements and attributes, links only to http, https and mailto, remote
// images only when allowed, every element closed.

#include "fuzzinput.h"

#include "core/html/htmlelementpolicy.h"
#include "core/html/htmlsanitizer.h"
#include "core/html/htmltext.h"
#include "core/html/htmltextcut.h"
#include "core/html/htmltokenizer.h"

#include <QStringList>

using namespace bulletin;

namespace {

bool isWebOrMail(QStringView url)
{
    return url.startsWith(u"http://") || url.startsWith(u"https://") || url.startsWith(u"mailto:");
}

void checkSafe(const SanitizedHtml &out, bool remoteAllowed)
{
    static const QStringList kVoid = {QStringLiteral("br"), QStringLiteral("hr"),
                                      QStringLiteral("img")};
    static const QStringList kAttributes = {
        QStringLiteral("href"),  QStringLiteral("title"),   QStringLiteral("alt"),
        QStringLiteral("src"),   QStringLiteral("width"),   QStringLiteral("height"),
        QStringLiteral("dir"),   QStringLiteral("colspan"), QStringLiteral("rowspan"),
        QStringLiteral("start"), QStringLiteral("value")};
    QStringList open;
    HtmlTokenizer tokenizer(out.html);
    for (HtmlToken t = tokenizer.next(); t.type != HtmlToken::Type::EndOfFile;
         t = tokenizer.next()) {
        switch (t.type) {
        case HtmlToken::Type::Text:
            fuzz::check(!t.rawText, "no raw-text element (script, style...) in the output");
            break;
        case HtmlToken::Type::Comment:
        case HtmlToken::Type::Doctype:
            fuzz::fail("no comment or doctype in the output", out.html);
        case HtmlToken::Type::StartTag:
            fuzz::check(elementPolicy(t.name).output == t.name, "only allow-listed elements",
                        t.name);
            for (const HtmlAttribute &a : t.attributes) {
                fuzz::check(kAttributes.contains(a.name), "only allow-listed attributes", a.name);
                if (a.name == u"href")
                    fuzz::check(t.name == u"a" && isWebOrMail(a.value),
                                "links go to http, https or mailto", a.value);
                if (a.name == u"src") {
                    const bool inline_ = a.value.startsWith(u"data:image/")
                        && !a.value.startsWith(u"data:image/svg", Qt::CaseInsensitive);
                    const bool remote = a.value.startsWith(u"http://")
                        || a.value.startsWith(u"https://");
                    fuzz::check(t.name == u"img" && (inline_ || (remote && remoteAllowed)),
                                "images are inline or allowed remote ones", a.value);
                }
            }
            if (!kVoid.contains(t.name))
                open.append(t.name);
            break;
        case HtmlToken::Type::EndTag:
            fuzz::check(!open.isEmpty() && open.takeLast() == t.name, "elements close in order",
                        t.name);
            break;
        case HtmlToken::Type::EndOfFile:
            break;
        }
    }
    fuzz::check(open.isEmpty(), "every element is closed", open.join(u' '));
}

void testOne(const QByteArray &bytes)
{
    // The first byte chooses the options (the rest of the input is the article), so that
    // the fuzzer explores each with every document.
    const uchar choice = bytes.isEmpty() ? 0 : uchar(bytes.front());
    const QString html = QString::fromUtf8(bytes);

    SanitizeOptions options;
    options.allowRemoteContent = choice & 1;
    if (choice & 2)
        options.baseUrl = QStringLiteral("https://news.example/2024/06/story.html?id=7#top");
    const SanitizedHtml page = sanitizeHtml(html, options);
    checkSafe(page, options.allowRemoteContent);

    options.textOnly = true;
    const SanitizedHtml text = sanitizeHtml(html, options);
    fuzz::check(text.html.isEmpty(), "text-only sanitising writes no HTML");
    fuzz::check(text.text == page.text, "search indexes the text the reader shows", text.text);

    // A block taken out of the body (an advisory the banner shows): what is left is
    // sanitised again, as the reader does.
    const qsizetype cutStart = text.text.size() / 3;
    const QString rest = htmlWithoutText(html, cutStart, cutStart + text.text.size() / 4, options);
    fuzz::check(rest.size() <= html.size(), "taking text out never adds markup");
    checkSafe(sanitizeHtml(rest, {}), false);

    htmlToPlainText(html);
    decodeHtmlCharacterReferences(html);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::run(data, size, testOne);
    return 0;
}
