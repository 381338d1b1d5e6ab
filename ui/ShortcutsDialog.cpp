#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cf::ui {

QVector<QPair<QString, QString>> ShortcutsDialog::rows(const QWidget* window) {
  static const QRegularExpression accelerator(QStringLiteral("&(?!&)"));
  QVector<QPair<QString, QString>> out;
  for (const QAction* a : window->actions()) {
    if (a->shortcuts().isEmpty() || a->text().isEmpty())
      continue;
    QString text = a->text().remove(accelerator).replace(QStringLiteral("&&"), QStringLiteral("&"));
    if (text.endsWith(QChar(0x2026)))
      text.chop(1);
    QStringList keys;
    for (const QKeySequence& k : a->shortcuts())
      keys << k.toString(QKeySequence::NativeText);
    out.append({text, keys.join(QStringLiteral(", "))});
  }
  return out;
}

ShortcutsDialog::ShortcutsDialog(QWidget* window) : QDialog(window), window_(window) {
  setObjectName(QStringLiteral("shortcutsDialog"));
  auto* layout = new QVBoxLayout(this);
  table_ = new QTableWidget(this);
  table_->setColumnCount(2);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  layout->addWidget(table_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  resize(520, 600);
  refresh();
}

void ShortcutsDialog::refresh() {
  setWindowTitle(tr("Keyboard Shortcuts"));
  table_->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
  const auto list = rows(window_);
  table_->setRowCount(int(list.size()));
  for (int r = 0; r < list.size(); ++r) {
    table_->setItem(r, 0, new QTableWidgetItem(list[r].first));
    table_->setItem(r, 1, new QTableWidgetItem(list[r].second));
  }
}

void ShortcutsDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange)
    refresh();
  QDialog::changeEvent(event);
}

void ShortcutsDialog::showEvent(QShowEvent* event) {
  refresh();
  QDialog::showEvent(event);
}

}  // namespace cf::ui
