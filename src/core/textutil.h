#pragma once

#include <QByteArray>
#include <QString>

namespace bulletin {

// A stable id from content: "urn:sha1:<hex>".
QString contentId(const QByteArray &bytes);

} // namespace bulletin
