#include "net/netlog.h"

namespace bulletin {

Q_LOGGING_CATEGORY(lcNet, "bulletin.net", QtInfoMsg)

} // namespace bulletin
