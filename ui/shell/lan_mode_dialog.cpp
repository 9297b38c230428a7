#include "ui/shell/lan_mode_dialog.h"

#include "core/net/lan_mode.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace netstage {

LanModeDialog::LanModeDialog(QWidget* parent)
    : QDialog(parent), enable_(new QCheckBox(this)), address_(new QComboBox(this)),
      max_(new QSpinBox(this)), note_(new QLabel(this))
{
    setObjectName(QStringLiteral("lanModeDialog"));
    setWindowTitle(tr("LAN mode"));
    enable_->setObjectName(QStringLiteral("lanEnable"));
    enable_->setText(tr("Let computers on this network connect to the labs' servers"));
    enable_->setChecked(LanMode::enabled());

    address_->setObjectName(QStringLiteral("lanAddress"));
    for (const QHostAddress& a : LanMode::lanAddresses())
        address_->addItem(a.toString(), a.toString());
    address_->addItem(tr("All interfaces (0.0.0.0)"), QStringLiteral("0.0.0.0"));
    const int current = address_->findData(LanMode::address().toString());
    if (current >= 0)
        address_->setCurrentIndex(current);

    max_->setObjectName(QStringLiteral("lanMax"));
    max_->setRange(1, 500);
    max_->setValue(LanMode::maxConnections());
    max_->setSuffix(tr(" connections"));
    max_->setToolTip(tr("Each server accepts at most this many connections at once; the next "
                        "ones are refused (Node's server.maxConnections)."));

    note_->setObjectName(QStringLiteral("lanNote"));
    note_->setWordWrap(true);
    note_->setTextFormat(Qt::PlainText);

    auto* form = new QFormLayout;
    form->addRow(tr("Address to bind:"), address_);
    form->addRow(tr("Limit per server:"), max_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(enable_);
    layout->addLayout(form);
    layout->addWidget(note_);
    layout->addWidget(buttons);
    connect(enable_, &QCheckBox::toggled, this, &LanModeDialog::updateNote);
    connect(address_, &QComboBox::currentIndexChanged, this, &LanModeDialog::updateNote);
    updateNote();
    setMinimumWidth(520);
}

bool LanModeDialog::enabledChoice() const
{
    return enable_->isChecked();
}

QHostAddress LanModeDialog::addressChoice() const
{
    return QHostAddress(address_->currentData().toString());
}

int LanModeDialog::maxConnectionsChoice() const
{
    return max_->value();
}

void LanModeDialog::updateNote()
{
    address_->setEnabled(enable_->isChecked());
    max_->setEnabled(enable_->isChecked());
    if (!enable_->isChecked()) {
        note_->setText(tr("Off: every server binds 127.0.0.1, so only programs on this computer "
                          "can connect."));
        return;
    }
    const QList<QHostAddress> lan = LanMode::lanAddresses();
    QString shown = addressChoice().toString();
    if (addressChoice() == QHostAddress(QHostAddress::AnyIPv4) && !lan.isEmpty())
        shown = lan.first().toString();
    if (lan.isEmpty())
        note_->setText(tr("This computer has no network address besides loopback: nobody else "
                          "can reach it. Connect it to the classroom network first."));
    else
        note_->setText(tr("On: anyone on this network can connect to the servers you start, "
                          "e.g. the tutorial's Node client with host %1. Servers already "
                          "running keep their address: stop and start them again.")
                           .arg(shown));
}

} // namespace netstage
