// Checks that a screenshot shows what it promises: each colour given (#rrggbb) covers at least
// MIN pixels, e.g. a waterfall's segment colours or the step list's tints.
// Usage: colour_check FILE MIN #rrggbb...
#include <QColor>
#include <QImage>
#include <cstdio>

int main(int argc, char** argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: colour_check FILE MIN #rrggbb...\n");
        return 2;
    }
    QImage image;
    if (!image.load(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "FAIL: cannot read %s\n", argv[1]);
        return 1;
    }
    image = image.convertToFormat(QImage::Format_RGB32);
    const long min = QByteArray(argv[2]).toLong();
    int failed = 0;
    for (int i = 3; i < argc; ++i) {
        const QColor want(QString::fromLatin1(argv[i]));
        if (!want.isValid()) {
            std::fprintf(stderr, "FAIL: %s is not a colour\n", argv[i]);
            return 2;
        }
        long count = 0;
        for (int y = 0; y < image.height(); ++y) {
            const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x)
                count += (line[x] & 0xffffff) == (want.rgb() & 0xffffff);
        }
        std::printf("%s: %ld pixels\n", argv[i], count);
        if (count < min) {
            std::fprintf(stderr, "FAIL: %s covers %ld pixels, fewer than %ld\n", argv[i], count,
                         min);
            ++failed;
        }
    }
    if (failed)
        return 1;
    std::printf("PASS\n");
    return 0;
}
