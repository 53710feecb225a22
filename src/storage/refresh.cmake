# Retention deletes used by refresh (services/retention, services/feedwriter).
target_sources(bulletin_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/retentionstore.h ${CMAKE_CURRENT_LIST_DIR}/retentionstore.cpp
)
