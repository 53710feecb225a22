#pragma once

#include <QString>
#include <QStringView>

namespace bulletin {

// Escapes text for HTML element content and attribute values.
QString escapeHtml(QStringView text);

// A stable id from content: "urn:sha1:<hex>".
QString contentId(const QByteArray &bytes);

} // namespace bulletin
