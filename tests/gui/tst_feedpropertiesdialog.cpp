#include "gui/feedpropertiesdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace bulletin;

// The Feed Properties dialog on its own: what it accepts and what it gives back.
class tst_FeedPropertiesDialog : public QObject
{
    Q_OBJECT

private slots:
    void addressIsCheckedAsTyped_data();
    void addressIsCheckedAsTyped();
    void givesBackWhatWasChosen();
    void aLocalSourceHasNoAddressToChange();

private:
    static FeedPropertiesDialog::Values feed();
};

FeedPropertiesDialog::Values tst_FeedPropertiesDialog::feed()
{
    FeedPropertiesDialog::Values values;
    values.title = QStringLiteral("Harbour Gazette");
    values.url = QStringLiteral("https://harbour.example/feed.xml");
    values.folderPath = {QStringLiteral("News")};
    return values;
}

void tst_FeedPropertiesDialog::addressIsCheckedAsTyped_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https feed") << "Gazette"
                                << "https://harbour.example/feed.xml" << true;
    QTest::newRow("completed like an address bar") << "Gazette"
                                                   << "harbour.example/feed" << true;
    QTest::newRow("spaces around") << "Gazette"
                                   << "  http://harbour.example/rss  " << true;
    QTest::newRow("empty address") << "Gazette"
                                   << "" << false;
    QTest::newRow("invalid host") << "Gazette"
                                  << "http://a b/" << false;
    QTest::newRow("ftp") << "Gazette"
                         << "ftp://harbour.example/feed.xml" << false;
    QTest::newRow("javascript") << "Gazette"
                                << "javascript:alert(1)" << false;
    QTest::newRow("file") << "Gazette"
                          << "file:///etc/passwd" << false;
    QTest::newRow("no title") << "   "
                              << "https://harbour.example/feed.xml" << false;
}

void tst_FeedPropertiesDialog::addressIsCheckedAsTyped()
{
    QFETCH(QString, title);
    QFETCH(QString, address);
    QFETCH(bool, accepted);
    FeedPropertiesDialog dialog(feed(), true, {QStringLiteral("News")}, 60);
    dialog.findChild<QLineEdit *>(QStringLiteral("feedTitle"))->setText(title);
    auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("feedAddress"));
    url->clear();
    QTest::keyClicks(url, address);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(ok->isEnabled(), accepted);
    QCOMPARE(dialog.addressProblem().isEmpty(), accepted);
    // The reason is shown, not only the button greyed.
    auto *problem = dialog.findChild<QLabel *>(QStringLiteral("feedAddressProblem"));
    QCOMPARE(problem->isVisibleTo(&dialog), !accepted);
    if (!accepted)
        QVERIFY(!problem->text().isEmpty());
}

void tst_FeedPropertiesDialog::givesBackWhatWasChosen()
{
    FeedPropertiesDialog dialog(feed(), true, {QStringLiteral("News"), QStringLiteral("Sport")},
                                60);
    QCOMPARE(dialog.values(), feed()); // unchanged: nothing to apply
    dialog.findChild<QLineEdit *>(QStringLiteral("feedTitle"))
        ->setText(QStringLiteral(" The Gazette "));
    dialog.findChild<QLineEdit *>(QStringLiteral("feedAddress"))
        ->setText(QStringLiteral("harbour.example/atom"));
    dialog.findChild<QComboBox *>(QStringLiteral("feedFolder"))
        ->setEditText(QStringLiteral("News / Europe"));
    auto *interval = dialog.findChild<QComboBox *>(QStringLiteral("feedInterval"));
    QCOMPARE(interval->itemText(0), QStringLiteral("Default (every hour)"));
    interval->setCurrentIndex(interval->findData(15));
    dialog.findChild<QCheckBox *>(QStringLiteral("feedImages"))->setChecked(true);
    dialog.findChild<QCheckBox *>(QStringLiteral("feedAlertSource"))->setChecked(true);

    FeedPropertiesDialog::Values expected;
    expected.title = QStringLiteral("The Gazette");
    expected.url = QStringLiteral("http://harbour.example/atom");
    expected.folderPath = {QStringLiteral("News"), QStringLiteral("Europe")};
    expected.refreshMinutes = 15;
    expected.loadImages = true;
    expected.alertSource = true;
    QCOMPARE(dialog.values(), expected);

    // The top level, chosen from the list, is no folder.
    dialog.findChild<QComboBox *>(QStringLiteral("feedFolder"))->setCurrentIndex(0);
    QVERIFY(dialog.values().folderPath.isEmpty());
}

void tst_FeedPropertiesDialog::aLocalSourceHasNoAddressToChange()
{
    FeedPropertiesDialog::Values local = feed();
    local.url.clear();
    local.refreshMinutes = 90; // not one of the choices: offered as it is
    FeedPropertiesDialog dialog(local, false, {}, 60);
    QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("feedAddress"))->isEnabled());
    QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    QCOMPARE(dialog.values().url, QString());
    QCOMPARE(dialog.values().refreshMinutes, 90);
}

QTEST_MAIN(tst_FeedPropertiesDialog)
#include "tst_feedpropertiesdialog.moc"
