#pragma once

#include <QString>
#include <QUrl>

namespace bulletin {

// The address a user typed or pasted, as a URL to fetch. Without a scheme it is completed
// as a browser's address bar does ("example.com/feed" -> http://example.com/feed); text
// that names its scheme is taken as it is, because QUrl::fromUserInput() turns an invalid
// "http://a b/" into http://http//a b/ and the fetch then fails on a DNS lookup for "http".
//
// Returns an invalid URL when the text is no address, with *problem saying so and naming
// the text ("\"http://a b/\" is not a valid address (Invalid hostname (contains invalid
// characters))"). Whether the scheme is one Bulletin fetches is the fetcher's to say.
// Pure and thread-safe.
QUrl webAddressFromUserInput(const QString &text, QString *problem);

// Why a URL that is not valid cannot be fetched, in words that name it where Qt still knows
// it: "\"%%\" has no scheme such as https://", or Qt's own reason.
QString invalidAddressWords(const QUrl &url);

} // namespace bulletin
