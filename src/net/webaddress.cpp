#include "net/webaddress.h"

#include <QRegularExpression>

namespace bulletin {

QUrl webAddressFromUserInput(const QString &text, QString *problem)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *problem = QStringLiteral("no address was given");
        return {};
    }
    static const QRegularExpression explicitScheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    const QUrl url = explicitScheme.match(trimmed).hasMatch() ? QUrl(trimmed)
                                                              : QUrl::fromUserInput(trimmed);
    if (!url.isValid() || url.scheme().isEmpty()) {
        // Qt's reason starts its error string; the rest repeats the source and its parts.
        const QString reason = url.errorString().section(QLatin1String("; "), 0, 0);
        *problem = reason.isEmpty()
            ? QStringLiteral("\"%1\" is not a web address").arg(trimmed)
            : QStringLiteral("\"%1\" is not a valid address (%2)").arg(trimmed, reason);
        return {};
    }
    return url;
}

QString invalidAddressWords(const QUrl &url)
{
    if (url.isEmpty())
        return QStringLiteral("the address is empty");
    if (!url.isValid()) {
        const QString reason = url.errorString().section(QLatin1String("; "), 0, 0);
        return reason.isEmpty() ? QStringLiteral("the address cannot be read") : reason;
    }
    return QStringLiteral("\"%1\" has no scheme such as https://").arg(url.toString());
}

} // namespace bulletin
