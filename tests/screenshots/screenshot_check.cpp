// Checks a screenshot written by `netstage --screenshot`: it exists, has the promised size and
// shows something (many colours, no single colour covering nearly all of it).
// Usage: screenshot_check FILE WIDTH HEIGHT
#include <QHash>
#include <QImage>
#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: screenshot_check FILE WIDTH HEIGHT\n");
        return 2;
    }
    const QString file = QString::fromLocal8Bit(argv[1]);
    const int width = QByteArray(argv[2]).toInt();
    const int height = QByteArray(argv[3]).toInt();

    QImage image;
    if (!image.load(file)) {
        std::fprintf(stderr, "FAIL: cannot read %s\n", argv[1]);
        return 1;
    }
    if (image.width() != width || image.height() != height) {
        std::fprintf(stderr, "FAIL: %s is %dx%d, expected %dx%d\n", argv[1], image.width(),
                     image.height(), width, height);
        return 1;
    }
    image = image.convertToFormat(QImage::Format_RGB32);
    QHash<QRgb, qint64> counts;
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            ++counts[line[x]];
    }
    qint64 top = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        top = std::max(top, it.value());
    const double topShare = double(top) / double(qint64(width) * height);
    std::printf("%s: %dx%d, %lld distinct colours, most common colour covers %.1f%%\n", argv[1],
                width, height, static_cast<long long>(counts.size()), topShare * 100.0);
    // Anti-aliased text and the state colours give thousands; a blank or one-colour window
    // gives a handful.
    if (counts.size() < 200) {
        std::fprintf(stderr, "FAIL: only %lld colours: the window looks blank\n",
                     static_cast<long long>(counts.size()));
        return 1;
    }
    if (topShare > 0.92) {
        std::fprintf(stderr, "FAIL: one colour covers %.1f%% of the picture\n", topShare * 100.0);
        return 1;
    }
    std::printf("PASS\n");
    return 0;
}
