// The plain-text article importer (`bulletin import FILE` of a text file): paragraphs,
// headings, list items, the advisory and related-stories sections, the publisher line and a
// derived title.

#include "fuzzinput.h"

#include "core/html/htmltext.h"
#include "core/plaintextimporter.h"

using namespace bulletin;

namespace {

void testOne(const QByteArray &bytes)
{
    const PlainTextResult result = importPlainText(bytes);
    if (!result.import) {
        fuzz::check(!result.error.isEmpty(), "a refused file says why");
        fuzz::check(!result.error.contains(u'\n'), "the error is one line", result.error);
        return;
    }
    const PlainTextImport &import = *result.import;
    if (!import.titleDerived) {
        // Not derived: the headline on the file's first line, with a blank line after it.
        QString text = QString::fromUtf8(bytes);
        text.replace(QLatin1String("\r\n"), QLatin1String("\n"))
            .replace(QLatin1Char('\r'), QLatin1Char('\n'));
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        const QString firstLine = collapseWhitespace(
            text.trimmed().section(QLatin1Char('\n'), 0, 0));
        fuzz::check(import.article.title == firstLine,
                    "a title not derived is the file's first line",
                    import.article.title + QStringLiteral(" / ") + firstLine);
    }
    fuzz::check(!import.article.title.trimmed().isEmpty(), "an imported story has a title",
                import.article.text.left(200));
    fuzz::check(!import.article.guid.isEmpty(), "an imported story has an id");
    fuzz::check(!import.article.text.isEmpty(), "an imported story has text");

    PlainTextOptions given;
    given.title = QStringLiteral("  A  given\ttitle ");
    given.source = QStringLiteral("Given Source");
    const PlainTextResult titled = importPlainText(bytes, given);
    fuzz::check(titled.import && titled.import->article.title == u"A given title"
                    && !titled.import->titleDerived,
                "a given title is used, its white space collapsed");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::run(data, size, testOne);
    return 0;
}
