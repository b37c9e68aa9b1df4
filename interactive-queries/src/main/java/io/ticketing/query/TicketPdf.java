package io.ticketing.query;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import io.ticketing.events.TicketIssued;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Renders a ticket as a one-page PDF with its QR code: ZXing draws the code, OpenPDF lays out the page.
 */
final class TicketPdf {

    /** QR modules are drawn at this many pixels; the PDF scales the image, so this only sets sharpness. */
    private static final int QR_PIXELS = 300;

    byte[] render(TicketIssued ticket) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A6);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Ticket " + ticket.ticketNumber());
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
            document.add(centered(new Paragraph("Ticket " + ticket.ticketNumber(), title)));
            document.add(centered(new Paragraph("Event " + ticket.eventId(), body)));
            document.add(centered(new Paragraph(
                    "Section " + ticket.section() + "  -  Seat " + ticket.seatNumber(), body)));
            if (ticket.issuedAt() != null) {
                document.add(centered(new Paragraph(
                        "Issued " + DateTimeFormatter.ISO_INSTANT.format(ticket.issuedAt()), body)));
            }
            Image qr = Image.getInstance(qrImage(ticket.qrCode()), null);
            qr.scaleToFit(180, 180);
            qr.setAlignment(Element.ALIGN_CENTER);
            document.add(qr);
            document.add(centered(new Paragraph(ticket.qrCode(), FontFactory.getFont(FontFactory.COURIER, 7))));
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("could not render the ticket PDF", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private static Paragraph centered(Paragraph paragraph) {
        paragraph.setAlignment(Element.ALIGN_CENTER);
        return paragraph;
    }

    /** The QR code as a black-and-white image. */
    static BufferedImage qrImage(String text) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, QR_PIXELS, QR_PIXELS,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("could not encode the QR code", e);
        }
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }
}
