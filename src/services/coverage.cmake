# Related coverage found in the cache (storage/coveragequery + core/related).
target_sources(bulletin_services PRIVATE relatedcoverage.h relatedcoverage.cpp)
target_sources(bulletin_services PRIVATE coveragefinder.h coveragefinder.cpp)
target_sources(bulletin_services PRIVATE coveragelinker.h coveragelinker.cpp)
target_sources(bulletin_services PRIVATE coverageindexer.h coverageindexer.cpp)
target_sources(bulletin_services PRIVATE coverageevents.h coverageevents.cpp)
