# Refresh, subscriptions and retention.
target_sources(bulletin_services PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/refreshresult.h
  ${CMAKE_CURRENT_LIST_DIR}/refreshschedule.h ${CMAKE_CURRENT_LIST_DIR}/refreshschedule.cpp
  ${CMAKE_CURRENT_LIST_DIR}/retention.h
  ${CMAKE_CURRENT_LIST_DIR}/feedhealth.h ${CMAKE_CURRENT_LIST_DIR}/feedhealth.cpp
  ${CMAKE_CURRENT_LIST_DIR}/feedwriter.h ${CMAKE_CURRENT_LIST_DIR}/feedwriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/refreshworker.h ${CMAKE_CURRENT_LIST_DIR}/refreshworker.cpp
  ${CMAKE_CURRENT_LIST_DIR}/refreshservice.h ${CMAKE_CURRENT_LIST_DIR}/refreshservice.cpp
  ${CMAKE_CURRENT_LIST_DIR}/feeddiscovery.h ${CMAKE_CURRENT_LIST_DIR}/feeddiscovery.cpp
  ${CMAKE_CURRENT_LIST_DIR}/subscriptionservice.h ${CMAKE_CURRENT_LIST_DIR}/subscriptionservice.cpp
)
target_sources(bulletin_services PRIVATE remoteimages.h remoteimages.cpp)
