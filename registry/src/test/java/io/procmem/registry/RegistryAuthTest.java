package io.procmem.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.avro.AgentEvent;
import io.procmem.schemas.registry.HttpSchemaRegistryClient;
import io.procmem.schemas.registry.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A registry with write credentials: writes need them, reads do not, and clients send them from the URL. */
class RegistryAuthTest {
    private static final String SECRET = "s3cr:et/+%";
    private static RegistryServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = RegistryServer.start(new RegistryConfig(Map.of(RegistryConfig.PORT_CONFIG, "0",
                RegistryConfig.BASIC_AUTH_USER_INFO_CONFIG, "procmem:" + SECRET)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldRefuseAWriteWithoutOrWithWrongCredentialsAndChangeNothing() throws Exception {
        String subject = "auth-" + UUID.randomUUID();

        HttpResponse<String> anonymous = register(subject, null);
        HttpResponse<String> wrong = register(subject, "procmem:guess");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("40101").contains("basic auth");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(get("/subjects/" + subject + "/versions").statusCode()).as("nothing registered").isEqualTo(404);
        assertThat(register(subject, "procmem:" + SECRET).statusCode()).isEqualTo(200);
        assertThat(get("/subjects/" + subject + "/versions").statusCode()).as("reads need no credentials").isEqualTo(200);
    }

    @Test
    void shouldSendCredentialsGivenInTheUrlAndNeverShowThem() {
        String base = server.url();
        String withCredentials = base.replace("http://", "http://procmem:" + SECRET.replace("%", "%25")
                .replace(":", "%3A").replace("/", "%2F").replace("+", "%2B") + "@");
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(withCredentials, null, Duration.ofSeconds(5));

        int id = client.register("url-" + UUID.randomUUID(), AgentEvent.getClassSchema());

        assertThat(id).isPositive();
        assertThat(client.url()).isEqualTo(base);
        HttpSchemaRegistryClient anonymous = new HttpSchemaRegistryClient(base, null, Duration.ofSeconds(5));
        assertThatThrownBy(() -> anonymous.register("url-" + UUID.randomUUID(), AgentEvent.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain(SECRET);
                });
    }

    @Test
    void shouldRejectCredentialsThatAreNotUserColonPassword() {
        assertThatThrownBy(() -> new RegistryConfig(Map.of(RegistryConfig.BASIC_AUTH_USER_INFO_CONFIG, "just-a-token"))
                .writeCredentials()).isInstanceOf(ConfigException.class)
                .hasMessageContaining(RegistryConfig.BASIC_AUTH_USER_INFO_CONFIG).hasMessageNotContaining("just-a-token");
    }

    private HttpResponse<String> register(String subject, String userInfo) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\": \"\\\"string\\\"\"}"));
        if (userInfo != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
