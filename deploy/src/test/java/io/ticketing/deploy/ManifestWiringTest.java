package io.ticketing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.app.AppSettings;
import io.ticketing.app.HttpSecuritySettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The manifests fit the app: a pod's environment, rendered as the kubelet would (ConfigMap, field
 * references, {@code $(VAR)} expansion, the secret), is accepted by {@link AppSettings} and gives
 * the port the probes and Services use, the pod's stable DNS name as APPLICATION_SERVER, a state
 * directory on the persistent volume and standby replicas; selectors find the pods.
 */
class ManifestWiringTest {

    static final String POD = "ticketing-1";
    static final String NAMESPACE = "shop";
    static final String SECRET_VALUE = "a-test-secret-of-32-characters!!";

    static Manifests manifests;
    static JsonNode statefulSet;
    static JsonNode pod;
    static JsonNode container;

    @BeforeAll
    static void load() {
        manifests = Manifests.load();
        statefulSet = manifests.one("StatefulSet", "ticketing");
        pod = statefulSet.path("spec").path("template");
        container = pod.path("spec").path("containers").get(0);
    }

    @Test
    void theRenderedEnvironmentIsOneTheAppAcceptsAndWiresThePodsIdentity() {
        Map<String, String> env = renderedEnvironment();

        AppSettings settings = AppSettings.from(env);

        assertThat(settings.httpPort()).isEqualTo(containerPort("http"));
        String headless = statefulSet.path("spec").path("serviceName").asString();
        assertThat(settings.applicationServer())
                .isEqualTo(POD + "." + headless + "." + NAMESPACE + ".svc:" + containerPort("http"));
        assertThat(settings.embedded()).as("a real cluster, not the embedded broker").isFalse();
        assertThat(settings.demo()).isFalse();
        assertThat(settings.ticketSecret()).contains(SECRET_VALUE);
        assertThat(settings.kafkaProperties()).containsEntry("num.standby.replicas", "1");
        assertThat(Integer.parseInt(settings.kafkaProperties().get("replication.factor"))).isGreaterThan(1);
        assertThat(settings.stateDir().startsWith(Path.of(volumeMount("data"))))
                .as("STATE_DIR %s is on the data volume", settings.stateDir()).isTrue();
    }

    @Test
    void everyVariableIsOneTheAppReads() throws Exception {
        Set<String> read = settingNames();
        Set<String> helpers = Set.of("POD_NAME", "POD_NAMESPACE");
        for (String name : renderedEnvironment().keySet()) {
            if (helpers.contains(name)) {
                continue;
            }
            assertThat(read.contains(name) || name.startsWith("KAFKA_")
                    || name.startsWith(AppSettings.TOPIC_PREFIX))
                    .as("%s is a setting AppSettings reads (or a KAFKA_ client property)", name).isTrue();
        }
    }

