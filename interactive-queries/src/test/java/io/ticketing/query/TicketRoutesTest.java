package io.ticketing.query;

import static io.ticketing.query.ProblemAnswersTest.assertProblem;
import static io.ticketing.query.ProblemAnswersTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.ticketing.events.TicketIssued;
import io.ticketing.serdes.Json;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.TicketCodes;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ticket checks at the gate and the ticket PDF; the ticket lives on another instance. */
class TicketRoutesTest {

    private final TestInstance gate = new TestInstance();
    private final TestInstance owner = new TestInstance();
    private final TicketIssued ticket = Views.ticket("res-1", TestInstance.SECRET);

    @BeforeEach
    void issue() {
        owner.stores.put(StoreNames.TICKETS, ticket.ticketId(), ticket);
        gate.cluster.locations.put(StoreNames.TICKETS, KeyLocation.of(0, owner.host()));
        owner.cluster.locations.put(StoreNames.TICKETS, KeyLocation.of(0, owner.host()));
    }

    @AfterEach
    void close() {
        gate.close();
        owner.close();
    }

    @Test
    void aGenuineIssuedTicketIsValid() throws Exception {
        HttpResponse<String> response = gate.get("/tickets/verify/" + ticket.qrCode());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("valid").asBoolean()).isTrue();
        assertThat(body.get("ticketNumber").asText()).isEqualTo(ticket.ticketNumber());
        assertThat(body.get("seatId").asText()).isEqualTo(ticket.seatId());
    }

    @Test
    void aForgedCodeIsRefusedWithoutTouchingAnyStore() throws Exception {
        String forged = new TicketCodes("another-secret").qrCode(ticket.ticketNumber());

        HttpResponse<String> response = gate.get("/tickets/verify/" + forged);

        assertProblem(response, 403);
        assertThat(problem(response).get("valid").asBoolean()).isFalse();
        assertThat(problem(response).get("reason").asText()).isEqualTo("forged");
        assertThat(gate.forwarded).isEmpty();
        assertThat(owner.stores.reads).hasValue(0);
    }

    @Test
    void aTamperedCodeIsForged() throws Exception {
        String qr = ticket.qrCode();
        String tampered = qr.substring(0, qr.length() - 1) + (qr.endsWith("A") ? "B" : "A");

        assertProblem(gate.get("/tickets/verify/" + tampered), 403);
        assertProblem(gate.get("/tickets/verify/not-a-code"), 403);
    }

    @Test
    void aCorrectlySignedCodeForATicketNeverIssuedIsNotValid() throws Exception {
        TicketCodes codes = new TicketCodes(TestInstance.SECRET);
        String neverIssued = codes.qrCode(TicketCodes.ticketNumber("res-unknown", Views.AT));

        HttpResponse<String> response = gate.get("/tickets/verify/" + neverIssued);

        assertProblem(response, 404);
        assertThat(problem(response).get("reason").asText()).isEqualTo("not-issued");
    }

    @Test
    void theTicketItselfIsServedFromItsOwner() throws Exception {
        HttpResponse<String> response = gate.get("/tickets/" + ticket.ticketId());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readValue(response.body(), TicketIssued.class)).isEqualTo(ticket);
    }

    @Test
    void thePdfIsAValidPdfCarryingTheTicketAndItsQrCode() throws Exception {
        HttpResponse<byte[]> response = gate.getBytes(ticket.pdfPath());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        byte[] pdf = response.body();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains(ticket.ticketNumber()).contains(ticket.seatNumber());
        assertThat(decodeTheQrImage(reader)).isEqualTo(ticket.qrCode());
    }

    @Test
    void thePdfOfAnUnknownTicketIs404() throws Exception {
        owner.stores.activeStore(StoreNames.TICKETS);
        assertProblem(gate.get(TicketCodes.pdfPath("00000000-0000-0000-0000-000000000000")), 404);
    }

    /** Finds the image on page 1 and reads it back with ZXing: the PDF really carries the code. */
    private static String decodeTheQrImage(PdfReader reader) throws Exception {
        for (int i = 0; i < reader.getXrefSize(); i++) {
            PdfObject object = reader.getPdfObject(i);
            if (object instanceof PRStream stream && PdfName.IMAGE.equals(stream.get(PdfName.SUBTYPE))) {
                PdfDictionary dict = stream;
                int width = dict.getAsNumber(PdfName.WIDTH).intValue();
                int height = dict.getAsNumber(PdfName.HEIGHT).intValue();
                byte[] raw = PdfReader.getStreamBytes(stream);
                int components = raw.length / (width * height);
                int[] argb = new int[width * height];
                for (int p = 0; p < argb.length; p++) {
                    int r = raw[p * components] & 0xff;
                    int g = raw[p * components + (components == 3 ? 1 : 0)] & 0xff;
                    int b = raw[p * components + (components == 3 ? 2 : 0)] & 0xff;
                    argb[p] = 0xff000000 | (r << 16) | (g << 8) | b;
                }
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(width, height, argb)))).getText();
            }
        }
        throw new AssertionError("no image in the PDF");
    }
}
