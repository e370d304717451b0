package org.kaifang.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.SampleFiles;

class ContentSniffingTests {

    private static final long TEN_MB = 10L * 1024 * 1024;

    private static DocumentRefused refused(byte[] content, long max) {
        return catchThrowableOfType(DocumentRefused.class, () -> ContentSniffing.detect(content, max));
    }

    @Test
    void recognisesARealPdfPngAndJpeg() {
        assertThat(ContentSniffing.detect(SampleFiles.pdf(), TEN_MB)).isEqualTo(DocumentFormat.PDF);
        assertThat(ContentSniffing.detect(SampleFiles.png(), TEN_MB)).isEqualTo(DocumentFormat.PNG);
        assertThat(ContentSniffing.detect(SampleFiles.jpeg(), TEN_MB)).isEqualTo(DocumentFormat.JPEG);
    }

    @Test
    void aPdfThatIsReallyHtmlIsNotAllowed() {
        var refused = refused(SampleFiles.html(), TEN_MB);

        assertThat(refused.reason()).isEqualTo(DocumentRefused.Reason.NOT_ALLOWED);
        assertThat(refused.field()).isEqualTo("file");
        assertThat(refused.getMessage()).contains("not a PDF, PNG or JPEG").contains("HTML");
    }

    @Test
    void anythingElseIsNotAllowedWhateverItsName() {
        var text = "Just a note".getBytes(StandardCharsets.UTF_8);
        var gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(refused(text, TEN_MB).reason()).isEqualTo(DocumentRefused.Reason.NOT_ALLOWED);
        assertThat(refused(gif, TEN_MB).reason()).isEqualTo(DocumentRefused.Reason.NOT_ALLOWED);
        assertThat(refused(SampleFiles.zip(), TEN_MB).reason()).isEqualTo(DocumentRefused.Reason.NOT_ALLOWED);
    }

    @Test
    void anEmptyFileIsRefused() {
        var refused = refused(new byte[0], TEN_MB);

        assertThat(refused.reason()).isEqualTo(DocumentRefused.Reason.EMPTY);
        assertThat(refused.getMessage()).isEqualTo("The file is empty");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimitNamed() {
        var pdf = SampleFiles.pdf();

        var refused = refused(pdf, pdf.length - 1);

        assertThat(refused.reason()).isEqualTo(DocumentRefused.Reason.TOO_LARGE);
        assertThat(refused.getMessage()).contains(pdf.length + " bytes").contains("at most " + (pdf.length - 1));
        assertThat(ContentSniffing.detect(pdf, pdf.length)).isEqualTo(DocumentFormat.PDF);
    }

    @Test
    void aPdfWithHtmlNearItsStartIsAPolyglot() {
        var polyglot = SampleFiles.concat(
                "%PDF-1.4\n<html><script>alert(1)</script></html>\n".getBytes(StandardCharsets.US_ASCII),
                SampleFiles.pdf());

        assertThat(refused(polyglot, TEN_MB).reason()).isEqualTo(DocumentRefused.Reason.DISGUISED);
    }

    @Test
    void aFileWithAZipArchiveAppendedIsAPolyglot() {
        assertThat(refused(SampleFiles.concat(SampleFiles.pdf(), SampleFiles.zip()), TEN_MB)
                        .reason())
                .isEqualTo(DocumentRefused.Reason.DISGUISED);
        assertThat(refused(SampleFiles.concat(SampleFiles.png(), SampleFiles.zip()), TEN_MB)
                        .reason())
                .isEqualTo(DocumentRefused.Reason.DISGUISED);
        assertThat(refused(SampleFiles.concat(SampleFiles.jpeg(), SampleFiles.zip()), TEN_MB)
                        .reason())
                .isEqualTo(DocumentRefused.Reason.DISGUISED);
    }

    @Test
    void aTruncatedFileIsRefused() {
        var png = SampleFiles.png();
        var jpeg = SampleFiles.jpeg();

        assertThat(refused(Arrays.copyOf(png, png.length - 5), TEN_MB).reason())
                .isEqualTo(DocumentRefused.Reason.DISGUISED);
        assertThat(refused(Arrays.copyOf(jpeg, jpeg.length - 2), TEN_MB).reason())
                .isEqualTo(DocumentRefused.Reason.DISGUISED);
        assertThat(refused("%PDF-1.4\n1 0 obj".getBytes(StandardCharsets.US_ASCII), TEN_MB)
                        .reason())
                .isEqualTo(DocumentRefused.Reason.DISGUISED);
    }

    @Test
    void aPngSignatureWithoutItsHeaderChunkIsNotAPng() {
        var png = SampleFiles.png();
        png[12] = 'X';

        assertThat(refused(png, TEN_MB).reason()).isEqualTo(DocumentRefused.Reason.NOT_ALLOWED);
    }
}
