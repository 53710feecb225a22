#include "storage/searchrank.h"

#include "storage/sqlutil.h"
#include "storage/storagelog.h"

#include <sqlite3.h>

#include <algorithm>
#include <vector>

namespace bulletin::sql {

namespace {

// What a query's rows share: worked out at its first row, kept as the query's aux data.
struct RankData
{
    std::vector<double> weights; // per column
    std::vector<double> idf; // per phrase
    std::vector<double> hits; // per phrase, the current row's weighted count
    double averageLength = 1; // tokens per row, all columns
};

RankData *rankData(const Fts5ExtensionApi *api, Fts5Context *fts, int argc, sqlite3_value **argv,
                   int *rc)
{
    if (auto *data = static_cast<RankData *>(api->xGetAuxdata(fts, 0)))
        return data;
    auto *data = new RankData;
    const int columns = api->xColumnCount(fts);
    const int phrases = api->xPhraseCount(fts);
    for (int c = 0; c < columns; ++c)
        data->weights.push_back(c < argc ? sqlite3_value_double(argv[c]) : 1.0);
    for (int p = 0; p < phrases; ++p)
        data->idf.push_back(columns + p < argc ? sqlite3_value_double(argv[columns + p]) : 0.0);
    data->hits.assign(phrases, 0);
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    *rc = api->xRowCount(fts, &rows);
    if (*rc == SQLITE_OK)
        *rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (*rc != SQLITE_OK) {
        delete data;
        return nullptr;
    }
    data->averageLength = rows > 0 && tokens > 0 ? double(tokens) / double(rows) : 1.0;
    // On an error FTS5 deletes the data itself.
    *rc = api->xSetAuxdata(fts, data, [](void *p) { delete static_cast<RankData *>(p); });
    return *rc == SQLITE_OK ? data : nullptr;
}

void rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *out, int argc,
          sqlite3_value **argv)
{
    constexpr double k1 = 1.2;
    constexpr double b = 0.75;
    int rc = SQLITE_OK;
    RankData *data = rankData(api, fts, argc, argv, &rc);
    int instances = 0;
    if (rc == SQLITE_OK)
        rc = api->xInstCount(fts, &instances);
    if (rc == SQLITE_OK) {
        std::fill(data->hits.begin(), data->hits.end(), 0.0);
        for (int i = 0; i < instances && rc == SQLITE_OK; ++i) {
            int phrase = 0;
            int column = 0;
            int offset = 0;
            rc = api->xInst(fts, i, &phrase, &column, &offset);
            if (rc == SQLITE_OK && phrase < int(data->hits.size())
                && column < int(data->weights.size()))
                data->hits[phrase] += data->weights[column];
        }
    }
    int length = 0;
    if (rc == SQLITE_OK)
        rc = api->xColumnSize(fts, -1, &length);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(out, rc);
        return;
    }
    const double lengthFactor = k1 * (1 - b + b * double(length) / data->averageLength);
    double score = 0;
    for (size_t p = 0; p < data->hits.size(); ++p) {
        const double hits = data->hits[p];
        score += data->idf[p] * (hits * (k1 + 1)) / (hits + lengthFactor);
    }
    sqlite3_result_double(out, -score);
}

} // namespace

bool registerSearchRank(const QSqlDatabase &db)
{
    sqlite3 *handle = nativeHandle(db);
    if (!handle) {
        qCWarning(lcStorage) << "search ranking needs SQLite's own connection";
        return false;
    }
    // FTS5 hands out its API through a pointer bound to this statement.
    fts5_api *fts = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, &fts, "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    if (!fts || fts->iVersion < 2
        || fts->xCreateFunction(fts, "bulletin_rank", nullptr, &rank, nullptr) != SQLITE_OK) {
        qCWarning(lcStorage) << "cannot register the search ranking:" << sqlite3_errmsg(handle);
        return false;
    }
    return true;
}

} // namespace bulletin::sql
