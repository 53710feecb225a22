#pragma once

#include <QLoggingCategory>

namespace bulletin {

// "bulletin.net": enable with QT_LOGGING_RULES="bulletin.net.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcNet)

} // namespace bulletin
