package org.kaifang.register;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.kaifang.licensing.LicenceKind;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.LicensedService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bilingual PDF certificates of licences and pilot approvals, with a QR code pointing to the licence's public
 * verification page: the page, not the paper, says whether the licence is still in force, so a revoked licence's
 * certificate verifies as revoked.
 *
 * <p>Chinese text needs a CJK font embedded in the PDF. Kaifang uses Noto Sans CJK from Debian's {@code
 * fonts-noto-cjk} (configurable with {@code kaifang.register.certificate-font}, a {@code .ttc} with its face index
 * after a comma, or a {@code .ttf}/{@code .otf}); without it, asking for a certificate fails with a message that says
 * what to install, rather than printing empty boxes.
 */
@Component
public class Certificates {

    /** Face 2 of Debian's NotoSansCJK-Regular.ttc is the Simplified Chinese one. */
    public static final String DEFAULT_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2";

    private final String font;

    Certificates(@Value("${kaifang.register.certificate-font:" + DEFAULT_FONT + "}") String font) {
        this.font = font;
    }

    /** The configured CJK font, when its file is there. */
    public boolean fontAvailable() {
        return Files.isReadable(Path.of(fontFile(font)));
    }

    /** Writes the certificate of {@code licence} to {@code out}, its QR code pointing to {@code verificationUrl}. */
    public void write(LicenceView licence, String verificationUrl, OutputStream out) {
        if (!fontAvailable()) {
            throw new MissingFont(font);
        }
        BaseFont base;
        try {
            base = BaseFont.createFont(font, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new MissingFont(font, e);
        }
        var title = new Font(base, 20, Font.BOLD);
        var subtitle = new Font(base, 12);
        var label = new Font(base, 9, Font.NORMAL, new Color(0x50, 0x5a, 0x5f));
        var value = new Font(base, 11);
        var warning = new Font(base, 14, Font.BOLD, new Color(0xb1, 0x0e, 0x1e));
        var document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            var writer = PdfWriter.getInstance(document, out);
            document.addTitle(title(licence) + " " + (licence.number() == null ? "" : licence.number()));
            document.addCreator("Kaifang");
            document.open();
            if (licence.synthetic()) {
                var banner = new Paragraph("合成演示数据 / SYNTHETIC DEMO DATA — 非真实许可 / not a real licence", warning);
                banner.setAlignment(Element.ALIGN_CENTER);
                document.add(banner);
            }
            var heading = new Paragraph(title(licence), title);
            heading.setAlignment(Element.ALIGN_CENTER);
            document.add(heading);
            var english = new Paragraph(
                    licence.kind() == LicenceKind.PILOT_APPROVAL
                            ? "Approval under the pilot for opening up value-added telecom services"
                            : "Telecommunications Business Operating Licence",
                    subtitle);
            english.setAlignment(Element.ALIGN_CENTER);
            english.setSpacingAfter(18);
            document.add(english);

            var table = new PdfPTable(new float[] {2.2f, 5f});
            table.setWidthPercentage(100);
            row(table, "许可证编号 Licence number", licence.number() == null ? "无编号 none" : licence.number(), label, value);
            row(
                    table,
                    "公司名称 Company",
                    licence.holder() + (licence.holderEn() == null ? "" : "\n" + licence.holderEn()),
                    label,
                    value);
            row(table, "统一社会信用代码 USCC", text(licence.uscc()), label, value);
            row(table, "法定代表人 Legal representative", text(licence.legalRepresentative()), label, value);
            row(table, "业务种类 Services", services(licence), label, value);
            row(table, "发证机关 Issuing authority", licence.authority(), label, value);
            row(table, "发证日期 Issued on", licence.issuedOn().toString(), label, value);
            row(
                    table,
                    "有效期 Valid",
                    licence.validFrom() + " – " + (licence.validUntil() == null ? "—" : licence.validUntil()),
                    label,
                    value);
            if (!licence.conditions().isEmpty()) {
                row(table, "特别规定事项 Special conditions", String.join("\n", licence.conditions()), label, value);
            }
            document.add(table);

            var qr = new Paragraph(
                    "扫描二维码核验许可证的当前状态 · Scan to verify the licence's current status:\n" + verificationUrl, label);
            qr.setSpacingBefore(18);
            document.add(qr);
            drawQr(writer, verificationUrl, document.left(), 90, 140);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the certificate of " + licence.id(), e);
        }
    }

    private static String title(LicenceView licence) {
        return licence.kind() == LicenceKind.PILOT_APPROVAL ? "增值电信业务扩大对外开放试点批复" : "中华人民共和国电信业务经营许可证";
    }

    private static String services(LicenceView licence) {
        return licence.services().stream()
                .map(s -> s.key() + "  " + coverage(s))
                .collect(Collectors.joining("\n"));
    }

    private static String coverage(LicensedService s) {
        return s.coverage().stream()
                .map(c -> "CN".equals(c) ? "全国 nationwide" : c)
                .collect(Collectors.joining(", "));
    }

    private static String text(@org.jspecify.annotations.Nullable String value) {
        return value == null ? "—" : value;
    }

    private static void row(PdfPTable table, String name, String content, Font label, Font value) {
        var left = new PdfPCell(new Phrase(name, label));
        left.setPadding(6);
        left.setBorderColor(new Color(0xb1, 0xb4, 0xb6));
        var right = new PdfPCell(new Phrase(content, value));
        right.setPadding(6);
        right.setBorderColor(new Color(0xb1, 0xb4, 0xb6));
        table.addCell(left);
        table.addCell(right);
    }

    /** The QR code drawn as vector squares, {@code size} points wide, its lower left corner at {@code x, y}. */
    private static void drawQr(PdfWriter writer, String url, float x, float y, float size) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            url,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            var canvas = writer.getDirectContent();
            var module = size / matrix.getWidth();
            canvas.setColorFill(Color.BLACK);
            for (int row = 0; row < matrix.getHeight(); row++) {
                for (int column = 0; column < matrix.getWidth(); column++) {
                    if (matrix.get(column, row)) {
                        canvas.rectangle(x + column * module, y + size - (row + 1) * module, module, module);
                    }
                }
            }
            canvas.fill();
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode " + url + " as a QR code", e);
        }
    }

    private static String fontFile(String font) {
        var comma = font.lastIndexOf(',');
        return comma > 0
                        && font.substring(0, comma)
                                .toLowerCase(java.util.Locale.ROOT)
                                .endsWith(".ttc")
                ? font.substring(0, comma)
                : font;
    }

    /** No CJK font where the configuration says: certificates cannot be made until one is installed. */
    public static final class MissingFont extends RuntimeException {

        MissingFont(String font) {
            super(message(font));
        }

        MissingFont(String font, Exception cause) {
            super(message(font) + " (" + cause.getMessage() + ")", cause);
        }

        private static String message(String font) {
            return "No usable CJK font at " + font + " for licence certificates: install Debian's fonts-noto-cjk, or"
                    + " set kaifang.register.certificate-font to a .ttc (with ',index'), .ttf or .otf font with"
                    + " Chinese characters";
        }
    }
}
