#include "models/storylinkdrag.h"

#include "core/html/htmlreferences.h"

#include <QMimeData>

namespace bulletin {

std::optional<QUrl> draggableStoryLink(const QString &link)
{
    const QUrl url(link.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return std::nullopt;
    return url;
}

QMimeData *storyLinksMimeData(const QList<StoryLink> &links)
{
    if (links.isEmpty())
        return nullptr;
    QList<QUrl> urls;
    QStringList plain;
    QString mozUrl;
    QString html;
    for (const StoryLink &link : links) {
        const QString address = link.url.toString(QUrl::FullyEncoded);
        urls << link.url;
        plain << address;
        if (!mozUrl.isEmpty())
            mozUrl += QLatin1Char('\n');
        // A line break in a headline would end the title and start a new pair.
        mozUrl += address + QLatin1Char('\n') + link.title.simplified();
        const QString text = link.title.simplified().isEmpty() ? address : link.title.simplified();
        if (!html.isEmpty())
            html += QStringLiteral("<br>\n");
        html += QStringLiteral("<a href=\"%1\">%2</a>").arg(escapeHtml(address), escapeHtml(text));
    }
    auto *data = new QMimeData;
    data->setUrls(urls);
    data->setText(plain.join(QLatin1Char('\n')));
    data->setHtml(html);
    // Firefox's format: UTF-16 in the machine's byte order, no byte order mark.
    data->setData(QStringLiteral("text/x-moz-url"),
                  QByteArray(reinterpret_cast<const char *>(mozUrl.utf16()), mozUrl.size() * 2));
    return data;
}

} // namespace bulletin
