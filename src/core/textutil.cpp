#include "core/textutil.h"

#include <QCryptographicHash>

namespace bulletin {

QString contentId(const QByteArray &bytes)
{
    return QStringLiteral("urn:sha1:")
        + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
}

} // namespace bulletin
