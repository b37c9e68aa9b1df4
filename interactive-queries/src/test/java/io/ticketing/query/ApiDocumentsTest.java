package io.ticketing.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.events.TicketIssued;
import io.ticketing.serdes.Json;
import io.ticketing.topology.TopicNames;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /openapi.json} lists exactly the public routes; {@code /asyncapi.json} every topic; {@code /docs} loads. */
class ApiDocumentsTest {

    /** Served by the static-file handler (the console), not by a route. */
    private static final Set<String> STATIC = Set.of("/");
    private static final Pattern PARAM = Pattern.compile("\\{[^}]+}");

    private final TestInstance instance = new TestInstance();

    @AfterEach
    void close() {
        instance.close();
    }

    @Test
    void everyPublicRouteHasAnOpenApiEntryAndEveryEntryIsServedByARoute() throws Exception {
        JsonNode doc = json(instance.get("/openapi.json"));
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fieldNames().forEachRemaining(documented::add);
        Set<String> routes = instance.server.getRoutes().stream()
                .filter(path -> !path.startsWith("/internal/"))
                .collect(Collectors.toCollection(TreeSet::new));

        // Every route is documented under its own template...
        assertThat(documented).containsAll(routes);
        // ...and every documented path is served: by a route (e.g. /tickets/{ticketId}.pdf by
        // /tickets/{ticketId}), or by the console's static files.
        List<String> unserved = new ArrayList<>();
        for (String path : documented) {
            String sample = PARAM.matcher(path).replaceAll("x1");
            boolean served = STATIC.contains(path) || routes.stream().anyMatch(route -> matches(route, sample));
            if (!served) {
                unserved.add(path);
            }
        }
        assertThat(unserved).as("documented paths no route serves").isEmpty();
    }

    @Test
    void everyDocumentedOperationNamesItsStatusCodesAndProblemsHaveTheProblemSchema() throws Exception {
        JsonNode doc = json(instance.get("/openapi.json"));
        doc.get("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().get("get");
            assertThat(get).as(path.getKey()).isNotNull();
            assertThat(get.get("responses").size()).as(path.getKey()).isPositive();
            PARAM.matcher(path.getKey()).results().map(m -> m.group().substring(1, m.group().length() - 1))
                    .forEach(name -> assertThat(get.get("parameters").findValuesAsText("name"))
                            .as(path.getKey()).contains(name));
        });
        doc.get("components").get("responses").forEach(problem -> assertThat(
                problem.get("content").get("application/problem+json").get("schema").get("$ref").asText())
                .isEqualTo("#/components/schemas/Problem"));
    }

    @Test
    void theAsyncApiDocumentDescribesEveryTopicWithItsRecordsFields() throws Exception {
        JsonNode doc = json(instance.get("/asyncapi.json"));
        assertThat(doc.get("asyncapi").asText()).isEqualTo("3.0.0");
        TopicNames topics = TopicNames.defaults();
        List<String> addresses = new ArrayList<>();
        doc.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(
                Stream.concat(topics.inputs().stream(), topics.outputs().stream()).toList());

        JsonNode ticket = doc.get("components").get("schemas").get("TicketIssued").get("properties");
        List<String> fields = new ArrayList<>();
        ticket.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(
                Arrays.stream(TicketIssued.class.getRecordComponents()).map(RecordComponent::getName).toList());
        assertThat(ticket.get("issuedAt").get("format").asText()).isEqualTo("date-time");
        assertThat(doc.get("operations").has("send-ticketIssued")).isTrue();
        assertThat(doc.get("operations").has("receive-paymentSucceeded")).isTrue();
    }

    @Test
    void theDocsPageLoadsSwaggerUiFromTheJar() throws Exception {
        HttpResponse<String> page = instance.get("/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher script = Pattern.compile("src=\"(/webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\"").matcher(page.body());
        assertThat(script.find()).as(page.body()).isTrue();
        assertThat(instance.get(script.group(1)).statusCode()).isEqualTo(200);
        assertThat(instance.get("/docs.js").statusCode()).isEqualTo(200);
    }

    private static boolean matches(String route, String sample) {
        String regex = Arrays.stream(route.split("\\{[^}]+}", -1)).map(Pattern::quote)
                .collect(Collectors.joining("[^/]+"));
        return sample.matches(regex);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }
}