    @Test
    void probesAskTheHealthRoutesOnTheHttpPort() {
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asString()).isEqualTo("/health/ready");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asString()).isEqualTo("/health/live");
        assertThat(container.path("startupProbe").path("httpGet").path("path").asString()).isEqualTo("/health/live");
        for (String probe : new String[] {"readinessProbe", "livenessProbe", "startupProbe"}) {
            assertThat(container.path(probe).path("httpGet").path("port").asString()).as(probe).isEqualTo("http");
        }
        // The liveness probe may not give up before the app could have closed and restarted cleanly.
        JsonNode live = container.path("livenessProbe");
        assertThat(live.path("periodSeconds").asInt() * live.path("failureThreshold").asInt()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void servicesAndTheBudgetSelectThePodsAndReachTheHttpPort() {
        Map<String, String> podLabels = labels(pod.path("metadata").path("labels"));
        assertThat(labels(statefulSet.path("spec").path("selector").path("matchLabels"))).isEqualTo(podLabels);

        JsonNode headless = manifests.one("Service", statefulSet.path("spec").path("serviceName").asString());
        assertThat(headless.path("spec").path("clusterIP").asString()).isEqualTo("None");
        assertThat(headless.path("spec").path("publishNotReadyAddresses").asBoolean()).isTrue();
        // APPLICATION_SERVER carries the container port: the headless Service publishes that same port.
        assertThat(headless.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(containerPort("http"));

        for (JsonNode service : manifests.all("Service")) {
            assertThat(podLabels).containsAllEntriesOf(labels(service.path("spec").path("selector")));
            service.path("spec").path("ports").forEach(port ->
                    assertThat(port.path("targetPort").asString()).isEqualTo("http"));
        }
        JsonNode budget = manifests.one("PodDisruptionBudget", "ticketing");
        assertThat(podLabels).containsAllEntriesOf(labels(budget.path("spec").path("selector").path("matchLabels")));
        assertThat(budget.path("spec").path("maxUnavailable").asInt())
                .isLessThan(statefulSet.path("spec").path("replicas").asInt());
    }

    @Test
    void theStateVolumeIsAClaimPerPodAndRunsAsTheImagesUser() throws Exception {
        JsonNode claim = statefulSet.path("spec").path("volumeClaimTemplates").get(0);
        assertThat(claim.path("metadata").path("name").asString()).isEqualTo("data");
        assertThat(claim.path("spec").path("resources").path("requests").path("storage").asString()).isNotEmpty();
        assertThat(container.path("resources").path("requests").path("cpu").asString()).isNotEmpty();
        assertThat(container.path("resources").path("requests").path("memory").asString()).isNotEmpty();

        String dockerfile = Files.readString(Path.of("..", "Dockerfile"));
        Matcher uid = Pattern.compile("--uid (\\d+)").matcher(dockerfile);
        assertThat(uid.find()).isTrue();
        assertThat(pod.path("spec").path("securityContext").path("runAsUser").asString()).isEqualTo(uid.group(1));
        assertThat(pod.path("spec").path("securityContext").path("fsGroup").asString()).isEqualTo(uid.group(1));
    }

    /** The container's environment as the kubelet gives it to {@link #POD} in {@link #NAMESPACE}. */
    static Map<String, String> renderedEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String name = source.path("configMapRef").path("name").asString();
            manifests.one("ConfigMap", name).path("data").properties()
                    .forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asString();
            JsonNode from = variable.path("valueFrom");
            if (variable.has("value")) {
                env.put(name, expand(variable.path("value").asString(), env));
            } else if (from.has("fieldRef")) {
                String field = from.path("fieldRef").path("fieldPath").asString();
                env.put(name, switch (field) {
                    case "metadata.name" -> POD;
                    case "metadata.namespace" -> NAMESPACE;
                    default -> throw new AssertionError("unexpected field reference " + field);
                });
            } else if (from.has("secretKeyRef")) {
                assertThat(from.path("secretKeyRef").path("name").asString()).isNotEmpty();
                String key = from.path("secretKeyRef").path("key").asString();
                assertThat(key).isNotEmpty();
                // What README's `kubectl create secret` puts under each key.
                env.put(name, key.equals("api-keys") ? "k-" + SECRET_VALUE + ":ops:ops-team" : SECRET_VALUE);
            } else {
                throw new AssertionError("unexpected variable " + variable);
            }
        }
        return env;
    }

    /** Kubernetes' dependent variables: $(NAME) of a variable defined earlier. */
    static String expand(String value, Map<String, String> defined) {
        Matcher m = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            assertThat(defined).as("$(%s) is defined before it is used", name).containsKey(name);
            m.appendReplacement(out, Matcher.quoteReplacement(defined.get(name)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static int containerPort(String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asString().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port " + name);
    }

    static String volumeMount(String name) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("name").asString().equals(name)) {
                return mount.path("mountPath").asString();
            }
        }
        throw new AssertionError("no volume mount " + name);
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        return labels;
    }

    /** The setting names AppSettings declares (its public String constants). */
    static Set<String> settingNames() throws IllegalAccessException {
        Set<String> names = new HashSet<>();
        for (Field field : AppSettings.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        names.addAll(HttpSecuritySettings.NAMES);
        return names;
    }
}
