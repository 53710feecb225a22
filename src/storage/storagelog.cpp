#include "storage/storagelog.h"

namespace bulletin {
Q_LOGGING_CATEGORY(lcStorage, "bulletin.storage")
}
