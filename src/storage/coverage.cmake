# Related coverage: candidate fetch and headline document frequencies (FTS5, fts5vocab).
target_sources(bulletin_storage PRIVATE coveragequery.h coveragequery.cpp coveragestore.h coveragestore.cpp)
