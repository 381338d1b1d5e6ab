#pragma once
// Help > Keyboard Shortcuts: a table generated from the window's real QActions (their texts and
// shortcuts as they are now, in the interface language), so it can never disagree with the keys.

#include <QDialog>
#include <QPair>
#include <QVector>

class QTableWidget;

namespace cf::ui {

class ShortcutsDialog : public QDialog {
  Q_OBJECT
 public:
  /// (what the action does, its shortcuts) for every action of `window` that has a shortcut, in
  /// the order the window made them; accelerator marks ('&') and trailing '…' removed.
  static QVector<QPair<QString, QString>> rows(const QWidget* window);

  explicit ShortcutsDialog(QWidget* window);
  QTableWidget* table() const { return table_; }
  /// Reads the actions again (when shown, and after a language change).
  void refresh();

 protected:
  void changeEvent(QEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  QWidget* window_ = nullptr;
  QTableWidget* table_ = nullptr;
};

}  // namespace cf::ui
