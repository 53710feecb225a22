#pragma once

#include "core/opml/opmldocument.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace bulletin {

// Writes an OPML 2.0 subscription list (UTF-8, indented) with feeds nested into folder
// outlines by their folderPath; all text is escaped. Folders and feeds keep their order of
// first appearance, so parseOpml(writeOpml(t, feeds)) gives back every feed with the same
// url, title, siteUrl and folderPath, in the same order within each folder (the order across
// folders is the order of the written tree). The output carries no timestamp, so the same
// input always gives the same bytes.
QByteArray writeOpml(const QString &title, const QList<OpmlFeed> &feeds);

} // namespace bulletin
