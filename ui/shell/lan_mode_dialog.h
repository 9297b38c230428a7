#pragma once

#include <QDialog>
#include <QHostAddress>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace netstage {

// View > LAN mode…: lets the teacher open the labs' servers to the classroom network (off by
// default), choose the address to bind and the most connections each server accepts.
class LanModeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LanModeDialog(QWidget* parent = nullptr);

    bool enabledChoice() const;
    QHostAddress addressChoice() const;
    int maxConnectionsChoice() const;

private:
    void updateNote();

    QCheckBox* enable_;
    QComboBox* address_;
    QSpinBox* max_;
    QLabel* note_;
};

} // namespace netstage
