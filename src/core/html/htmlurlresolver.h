#pragma once

#include <QString>
#include <QStringView>

namespace bulletin {

// Makes the relative addresses in a feed's HTML absolute, so that what the parsers return
// (and the cache stores) means the same wherever it is read: in the reader, in an export,
// in a link check. Atom's xml:base and the feed's own address are known only while the feed
// is parsed; the page the story was first published on is not the base (a feed at
// /blog/feed.xml with <img src="img/x.png"> means /blog/img/x.png).
//
// The value of every href and src attribute, on any element, that is a relative reference
// (read as the sanitiser reads it, see resolvedRelativeUrl) is replaced by the absolute
// http(s) URL it leads to from base, written escaped for an attribute. Everything else is
// copied exactly as written: text, comments, other attributes, absolute, fragment-only
// ("#notes") and unsafe values (javascript: stays for the sanitiser to drop).
//
// A <base href> in the HTML is the publisher's, but the HTML is untrusted: the first one is
// followed only when it leads to the same host as base (a CMS's <base href="/blog/">);
// one that leads to another host, or any one when there is no base, is ignored, so that
// content cannot send its relative links to a site of its own choosing.
//
// base is an absolute http(s) URL as text (it is only parsed when the HTML may hold a
// relative address); with anything else the HTML comes back unchanged. Pure function,
// thread-safe.
QString resolveHtmlUrls(const QString &html, const QString &base);

// The attributes resolveHtmlUrls makes absolute: href and src.
bool isHtmlUrlAttribute(QStringView name);

} // namespace bulletin
