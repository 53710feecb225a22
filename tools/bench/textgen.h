#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace bench {

// Deterministic news-like text: a vocabulary of common English words followed by made-up
// words, drawn with a Zipf-like (log-uniform rank) distribution, so that word frequencies,
// and therefore full-text posting lists, look like real prose.
class TextGen
{
public:
    explicit TextGen(quint64 seed);

    quint64 next();
    int below(int n) { return int(next() % quint64(n)); }
    double unit() { return double(next() >> 11) / double(1ull << 53); }

    QString word(); // any word, frequent ones more often
    QString contentWord(); // a mid-frequency word (what people search for)
    QString headline(); // 6-11 words, capitalised
    // About `bytes` of HTML in paragraphs with some links and emphasis; *text gets the
    // same prose as plain text (paragraphs separated by blank lines).
    QString articleHtml(int bytes, QString *text);

    static const QStringList &vocabulary();

private:
    QString sentence(int words);
    quint64 m_state;
};

QString rfc822(const QDateTime &utc);
QString xmlEscape(const QString &s);

} // namespace bench
