#include "SuggestedColours.h"

#include <QColorDialog>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "ReferencePicker.h"

namespace cf::ui {

namespace {
constexpr int kSwatchPx = 28;

QIcon swatchIcon(const QColor& c) {
  QPixmap pm(kSwatchPx, kSwatchPx);
  pm.fill(Qt::transparent);
  QPainter p(&pm);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(QPen(Qt::black, 1.0));
  p.setBrush(c);
  p.drawRoundedRect(QRectF(1, 1, kSwatchPx - 2, kSwatchPx - 2), 4, 4);
  return QIcon(pm);
}
}  // namespace

SuggestedColours::SuggestedColours(QWidget* parent) : QFrame(parent, Qt::Popup) {
  setObjectName(QStringLiteral("suggestedColours"));
  setFrameShape(QFrame::StyledPanel);
  auto* layout = new QVBoxLayout(this);
  title_ = new QLabel(this);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("suggestionStatus"));
  status_->setWordWrap(true);
  auto* row = new QHBoxLayout;
  for (int i = 0; i < kSwatches; ++i) {
    auto* b = new QToolButton(this);
    b->setObjectName(QStringLiteral("suggestion%1").arg(i));
    b->setIconSize(QSize(kSwatchPx, kSwatchPx));
    b->setAutoRaise(true);
    b->setEnabled(false);
    connect(b, &QToolButton::clicked, this, [this, i] { choose(colours_.value(i)); });
    swatches_.push_back(b);
    row->addWidget(b);
  }
  other_ = new QPushButton(this);
  other_->setObjectName(QStringLiteral("otherColour"));
  eyedropper_ = new QPushButton(this);
  eyedropper_->setObjectName(QStringLiteral("pickFromReference"));
  layout->addWidget(title_);
  layout->addLayout(row);
  layout->addWidget(status_);
  layout->addWidget(other_);
  layout->addWidget(eyedropper_);
  connect(other_, &QPushButton::clicked, this, [this] {
    hide();
    const QColor c = QColorDialog::getColor(current_, parentWidget(), tr("Colour of the hint"));
    if (c.isValid())
      Q_EMIT colourChosen(c);
  });
  connect(eyedropper_, &QPushButton::clicked, this, [this] {
    hide();
    ReferencePicker picker(reference_path_, parentWidget());
    if (picker.exec() == QDialog::Accepted && picker.colour().isValid())
      Q_EMIT colourChosen(picker.colour());
  });
  retranslateUi();
}

void SuggestedColours::retranslateUi() {
  title_->setText(tr("Colour of this point"));
  other_->setText(tr("Other colour…"));
  eyedropper_->setText(tr("Pick from the reference image…"));
  if (waiting_)
    status_->setText(tr("Asking the model for its likely colours…"));
}

void SuggestedColours::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QFrame::changeEvent(event);
}

void SuggestedColours::open(const QPoint& global_pos, const QString& reference_path,
                            const QColor& current) {
  reference_path_ = reference_path;
  current_ = current;
  colours_.clear();
  for (QToolButton* b : swatches_) {
    b->setIcon(QIcon());
    b->setToolTip(QString());
    b->setEnabled(false);
  }
  waiting_ = true;
  eyedropper_->setVisible(!reference_path.isEmpty());
  retranslateUi();
  adjustSize();
  move(global_pos + QPoint(8, 8));
  show();
}

void SuggestedColours::setSuggestions(const SuggestedColourList& colours) {
  waiting_ = false;
  colours_.clear();
  for (int i = 0; i < kSwatches; ++i) {
    QToolButton* b = swatches_[i];
    if (i >= int(colours.size())) {
      b->setEnabled(false);
      continue;
    }
    const pipeline::SuggestedColour& s = colours[size_t(i)];
    const QColor c(s.red, s.green, s.blue);
    colours_.push_back(c);
    b->setIcon(swatchIcon(c));
    b->setToolTip(tr("%1 (%2 % likely)").arg(c.name()).arg(100.0 * s.probability, 0, 'f', 1));
    b->setEnabled(true);
  }
  status_->setText(tr("The model's most likely colours here, most likely first"));
}

void SuggestedColours::setUnavailable(const QString& message) {
  waiting_ = false;
  status_->setText(message);
}

void SuggestedColours::choose(const QColor& colour) {
  hide();
  if (colour.isValid())
    Q_EMIT colourChosen(colour);
}

}  // namespace cf::ui
