#pragma once

#include <QLoggingCategory>

namespace bulletin {
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
}
