package org.kaifang.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Tiny but real files for upload tests: a PDF, a PNG and a JPEG, and things that only pretend to be one. */
public final class SampleFiles {

    private SampleFiles() {}

    /** A one-page PDF with its cross-reference table: what a PDF writer produces, only smaller. */
    public static byte[] pdf() {
        var body = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new int[4];
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"
        };
        for (var i = 0; i < objects.length; i++) {
            offsets[i + 1] = body.length();
            body.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        var xref = body.length();
        body.append("xref\n0 4\n0000000000 65535 f \n");
        for (var i = 1; i <= 3; i++) {
            body.append("%010d 00000 n \n".formatted(offsets[i]));
        }
        body.append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return body.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpg");
    }

    /** An HTML page, as a file named {@code licence.pdf} might really be. */
    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code first} followed by {@code second}. */
    public static byte[] concat(byte[] first, byte[] second) {
        var both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** An empty ZIP archive: just its end-of-central-directory record. */
    public static byte[] zip() {
        var zip = new byte[22];
        zip[0] = 'P';
        zip[1] = 'K';
        zip[2] = 5;
        zip[3] = 6;
        return zip;
    }

    private static byte[] image(String format) {
        var image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 2, 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
