#include "textgen.h"

#include <QLocale>
#include <QSet>

#include <cmath>

namespace bench {

namespace {

const char *const kCommon[] = {
    "the",        "of",       "and",      "to",        "in",       "a",          "is",
    "that",       "for",      "on",       "was",       "with",     "said",       "as",
    "by",         "at",       "from",     "it",        "his",      "an",         "be",
    "has",        "are",      "have",     "but",       "were",     "not",        "this",
    "who",        "they",     "had",      "which",     "their",    "been",       "would",
    "will",       "after",    "more",     "one",       "new",      "year",       "two",
    "people",     "also",     "first",    "than",      "over",     "into",       "about",
    "government", "minister", "police",   "city",      "council",  "report",     "week",
    "state",      "news",     "million",  "president", "election", "court",      "water",
    "health",     "school",   "market",   "energy",    "storm",    "flood",      "fire",
    "road",       "rail",     "airport",  "hospital",  "union",    "strike",     "budget",
    "prices",     "bank",     "company",  "workers",   "children", "weather",    "warning",
    "region",     "border",   "talks",    "vote",      "party",    "leader",     "officials",
    "residents",  "service",  "power",    "network",   "attack",   "security",   "investigation",
    "university", "research", "climate",  "summit",    "trade",    "tax",        "housing",
    "transport",  "coast",    "river",    "village",   "festival", "museum",     "match",
    "season",     "team",     "coach",    "record",    "final",    "league",     "cup",
    "players",    "fans",     "stadium",  "science",   "space",    "mission",    "satellite",
    "data",       "software", "internet", "outage",    "cyber",    "postal",     "parcel",
    "delivery",   "farmers",  "harvest",  "drought",   "wildfire", "earthquake", "evacuation",
    "shelter",    "bridge",   "tunnel",   "ferry",     "port",     "ship",       "fishing",
    "ocean",
};

QStringList buildVocabulary()
{
    QStringList words;
    for (const char *w : kCommon)
        words << QString::fromLatin1(w);
    // Made-up but pronounceable words for the long tail.
    static const char *const onsets[] = {"b", "br", "c", "d",  "dr", "f", "g",  "gr",
                                         "h", "k",  "l", "m",  "n",  "p", "pl", "r",
                                         "s", "st", "t", "tr", "v",  "w", "z"};
    static const char *const vowels[] = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
    static const char *const codas[] = {"", "n", "r", "s", "l", "nd", "rt", "st", "m", "x"};
    quint64 s = 0x9e3779b97f4a7c15ull;
    QSet<QString> seen(words.begin(), words.end());
    while (words.size() < 20000) {
        QString w;
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        const int syllables = 2 + int(s % 3);
        quint64 t = s;
        for (int i = 0; i < syllables; ++i) {
            w += QLatin1String(onsets[t % 23]);
            t /= 23;
            w += QLatin1String(vowels[t % 8]);
            t /= 8;
            if (i == syllables - 1) {
                w += QLatin1String(codas[t % 10]);
                t /= 10;
            }
        }
        if (!seen.contains(w)) {
            seen.insert(w);
            words << w;
        }
    }
    return words;
}

} // namespace

const QStringList &TextGen::vocabulary()
{
    static const QStringList words = buildVocabulary();
    return words;
}

TextGen::TextGen(quint64 seed)
    : m_state(seed * 0x2545F4914F6CDD1Dull + 1)
{
}

quint64 TextGen::next()
{
    // xorshift64*
    m_state ^= m_state >> 12;
    m_state ^= m_state << 25;
    m_state ^= m_state >> 27;
    return m_state * 0x2545F4914F6CDD1Dull;
}

QString TextGen::word()
{
    const QStringList &v = vocabulary();
    // Log-uniform rank: P(rank) ~ 1/rank.
    const int rank = int(std::exp(unit() * std::log(double(v.size())))) - 1;
    return v.at(qBound(0, rank, int(v.size()) - 1));
}

QString TextGen::contentWord()
{
    const QStringList &v = vocabulary();
    const double lo = std::log(60.0), hi = std::log(4000.0);
    const int rank = int(std::exp(lo + unit() * (hi - lo)));
    return v.at(qBound(0, rank, int(v.size()) - 1));
}

QString TextGen::sentence(int words)
{
    QString s;
    for (int i = 0; i < words; ++i) {
        if (i)
            s += QLatin1Char(' ');
        s += word();
    }
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s + QLatin1Char('.');
}

QString TextGen::headline()
{
    QStringList w;
    const int n = 6 + below(6);
    for (int i = 0; i < n; ++i)
        w << (i % 2 ? word() : contentWord());
    QString h = w.join(QLatin1Char(' '));
    h[0] = h[0].toUpper();
    return h;
}

QString TextGen::articleHtml(int bytes, QString *text)
{
    QString html;
    QString plain;
    while (html.size() < bytes) {
        QString p;
        QString t;
        const int sentences = 3 + below(4);
        for (int i = 0; i < sentences; ++i) {
            QString s = sentence(8 + below(14));
            t += (i ? QStringLiteral(" ") : QString()) + s;
            const int kind = below(10);
            if (kind == 0) {
                s = QStringLiteral("<a href=\"https://example.org/%1\">%2</a>")
                        .arg(below(100000))
                        .arg(s);
            } else if (kind == 1) {
                s = QStringLiteral("<em>%1</em>").arg(s);
            } else if (kind == 2) {
                s = QStringLiteral("<strong>%1</strong>").arg(s);
            }
            p += (i ? QStringLiteral(" ") : QString()) + s;
        }
        html += QStringLiteral("<p>") + p + QStringLiteral("</p>\n");
        if (!plain.isEmpty())
            plain += QStringLiteral("\n\n");
        plain += t;
    }
    if (text)
        *text = plain;
    return html;
}

QString rfc822(const QDateTime &utc)
{
    return QLocale::c().toString(utc.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
        + QStringLiteral(" +0000");
}

QString xmlEscape(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('&'), QStringLiteral("&amp;"));
    out.replace(QLatin1Char('<'), QStringLiteral("&lt;"));
    out.replace(QLatin1Char('>'), QStringLiteral("&gt;"));
    out.replace(QLatin1Char('"'), QStringLiteral("&quot;"));
    return out;
}

} // namespace bench
