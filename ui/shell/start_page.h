#pragma once

#include <QHash>
#include <QStringList>
#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace netstage {

// The first tab: the tutorial's table of contents as cards (a chapter, one sentence, a button
// that opens the view ready to run), "continue where you left off" (the last view, recent
// recordings), the offer of a guided first run, and where the keys are listed. It only asks:
// the window opens the views and prepares them (MainWindow::openCard).
class StartPage : public QWidget
{
    Q_OBJECT
public:
    struct Card
    {
        QString id;   // "osi", "url", "handshake", "teardown", "tcp", "udp", "http", "ws"
        QString view; // the view the button opens
    };
    // In the tutorial's order.
    static QList<Card> cards();

    explicit StartPage(QWidget* parent = nullptr);

    QPushButton* cardButton(const QString& id) const { return buttons_.value(id); }
    QPushButton* tourButton() const { return tourButton_; }

    // "Continue where you left off": the view shown last time (name and tab title) and the
    // recent recordings, newest first. Nothing to continue: the section says so.
    void setContinue(const QString& view, const QString& viewTitle, const QStringList& recent);
    // The first run offers the guided run of the TCP chapter in a banner (follow or skip).
    void setFirstRun(bool first);
    bool isOfferingTour() const;

signals:
    void cardChosen(const QString& id);
    void viewChosen(const QString& view);
    void recordingChosen(const QString& path);
    void tourRequested();
    void tourSkipped();

private:
    QFrame* buildCard(const QString& id, const QString& chapter, const QString& title,
                      const QString& sentence, const QString& button);

    QHash<QString, QPushButton*> buttons_;
    QFrame* banner_ = nullptr;
    QPushButton* tourButton_ = nullptr;
    QVBoxLayout* continueLayout_ = nullptr;
    QWidget* continueBox_ = nullptr;
};

} // namespace netstage
