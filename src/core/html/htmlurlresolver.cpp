#include "core/html/htmlurlresolver.h"

#include "core/html/htmltext.h"
#include "core/html/htmltokenizer.h"
#include "core/html/htmlurlpolicy.h"

namespace bulletin {

namespace {

bool isTagSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\f' || c == u'\r';
}

// Whether the value starting at text[i] (just after '=') can be a relative reference.
// Says no only for what is certainly not one: an empty value, a fragment, or a value that
// starts with a scheme ("https:", "mailto:"). Anything else (a reference "&#104;ttp:",
// white space inside the quotes) may be, and is left to the tokenizer to read.
bool mayBeRelativeValue(QStringView text, qsizetype i)
{
    const qsizetype n = text.size();
    while (i < n && isTagSpace(text[i]))
        ++i;
    if (i < n && (text[i] == u'"' || text[i] == u'\'')) {
        const QChar quote = text[i];
        ++i;
        if (i < n && text[i] == quote)
            return false;
    }
    if (i >= n || text[i] == u'#' || text[i] == u'>')
        return false;
    return !startsWithScheme(text.mid(i));
}

// A quick look for "href=" or "src=" (any case, any white space around '=') followed by a
// value that may be relative. Finds every one the tokenizer would find, and some it would
// not (in text, in comments, "data-src="): a feed whose HTML only has absolute links, as
// most do, is not tokenized at all.
bool mayHaveRelativeUrl(QStringView html)
{
    for (qsizetype eq = html.indexOf(u'='); eq >= 0; eq = html.indexOf(u'=', eq + 1)) {
        qsizetype end = eq;
        while (end > 0 && isTagSpace(html[end - 1]))
            --end;
        const bool named = (end >= 4
                            && html.mid(end - 4, 4).compare(u"href", Qt::CaseInsensitive) == 0)
            || (end >= 3 && html.mid(end - 3, 3).compare(u"src", Qt::CaseInsensitive) == 0);
        if (named && mayBeRelativeValue(html, eq + 1))
            return true;
    }
    return false;
}

// A quick look for "<base" in any case; finding '<' is much faster than a case-insensitive
// search for the whole word.
bool mayHaveBaseTag(QStringView html)
{
    for (qsizetype lt = html.indexOf(u'<'); lt >= 0; lt = html.indexOf(u'<', lt + 1)) {
        if (html.mid(lt + 1, 4).compare(u"base", Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The base the publisher's first <base href> gives, when it stays on documentBase's host;
// documentBase otherwise.
QUrl effectiveBase(const QString &html, const QUrl &documentBase)
{
    if (!mayHaveBaseTag(html))
        return documentBase;
    HtmlTokenizer tokenizer(html);
    for (HtmlToken token = tokenizer.next(); token.type != HtmlToken::Type::EndOfFile;
         token = tokenizer.next()) {
        if (!token.isStartTag(u"base") || !token.hasAttribute(u"href"))
            continue;
        const QString raw = token.attribute(u"href");
        const QString relative = resolvedRelativeUrl(raw, documentBase);
        const QUrl target(relative.isEmpty() ? raw.trimmed() : relative);
        const QString scheme = target.scheme().toLower();
        const bool web = scheme == u"http" || scheme == u"https";
        if (web && target.host().compare(documentBase.host(), Qt::CaseInsensitive) == 0)
            return target;
        return documentBase; // only the first <base href> counts, as in a browser
    }
    return documentBase;
}

QString escapedAttributeValue(const QString &url)
{
    // Fit for any quoting the value had: double, single or none (an encoded URL holds no
    // white space or '>').
    return escapeHtml(url).replace(u'\'', QLatin1StringView("&#39;"));
}

} // namespace

bool isHtmlUrlAttribute(QStringView name)
{
    return name == u"href" || name == u"src";
}

QString resolveHtmlUrls(const QString &html, const QString &baseUrl)
{
    // Most feeds' HTML has only absolute addresses: the quick look comes first.
    if (html.isEmpty() || baseUrl.isEmpty() || !mayHaveRelativeUrl(html))
        return html;
    const QUrl base(baseUrl);
    const QString scheme = base.scheme().toLower();
    if (!base.isValid() || base.isRelative() || (scheme != u"http" && scheme != u"https")
        || base.host().isEmpty())
        return html;
    const QUrl effective = effectiveBase(html, base);
    QString out;
    qsizetype copied = 0;
    HtmlTokenizer tokenizer(html);
    for (HtmlToken token = tokenizer.next(); token.type != HtmlToken::Type::EndOfFile;
         token = tokenizer.next()) {
        if (token.type != HtmlToken::Type::StartTag || token.name == u"base")
            continue;
        for (const HtmlAttribute &a : std::as_const(token.attributes)) {
            if (a.valueStart < 0 || !isHtmlUrlAttribute(a.name))
                continue;
            const QString absolute = resolvedRelativeUrl(a.value, effective);
            if (absolute.isEmpty())
                continue;
            if (out.isEmpty())
                out.reserve(html.size() + html.size() / 8);
            out += QStringView(html).mid(copied, a.valueStart - copied);
            out += escapedAttributeValue(absolute);
            copied = a.valueEnd;
        }
    }
    if (copied == 0)
        return html;
    out += QStringView(html).mid(copied);
    return out;
}

} // namespace bulletin
