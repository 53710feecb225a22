#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <deque>

namespace bench {

// One measured figure: its samples, how it is summarised and the target it is held to.
struct Figure
{
    enum class Goal { AtMost, AtLeast, None };

    QString key; // stable JSON name
    QString label; // what the table shows
    QString unit; // "ms", "MiB", "MB/s", "x", ...
    QList<double> samples;
    Goal goal = Goal::None;
    double target = 0;
    QString note; // shown under the table when not empty
    bool usePercentile95 = false; // compare p95 (not the median) with the target

    double median() const;
    double min() const;
    double max() const;
    double percentile(double p) const;
    double judged() const { return usePercentile95 ? percentile(95) : median(); }
    bool hasTarget() const { return goal != Goal::None; }
    bool passes() const;
    QJsonObject toJson() const;
};

class Results
{
public:
    Figure &add(const QString &key, const QString &label, const QString &unit);
    // A figure held to a target (docs/benchmark.md lists them and why).
    Figure &add(const QString &key, const QString &label, const QString &unit, Figure::Goal goal,
                double target);
    Figure *find(const QString &key);
    // References stay valid as figures are added.
    const std::deque<Figure> &figures() const { return m_figures; }
    void setInfo(const QString &key, const QJsonValue &value) { m_info.insert(key, value); }

    QString table() const;
    QJsonObject toJson() const;

private:
    std::deque<Figure> m_figures;
    QJsonObject m_info;
};

QString formatNumber(double value);

} // namespace bench
