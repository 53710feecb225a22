#pragma once

class QLabel;
class QString;

namespace bulletin {

// The status line of a dialog that keeps working while it is open (Subscribe, Add Account):
// progress in the palette's own colours, an error on a dark red that reads in light and
// dark palettes alike. Both show the label.
void showDialogProgress(QLabel *status, const QString &message);
void showDialogError(QLabel *status, const QString &message);

} // namespace bulletin
