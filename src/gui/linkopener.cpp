#include "gui/linkopener.h"

#include <QDesktopServices>

namespace bulletin {

bool LinkOpener::isAllowed(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("mailto"))
        return !url.path().isEmpty();
    return (scheme == QLatin1String("http") || scheme == QLatin1String("https")) && !url.host().isEmpty();
}

bool LinkOpener::open(const QUrl &url)
{
    if (!isAllowed(url)) {
        const QString scheme = url.scheme().isEmpty() ? tr("(none)") : url.scheme();
        emit statusMessage(tr("Refused to open a link with the scheme \u201c%1\u201d: only web and "
                              "mail links are opened.")
                               .arg(scheme));
        return false;
    }
    if (!QDesktopServices::openUrl(url)) {
        emit statusMessage(tr("Could not open %1 in your browser.").arg(url.toDisplayString()));
        return false;
    }
    emit statusMessage(tr("Opened %1 in your browser.").arg(url.toDisplayString()));
    return true;
}

} // namespace bulletin
