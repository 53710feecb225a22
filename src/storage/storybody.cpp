#include "storage/storybody.h"

#include "storage/sqlutil.h"
#include "storage/storagelog.h"

#include <sqlite3.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <cstring>
#include <memory>

namespace bulletin::body {

namespace {

constexpr char kFormatZstd = 1;
// Level 3 is zstd's default: on the benchmark's stories higher levels save a few percent
// more for several times the CPU a refresh spends storing each story (docs/benchmark.md).
constexpr int kLevel = 3;
constexpr qsizetype kLengthBytes = 4;

struct ContextDeleter
{
    void operator()(ZSTD_CCtx *c) const { ZSTD_freeCCtx(c); }
    void operator()(ZSTD_DCtx *d) const { ZSTD_freeDCtx(d); }
};

// One of each per thread: making a context costs more than packing a story with it.
ZSTD_CCtx *compressor()
{
    thread_local std::unique_ptr<ZSTD_CCtx, ContextDeleter> context;
    if (!context) {
        context.reset(ZSTD_createCCtx());
        ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, kLevel);
        ZSTD_CCtx_setParameter(context.get(), ZSTD_c_checksumFlag, 1);
        ZSTD_CCtx_setParameter(context.get(), ZSTD_c_contentSizeFlag, 1);
    }
    return context.get();
}

ZSTD_DCtx *decompressor()
{
    thread_local std::unique_ptr<ZSTD_DCtx, ContextDeleter> context;
    if (!context)
        context.reset(ZSTD_createDCtx());
    return context.get();
}

// The frame's content (length, HTML, text), checked; empty with *problem set when damaged.
// A null value is a valid empty body: *empty says so.
struct Content
{
    QByteArray bytes;
    qsizetype htmlBytes = 0;
};

std::optional<Content> open(QByteArrayView stored, QString *problem)
{
    const auto fail = [problem](const char *why) -> std::optional<Content> {
        if (problem)
            *problem = QString::fromLatin1(why);
        return std::nullopt;
    };
    if (stored.isEmpty())
        return Content{};
    if (stored.front() != kFormatZstd)
        return fail("it is not in a format this version of Bulletin stores");
    const char *frame = stored.data() + 1;
    const size_t frameBytes = size_t(stored.size() - 1);
    const unsigned long long size = ZSTD_getFrameContentSize(frame, frameBytes);
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        return fail("its compressed data is damaged");
    if (size < size_t(kLengthBytes) || size > size_t(kMaxBodyBytes))
        return fail("its compressed data gives an impossible size");
    // Exactly one frame, to its last byte: a value cut short or with bytes after it is damaged.
    const size_t compressed = ZSTD_findFrameCompressedSize(frame, frameBytes);
    if (ZSTD_isError(compressed))
        return fail("its compressed data is cut short");
    if (compressed != frameBytes)
        return fail("its compressed data has bytes after its end");
    Content content;
    content.bytes.resize(qsizetype(size));
    const size_t written = ZSTD_decompressDCtx(decompressor(), content.bytes.data(), size, frame,
                                               frameBytes);
    if (ZSTD_isError(written)) {
        return fail(ZSTD_getErrorCode(written) == ZSTD_error_checksum_wrong
                        ? "its checksum does not match"
                        : "its compressed data is damaged");
    }
    if (written != size)
        return fail("its compressed data is cut short");
    quint32 htmlBytes = 0;
    for (int i = kLengthBytes - 1; i >= 0; --i)
        htmlBytes = (htmlBytes << 8) | quint8(content.bytes.at(i));
    if (htmlBytes > size - kLengthBytes)
        return fail("its parts' lengths do not add up");
    content.htmlBytes = qsizetype(htmlBytes);
    return content;
}

QByteArrayView htmlOf(const Content &c)
{
    return c.bytes.isEmpty() ? QByteArrayView()
                             : QByteArrayView(c.bytes).sliced(kLengthBytes, c.htmlBytes);
}

QByteArrayView textOf(const Content &c)
{
    return c.bytes.isEmpty() ? QByteArrayView()
                             : QByteArrayView(c.bytes).sliced(kLengthBytes + c.htmlBytes);
}

QByteArrayView valueBytes(sqlite3_value *value)
{
    // Blob first: sqlite3_value_bytes() after it does not convert the value.
    const void *data = sqlite3_value_blob(value);
    return {static_cast<const char *>(data), sqlite3_value_bytes(value)};
}

void resultPart(sqlite3_context *context, sqlite3_value *value,
                QByteArrayView (*part)(const Content &))
{
    if (sqlite3_value_type(value) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    QString problem;
    const std::optional<Content> content = open(valueBytes(value), &problem);
    if (!content) {
        qCWarning(lcStorage) << "a stored story body cannot be read:" << problem;
        sqlite3_result_null(context);
        return;
    }
    const QByteArrayView bytes = part(*content);
    if (bytes.isEmpty())
        sqlite3_result_null(context);
    else
        sqlite3_result_text64(context, bytes.data(), sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT,
                              SQLITE_UTF8);
}

QByteArrayView textArgument(sqlite3_value *value)
{
    const unsigned char *data = sqlite3_value_text(value);
    return {reinterpret_cast<const char *>(data), sqlite3_value_bytes(value)};
}

} // namespace

QByteArray packUtf8(QByteArrayView html, QByteArrayView text)
{
    if (html.isEmpty() && text.isEmpty())
        return {};
    QByteArray content;
    content.reserve(kLengthBytes + html.size() + text.size());
    const auto htmlBytes = quint32(html.size());
    for (int i = 0; i < kLengthBytes; ++i)
        content.append(char((htmlBytes >> (8 * i)) & 0xff));
    content.append(html);
    content.append(text);

    QByteArray stored(qsizetype(1 + ZSTD_compressBound(size_t(content.size()))), Qt::Uninitialized);
    stored[0] = kFormatZstd;
    const size_t written = ZSTD_compress2(compressor(), stored.data() + 1,
                                          size_t(stored.size() - 1), content.constData(),
                                          size_t(content.size()));
    if (ZSTD_isError(written)) {
        // Only a lack of memory can get here (the output has room for the worst case).
        qCWarning(lcStorage) << "cannot compress a story body:" << ZSTD_getErrorName(written);
        ZSTD_CCtx_reset(compressor(), ZSTD_reset_session_only);
        return {};
    }
    stored.truncate(qsizetype(1 + written));
    return stored;
}

QByteArray pack(const QString &html, const QString &text)
{
    return packUtf8(html.toUtf8(), text.toUtf8());
}

std::optional<Parts> unpack(QByteArrayView stored, QString *problem)
{
    const std::optional<Content> content = open(stored, problem);
    if (!content)
        return std::nullopt;
    const QByteArrayView html = htmlOf(*content);
    const QByteArrayView text = textOf(*content);
    return Parts{QString::fromUtf8(html), QString::fromUtf8(text)};
}

bool registerFunctions(const QSqlDatabase &db)
{
    sqlite3 *handle = sql::nativeHandle(db);
    if (!handle) {
        qCWarning(lcStorage)
            << "cannot register the story body functions: not an SQLite connection";
        return false;
    }
    constexpr int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    const auto text = [](sqlite3_context *c, int, sqlite3_value **argv) {
        resultPart(c, argv[0], textOf);
    };
    const auto html = [](sqlite3_context *c, int, sqlite3_value **argv) {
        resultPart(c, argv[0], htmlOf);
    };
    const auto packed = [](sqlite3_context *c, int, sqlite3_value **argv) {
        const QByteArrayView html = textArgument(argv[0]);
        const QByteArrayView text = textArgument(argv[1]);
        const QByteArray stored = packUtf8(html, text);
        if (stored.isEmpty() && !(html.isEmpty() && text.isEmpty()))
            sqlite3_result_error(c, "cannot compress a story body", -1);
        else if (stored.isEmpty())
            sqlite3_result_null(c);
        else
            sqlite3_result_blob64(c, stored.constData(), sqlite3_uint64(stored.size()),
                                  SQLITE_TRANSIENT);
    };
    const bool ok = sqlite3_create_function_v2(handle, "body_text", 1, flags, nullptr, text,
                                               nullptr, nullptr, nullptr)
            == SQLITE_OK
        && sqlite3_create_function_v2(handle, "body_html", 1, flags, nullptr, html, nullptr,
                                      nullptr, nullptr)
            == SQLITE_OK
        && sqlite3_create_function_v2(handle, "body_pack", 2, flags, nullptr, packed, nullptr,
                                      nullptr, nullptr)
            == SQLITE_OK;
    if (!ok)
        qCWarning(lcStorage) << "cannot register the story body functions:"
                             << sqlite3_errmsg(handle);
    return ok;
}

} // namespace bulletin::body
