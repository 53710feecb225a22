#include "core/html/linkcheck.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <algorithm>

namespace bulletin {

namespace {

// Second levels under which registrations happen one label deeper (example.co.uk). A small
// stand-in for the public suffix list, which Bulletin does not ship.
bool isCommonSecondLevel(const QString &label)
{
    static const QSet<QString> kLabels = {
        QStringLiteral("co"),  QStringLiteral("com"), QStringLiteral("net"), QStringLiteral("org"),
        QStringLiteral("gov"), QStringLiteral("ac"),  QStringLiteral("edu"), QStringLiteral("ne"),
        QStringLiteral("or"),  QStringLiteral("go"),  QStringLiteral("ltd"), QStringLiteral("plc"),
        QStringLiteral("sch"), QStringLiteral("nhs"), QStringLiteral("mil"),
    };
    return kLabels.contains(label);
}

// Top-level domains that, written without "www." or a scheme, make a word read as a host.
// Two-letter country codes count too, except the file extensions that look like them;
// ".app" is left out because of macOS bundle names ("Port Map.app").
bool isPlausibleTld(const QString &tld)
{
    static const QSet<QString> kGeneric = {
        QStringLiteral("com"),   QStringLiteral("net"),     QStringLiteral("org"),
        QStringLiteral("edu"),   QStringLiteral("gov"),     QStringLiteral("mil"),
        QStringLiteral("int"),   QStringLiteral("info"),    QStringLiteral("biz"),
        QStringLiteral("dev"),   QStringLiteral("xyz"),     QStringLiteral("online"),
        QStringLiteral("site"),  QStringLiteral("top"),     QStringLiteral("news"),
        QStringLiteral("blog"),  QStringLiteral("shop"),    QStringLiteral("store"),
        QStringLiteral("cloud"), QStringLiteral("example"), QStringLiteral("test"),
        QStringLiteral("bank"),  QStringLiteral("support"), QStringLiteral("login"),
        QStringLiteral("email"), QStringLiteral("tech"),
    };
    static const QSet<QString> kNotCountries = {
        QStringLiteral("js"), QStringLiteral("py"), QStringLiteral("rb"), QStringLiteral("md"),
        QStringLiteral("sh"), QStringLiteral("cs"), QStringLiteral("ts"), QStringLiteral("rs"),
    };
    if (tld.startsWith(QLatin1String("xn--")))
        return true;
    if (tld.size() == 2)
        return !kNotCountries.contains(tld);
    return kGeneric.contains(tld);
}

QString toAce(const QString &host)
{
    return QString::fromLatin1(QUrl::toAce(host)).toLower();
}

QString fromAce(const QString &ace)
{
    // Qt shows Unicode only for TLDs on its IDN whitelist; the reader wants the real
    // letters (to show them next to the punycode), so the whitelist is ignored here.
    return QUrl::fromAce(ace.toLatin1(), QUrl::IgnoreIDNWhitelist);
}

QString registrableDomain(const QString &aceHost)
{
    const QStringList labels = aceHost.split(u'.', Qt::SkipEmptyParts);
    if (labels.size() <= 2)
        return labels.join(u'.');
    bool numeric = true;
    for (const QString &l : labels) {
        for (const QChar c : l)
            numeric = numeric && c.isDigit();
    }
    if (numeric)
        return aceHost; // an IPv4 address is its own "domain"
    const int keep = (labels.last().size() == 2 && isCommonSecondLevel(labels[labels.size() - 2]))
        ? 3
        : 2;
    return labels.mid(labels.size() - keep).join(u'.');
}

QString describeHost(const QString &aceHost)
{
    const QString unicode = fromAce(aceHost);
    if (unicode.isEmpty() || unicode == aceHost)
        return aceHost;
    return unicode + QStringLiteral(" (") + aceHost + u')';
}

// Hosts the visible text names: the host of each URL (an IP address too, and nothing from
// its path: ".../swtch.com/testmod" names no host), mail addresses, "www." names and bare
// names with a plausible top-level domain. Returned in ACE form, lower case.
QStringList hostsNamedIn(const QString &text)
{
    // The URL pattern needs "://"; a name needs a dot with a letter right after it (its
    // top-level domain). Most link texts ("Read more", a sentence ending in a full stop)
    // have neither, and the patterns below are most of assessing a link otherwise.
    const auto namesAHost = [&text] {
        if (text.contains(QLatin1String("://")))
            return true;
        for (qsizetype dot = text.indexOf(u'.'); dot >= 0 && dot + 1 < text.size();
             dot = text.indexOf(u'.', dot + 1)) {
            if (text.at(dot + 1).isLetter())
                return true;
        }
        return false;
    };
    if (!namesAHost())
        return {};
    static const QRegularExpression kUrl(
        QStringLiteral("(?<![\\p{L}\\p{N}_.+-])[a-z][a-z0-9+.-]*://(?:[^\\s/?#@<>\"']*@)?"
                       "(\\[[0-9a-f:.]+\\]|[^\\s/?#:<>\"']+)[^\\s<>\"']*"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression kHost(
        QStringLiteral("(?<![\\p{L}\\p{N}_./-])(?:[^\\s/@<>\"']+@)?"
                       "((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+"
                       "(?:[\\p{L}]{2,63}|xn--[a-z0-9-]+))(?![\\p{L}\\p{N}_/-])"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList hosts;
    QString rest = text;
    auto urls = kUrl.globalMatch(text);
    while (urls.hasNext()) {
        const QRegularExpressionMatch m = urls.next();
        const QString ace = toAce(m.captured(1).toLower());
        if (!ace.isEmpty())
            hosts.append(ace);
        rest.replace(m.capturedStart(0), m.capturedLength(0), QString(m.capturedLength(0), u' '));
    }
    auto names = kHost.globalMatch(rest);
    while (names.hasNext()) {
        const QRegularExpressionMatch m = names.next();
        const QString host = m.captured(1).toLower();
        const bool explicitHost = host.startsWith(u"www.") || m.captured(0).contains(u'@');
        const QString ace = toAce(host);
        if (ace.isEmpty())
            continue;
        if (explicitHost || isPlausibleTld(ace.section(u'.', -1)))
            hosts.append(ace);
    }
    return hosts;
}

QString scriptName(QChar::Script s)
{
    switch (s) {
    case QChar::Script_Latin:
        return QStringLiteral("Latin");
    case QChar::Script_Cyrillic:
        return QStringLiteral("Cyrillic");
    case QChar::Script_Greek:
        return QStringLiteral("Greek");
    case QChar::Script_Armenian:
        return QStringLiteral("Armenian");
    default:
        return QStringLiteral("other");
    }
}

// Cyrillic and Greek letters that are drawn like Latin ones (Unicode confusables).
bool looksLatin(char32_t c)
{
    static const QSet<char32_t> kConfusables = {
        0x0430, 0x0441, 0x0435, 0x043E, 0x0440, 0x0445, 0x0443, 0x0456, 0x0458, 0x0455, 0x0501,
        0x04CF, 0x043A, 0x0432, 0x043D, 0x0442, 0x043C, 0x0491, 0x0261, 0x0410, 0x0412, 0x0415,
        0x041A, 0x041C, 0x041D, 0x041E, 0x0420, 0x0421, 0x0422, 0x0425, 0x03BF, 0x03B1, 0x03BD,
        0x03C1, 0x03C4, 0x03B9, 0x03BA, 0x039F, 0x0391, 0x0392, 0x0395, 0x0396, 0x0397, 0x0399,
        0x039A, 0x039C, 0x039D, 0x03A1, 0x03A4, 0x03A5, 0x03A7, 0x0585, 0x0570, 0x0578, 0x057D,
    };
    return kConfusables.contains(c);
}

// Why a host label is a disguise, or empty: Latin, Cyrillic, Greek and Armenian mixed in
// one label, or a label written only with Cyrillic/Greek/Armenian letters that look Latin.
QString disguiseIn(const QString &label)
{
    // Most labels are plain ASCII: Latin letters alone disguise nothing.
    if (std::all_of(label.cbegin(), label.cend(), [](QChar c) { return c.unicode() < 0x80; }))
        return {};
    QSet<QChar::Script> scripts;
    bool allConfusable = true;
    bool anyLetter = false;
    const QList<uint> codePoints = label.toUcs4();
    for (const uint cp : codePoints) {
        const QChar::Script s = QChar::script(cp);
        if (s == QChar::Script_Common || s == QChar::Script_Inherited)
            continue;
        if (!QChar::isLetter(cp))
            continue;
        anyLetter = true;
        scripts.insert(s);
        if (!looksLatin(cp))
            allConfusable = false;
    }
    const QSet<QChar::Script> confusableScripts = {QChar::Script_Latin, QChar::Script_Cyrillic,
                                                   QChar::Script_Greek, QChar::Script_Armenian};
    QStringList mixed;
    for (const QChar::Script s : scripts) {
        if (confusableScripts.contains(s))
            mixed.append(scriptName(s));
    }
    mixed.sort();
    if (mixed.size() > 1)
        return QStringLiteral("mixes %1 letters").arg(mixed.join(QStringLiteral(" and ")));
    if (anyLetter && allConfusable && scripts.size() == 1 && !scripts.contains(QChar::Script_Latin))
        return QStringLiteral("is written in %1 letters that look Latin").arg(mixed.value(0));
    return {};
}

// What assessLink learns from a link's host alone. A feed's links mostly go to a few
// hosts, so each thread keeps the latest few hundred.
struct HostFacts
{
    QString ace; // empty: no usable host
    QString destination; // LinkAssessment::realDestination
    QString disguise; // why a label of it is a disguise, or empty
    QString domain; // registrableDomain(ace)
};

const HostFacts &hostFacts(const QString &host)
{
    thread_local QHash<QString, HostFacts> known;
    if (const auto it = known.constFind(host); it != known.cend())
        return *it;
    if (known.size() >= 512)
        known.clear();
    HostFacts facts;
    facts.ace = toAce(host);
    facts.destination = describeHost(facts.ace.isEmpty() ? host.toLower() : facts.ace);
    if (!facts.ace.isEmpty()) {
        for (const QString &label : fromAce(facts.ace).split(u'.', Qt::SkipEmptyParts)) {
            facts.disguise = disguiseIn(label);
            if (!facts.disguise.isEmpty())
                break;
        }
        facts.domain = registrableDomain(facts.ace);
    }
    return *known.insert(host, std::move(facts));
}

} // namespace

LinkAssessment assessLink(const QString &visibleText, const QString &href)
{
    LinkAssessment result;
    const QUrl url(href.trimmed(), QUrl::TolerantMode);
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http" && scheme != u"https" && scheme != u"mailto") {
        result.deceptive = true;
        result.realDestination = href.left(80);
        result.reason = scheme.isEmpty()
            ? QStringLiteral("The link has no usable address")
            : QStringLiteral("The link uses the %1: scheme, which Bulletin does not open")
                  .arg(scheme);
        return result;
    }
    QString host;
    if (scheme == u"mailto") {
        const QString address = url.path();
        host = address.section(u'@', -1).section(u'?', 0, 0);
    } else {
        host = url.host();
    }
    const HostFacts &facts = hostFacts(host);
    result.realDestination = facts.destination;
    if (facts.ace.isEmpty())
        return result;

    if (scheme != u"mailto" && !url.userInfo().isEmpty()) {
        result.deceptive = true;
        result.reason = QStringLiteral("The link hides its destination behind \u201C%1@\u201D: "
                                       "it goes to %2")
                            .arg(url.userInfo(), result.realDestination);
        return result;
    }

    if (!facts.disguise.isEmpty()) {
        result.deceptive = true;
        result.reason = QStringLiteral("The link's address %1, a common disguise: it goes "
                                       "to %2")
                            .arg(facts.disguise, result.realDestination);
        return result;
    }

    const QStringList shown = hostsNamedIn(visibleText);
    if (shown.isEmpty())
        return result;
    for (const QString &h : shown) {
        if (registrableDomain(h) == facts.domain)
            return result;
    }
    result.deceptive = true;
    result.reason = QStringLiteral("The text shows %1 but the link goes to %2")
                        .arg(describeHost(shown.first()), result.realDestination);
    return result;
}

} // namespace bulletin
