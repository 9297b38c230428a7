// Every string of the program is translated: the .ts files refreshed from today's sources
// (refresh.sh, run first by ctest) have no unfinished entry, every plural form is filled, and
// each translation keeps the placeholders (%1, %n...) of its source, so no sentence loses a
// number or a name in the other language.
#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    bool obsolete = false;
    QStringList forms; // the translation, or each plural form
};

std::vector<Message> readTs(const QString& path, QString* error)
{
    std::vector<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                m = Message();
                m.context = context;
                m.numerus =
                    xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source") && inMessage) {
                m.source = xml.readElementText();
            } else if (name == QLatin1String("translation") && inMessage) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                m.unfinished = type == QLatin1String("unfinished");
                m.obsolete = type == QLatin1String("obsolete") || type == QLatin1String("vanished");
                if (!m.numerus)
                    m.forms << xml.readElementText();
            } else if (name == QLatin1String("numerusform") && inMessage) {
                m.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            out.push_back(m);
        }
    }
    if (xml.hasError())
        *error =
            QStringLiteral("%1: %2 at line %3").arg(path, xml.errorString()).arg(xml.lineNumber());
    return out;
}

QStringList placeholders(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = re.globalMatch(s); it.hasNext();)
        found << it.next().captured(0);
    found.removeDuplicates();
    found.sort();
    return found;
}

QString where(const Message& m)
{
    return QStringLiteral("[%1] \"%2\"").arg(m.context, m.source.left(80));
}

} // namespace

class TstTranslations : public QObject
{
    Q_OBJECT
private slots:
    void chineseIsComplete();
    void englishPluralsAreFilled();

private:
    QString dir() const { return QString::fromLocal8Bit(qgetenv("NETSTAGE_TS_DIR")); }
};

void TstTranslations::chineseIsComplete()
{
    QString error;
    const auto messages = readTs(dir() + QStringLiteral("/netstage_zh_CN.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 500, "too few messages: did lupdate find the sources?");
    QStringList problems;
    for (const Message& m : messages) {
        if (m.obsolete)
            continue;
        if (m.unfinished) {
            problems << QStringLiteral("untranslated %1").arg(where(m));
            continue;
        }
        for (const QString& form : m.forms) {
            if (form.trimmed().isEmpty()) {
                problems << QStringLiteral("empty form %1").arg(where(m));
                continue;
            }
            QStringList want = placeholders(m.source);
            // Chinese has one plural form; the number itself may be spelled out ("一个").
            if (m.numerus)
                want.removeAll(QStringLiteral("%n"));
            QStringList have = placeholders(form);
            have.removeAll(QStringLiteral("%n"));
            if (want != have)
                problems << QStringLiteral("placeholders %1 in %2 but %3 in \"%4\"")
                                .arg(want.join(QLatin1Char(',')), where(m),
                                     have.join(QLatin1Char(',')), form.left(60));
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 problem(s):\n").arg(problems.size()) +
                        problems.mid(0, 60).join(QLatin1Char('\n'))));
}

void TstTranslations::englishPluralsAreFilled()
{
    QString error;
    const auto messages = readTs(dir() + QStringLiteral("/netstage_en.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const Message& m : messages) {
        if (m.obsolete)
            continue;
        if (m.unfinished || m.forms.size() != 2 || m.forms.contains(QString())) {
            problems << QStringLiteral("plural forms missing %1").arg(where(m));
            continue;
        }
        if (m.forms.at(0) == m.forms.at(1) && m.source.contains(QLatin1String("(s)")))
            problems << QStringLiteral("singular = plural %1").arg(where(m));
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 problem(s):\n").arg(problems.size()) +
                        problems.mid(0, 60).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
