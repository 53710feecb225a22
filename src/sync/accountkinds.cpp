#include "sync/accountkinds.h"

#include "sync/ttrssaccount.h"

namespace bulletin {

QStringList accountKinds()
{
    return {QStringLiteral("ttrss")};
}

std::unique_ptr<RemoteAccount> makeRemoteAccount(const QString &kind, const QUrl &url,
                                                 const QString &user, const QString &password)
{
    if (kind == QLatin1String("ttrss"))
        return std::make_unique<TtrssAccount>(url, user, password);
    return nullptr;
}

std::optional<QUrl> accountAddress(const QString &typed, QString *error)
{
    const QUrl url(typed.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        && !url.host().isEmpty())
        return url;
    *error = QStringLiteral(
                 "the server address must be an absolute http or https address, not \"%1\"")
                 .arg(typed);
    return std::nullopt;
}

} // namespace bulletin
