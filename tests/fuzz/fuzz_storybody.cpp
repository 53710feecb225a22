// A story's body as read back from a cache file (src/storage/storybody.h): whatever bytes a
// damaged disk, another program or a crafted cache puts where a body belongs, reading them
// either gives the parts or refuses them with a reason; it never reads past them, never
// crashes and never makes more than kMaxBodyBytes. Bodies that are packed read back as they
// were: the input, split at its first newline into HTML and text, is packed and read again.

#include "fuzzinput.h"

#include "storage/storybody.h"

#include <cstdint>

using namespace bulletin;

namespace {

void testOne(const QByteArray &bytes)
{
    QString problem;
    const std::optional<body::Parts> parts = body::unpack(bytes, &problem);
    fuzz::check(parts || !problem.isEmpty(), "a body that cannot be read says why");
    if (parts) {
        fuzz::check(parts->html.size() + parts->text.size() <= body::kMaxBodyBytes,
                    "a body is no larger than the bound");
    }

    const qsizetype newline = bytes.indexOf('\n');
    const QString html = QString::fromUtf8(newline < 0 ? bytes : bytes.left(newline));
    const QString text = newline < 0 ? QString() : QString::fromUtf8(bytes.mid(newline + 1));
    const QByteArray stored = body::pack(html, text);
    fuzz::check(stored.isNull() == (html.isEmpty() && text.isEmpty()),
                "only an empty body is stored as NULL");
    const std::optional<body::Parts> back = body::unpack(stored, &problem);
    fuzz::check(back.has_value(), "a packed body reads back", problem);
    fuzz::check(back->html == html && back->text == text, "a packed body reads back as it was");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::run(data, size, testOne);
    return 0;
}
