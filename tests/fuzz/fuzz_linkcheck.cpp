// The link checks: which URLs a link or an image may use (safeLinkUrl, classifyImageSource)
// and whether a link's visible text misleads about where it goes (assessLink). The input is
// the link's text, a newline, then its href.

#include "fuzzinput.h"

#include "core/html/htmlurlpolicy.h"
#include "core/html/linkcheck.h"

#include <QUrl>

using namespace bulletin;

namespace {

void testOne(const QByteArray &bytes)
{
    const QString input = QString::fromUtf8(bytes);
    const qsizetype newline = input.indexOf(u'\n');
    const QString text = newline < 0 ? QString() : input.left(newline);
    const QString href = newline < 0 ? input : input.mid(newline + 1);
    static const QUrl kBase(QStringLiteral("https://news.example/2024/06/story.html?id=7"));

    for (const QUrl &base : {QUrl(), kBase}) {
        const QString link = safeLinkUrl(href, base);
        if (!link.isEmpty()) {
            fuzz::check(link.startsWith(u"http://") || link.startsWith(u"https://")
                            || link.startsWith(u"mailto:"),
                        "a safe link is http, https or mailto", link);
            fuzz::check(QUrl(link, QUrl::StrictMode).isValid(), "a safe link is a valid URL", link);
            fuzz::check(safeLinkUrl(link, base) == link,
                        "a safe link stays as it is when checked again", link);
        }
        const ImageSource image = classifyImageSource(href, base);
        switch (image.kind) {
        case ImageSource::Kind::None:
            break;
        case ImageSource::Kind::Inline:
            fuzz::check(image.url.startsWith(u"data:image/", Qt::CaseInsensitive)
                            && !image.url.startsWith(u"data:image/svg", Qt::CaseInsensitive),
                        "an inline image is a data:image/ URL, not SVG", image.url.left(200));
            break;
        case ImageSource::Kind::Remote:
            fuzz::check(image.url.startsWith(u"http://") || image.url.startsWith(u"https://"),
                        "a remote image is http or https", image.url);
            break;
        }
    }

    const LinkAssessment verdict = assessLink(text, href);
    fuzz::check(verdict.deceptive != verdict.reason.isEmpty(),
                "a deceptive link says why, a fair one does not");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::run(data, size, testOne);
    return 0;
}
