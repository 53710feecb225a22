#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace bulletin::body {

// A story's body as the cache stores it: its HTML and its plain text in one zstd frame
// (article_bodies.body), or NULL when both are empty (a headline-only story).
//
// Layout: one format byte (1: zstd, level kLevel, no dictionary), then a zstd frame with its
// content size and checksum, whose content is the HTML's UTF-8 length (4 bytes, little
// endian), the HTML and then the text. The text follows the HTML in the same frame because
// it is mostly the HTML's own words (the sanitiser's text of it, plus an alert's section):
// zstd finds them in the HTML it has just read, so the text costs a small part of what it
// would alone. The text is not worked out from the HTML again on reading: the search index
// must be told exactly the words it was given when a story leaves it, and the sanitiser
// that made them may change between versions.
//
// Reading checks everything it relies on (format byte, the frame, its checksum, the
// lengths): a damaged or cut short value is refused with a reason, never read past, and
// never makes more than kMaxBodyBytes of memory. Thread-safe (each thread keeps its own
// zstd contexts).

struct Parts
{
    QString html;
    QString text;
};

// The stored form; a null QByteArray (NULL) when both are empty, or when compressing failed
// (only for lack of memory; logged): a caller with a body to store must treat that as an error.
QByteArray pack(const QString &html, const QString &text);
QByteArray packUtf8(QByteArrayView html, QByteArrayView text);

// The parts of a stored value (null or empty: two empty parts). std::nullopt when it is
// damaged, and *problem says how in a few words ("its checksum does not match").
std::optional<Parts> unpack(QByteArrayView stored, QString *problem = nullptr);

// The largest body unpack() accepts: a story's HTML is bounded well below it when stored
// (feed limits), so a larger size read from a value means the value is damaged.
constexpr qsizetype kMaxBodyBytes = 256 * 1024 * 1024;

// Registers the SQL functions that read and write the stored form on the connection; every
// connection to a cache needs them, as the search index's triggers and its content view
// call them:
//   body_text(body)        the text, or NULL (also for a damaged value: a trigger that
//                          removes a damaged story from the index must not fail the delete)
//   body_html(body)        the HTML, or NULL likewise
//   body_pack(html, text)  the stored form of two texts (the upgrade to schema 15 uses it)
// False (logged) when the connection is not SQLite's.
bool registerFunctions(const QSqlDatabase &db);

} // namespace bulletin::body
