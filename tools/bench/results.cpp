#include "results.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace bench {

namespace {

QList<double> sorted(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values;
}

QString goalText(const Figure &f)
{
    if (f.goal == Figure::Goal::None)
        return QStringLiteral("-");
    const QString what = f.usePercentile95 ? QStringLiteral("p95 ") : QString();
    return what + (f.goal == Figure::Goal::AtMost ? QStringLiteral("<= ") : QStringLiteral(">= "))
        + formatNumber(f.target) + QLatin1Char(' ') + f.unit;
}

} // namespace

QString formatNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("n/a");
    const double a = std::fabs(value);
    if (a >= 100)
        return QString::number(value, 'f', 0);
    if (a >= 10)
        return QString::number(value, 'f', 1);
    return QString::number(value, 'f', 2);
}

double Figure::percentile(double p) const
{
    if (samples.isEmpty())
        return std::nan("");
    const QList<double> s = sorted(samples);
    // Nearest rank.
    const qsizetype rank = qBound<qsizetype>(1, qsizetype(std::ceil(p / 100.0 * double(s.size()))),
                                             s.size());
    return s.at(rank - 1);
}

double Figure::median() const
{
    if (samples.isEmpty())
        return std::nan("");
    const QList<double> s = sorted(samples);
    const qsizetype n = s.size();
    return n % 2 ? s.at(n / 2) : (s.at(n / 2 - 1) + s.at(n / 2)) / 2;
}

double Figure::min() const
{
    return samples.isEmpty() ? std::nan("") : *std::min_element(samples.begin(), samples.end());
}

double Figure::max() const
{
    return samples.isEmpty() ? std::nan("") : *std::max_element(samples.begin(), samples.end());
}

bool Figure::passes() const
{
    const double v = judged();
    if (std::isnan(v))
        return false;
    switch (goal) {
    case Goal::AtMost:
        return v <= target;
    case Goal::AtLeast:
        return v >= target;
    case Goal::None:
        return true;
    }
    return true;
}

QJsonObject Figure::toJson() const
{
    QJsonArray values;
    for (double v : samples)
        values.append(v);
    QJsonObject o{
        {QStringLiteral("label"), label},
        {QStringLiteral("unit"), unit},
        {QStringLiteral("samples"), values},
        {QStringLiteral("median"), samples.isEmpty() ? QJsonValue() : QJsonValue(median())},
        {QStringLiteral("min"), samples.isEmpty() ? QJsonValue() : QJsonValue(min())},
        {QStringLiteral("max"), samples.isEmpty() ? QJsonValue() : QJsonValue(max())},
        {QStringLiteral("p95"), samples.isEmpty() ? QJsonValue() : QJsonValue(percentile(95))}};
    if (hasTarget()) {
        o.insert(QStringLiteral("target"), goalText(*this));
        o.insert(QStringLiteral("pass"), passes());
    }
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

Figure &Results::add(const QString &key, const QString &label, const QString &unit)
{
    if (Figure *existing = find(key))
        return *existing;
    Figure f;
    f.key = key;
    f.label = label;
    f.unit = unit;
    m_figures.push_back(f);
    return m_figures.back();
}

Figure &Results::add(const QString &key, const QString &label, const QString &unit,
                     Figure::Goal goal, double target)
{
    Figure &f = add(key, label, unit);
    f.goal = goal;
    f.target = target;
    return f;
}

Figure *Results::find(const QString &key)
{
    for (Figure &f : m_figures)
        if (f.key == key)
            return &f;
    return nullptr;
}

QString Results::table() const
{
    struct Line
    {
        QString figure, median, spread, target, verdict;
    };
    QList<Line> lines{{QStringLiteral("figure"), QStringLiteral("median"),
                       QStringLiteral("spread (min-max) [p95]"), QStringLiteral("target"),
                       QStringLiteral("result")}};
    for (const Figure &f : m_figures) {
        Line l;
        l.figure = f.label;
        if (f.samples.isEmpty()) {
            l.median = QStringLiteral("not measured");
            l.spread = QStringLiteral("-");
        } else {
            l.median = formatNumber(f.median()) + QLatin1Char(' ') + f.unit;
            l.spread = f.samples.size() == 1
                ? QStringLiteral("1 sample")
                : formatNumber(f.min()) + QStringLiteral(" - ") + formatNumber(f.max())
                    + (f.usePercentile95
                           ? QStringLiteral(" [p95 %1]").arg(formatNumber(f.percentile(95)))
                           : QString())
                    + QStringLiteral(" (n=%1)").arg(f.samples.size());
        }
        l.target = goalText(f);
        l.verdict = !f.hasTarget() ? QString()
            : f.samples.isEmpty()  ? QStringLiteral("-")
            : f.passes()           ? QStringLiteral("pass")
                                   : QStringLiteral("FAIL");
        lines.append(l);
    }
    int w[5] = {0, 0, 0, 0, 0};
    for (const Line &l : lines) {
        w[0] = std::max(w[0], int(l.figure.size()));
        w[1] = std::max(w[1], int(l.median.size()));
        w[2] = std::max(w[2], int(l.spread.size()));
        w[3] = std::max(w[3], int(l.target.size()));
        w[4] = std::max(w[4], int(l.verdict.size()));
    }
    QString out;
    const auto row = [&](const Line &l) {
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                   .arg(l.figure, -w[0])
                   .arg(l.median, w[1])
                   .arg(l.spread, -w[2])
                   .arg(l.target, -w[3])
                   .arg(l.verdict, -w[4]);
    };
    row(lines.first());
    out += QStringLiteral("|%1|%2|%3|%4|%5|\n")
               .arg(QString(w[0] + 2, QLatin1Char('-')),
                    QString(w[1] + 1, QLatin1Char('-')) + QLatin1Char(':'),
                    QString(w[2] + 2, QLatin1Char('-')), QString(w[3] + 2, QLatin1Char('-')),
                    QString(w[4] + 2, QLatin1Char('-')));
    for (qsizetype i = 1; i < lines.size(); ++i)
        row(lines.at(i));
    QString notes;
    for (const Figure &f : m_figures)
        if (!f.note.isEmpty())
            notes += QStringLiteral("- %1: %2\n").arg(f.label, f.note);
    if (!notes.isEmpty())
        out += QStringLiteral("\nNotes:\n") + notes;
    return out;
}

QJsonObject Results::toJson() const
{
    QJsonObject figures;
    for (const Figure &f : m_figures)
        figures.insert(f.key, f.toJson());
    QJsonObject o = m_info;
    o.insert(QStringLiteral("figures"), figures);
    return o;
}

} // namespace bench
