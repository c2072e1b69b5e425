package io.procmem.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.avro.AgentEvent;
import io.procmem.registry.RawHttp.Answer;
import io.procmem.schemas.registry.HttpSchemaRegistryClient;
import io.procmem.schemas.registry.SchemaRegistryException;
import io.procmem.schemas.serde.AvroSerde;
import io.procmem.schemas.serde.WireFormat;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegistryServerTest {
    static final String V1 = "{\"type\":\"record\",\"name\":\"Thing\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    static final String V2_NO_DEFAULT = "{\"type\":\"record\",\"name\":\"Thing\",\"fields\":["
            + "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}]}";

    static RegistryServer server;
    static RawHttp http;

    @BeforeAll
    static void start() {
        server = RegistryServer.start(new RegistryConfig(Map.of(RegistryConfig.PORT_CONFIG, "0")));
        http = new RawHttp(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String unique(String base) {
        return base + "-" + UUID.randomUUID();
    }

    @Test
    void shouldRoundTripAnAgentEventThroughProcmemsSerdeOverHttp() {
        String topic = unique("steps");
        AgentEvent event = AgentEvents.toolStep();
        AvroSerde<AgentEvent> writer = AvroSerde.forValues(AgentEvent.class,
                new HttpSchemaRegistryClient(server.url(), null, Duration.ofSeconds(5)));
        // A second client with an empty cache, so reading must fetch the writer's schema by id over HTTP.
        AvroSerde<AgentEvent> reader = AvroSerde.forValues(AgentEvent.class,
                new HttpSchemaRegistryClient(server.url(), null, Duration.ofSeconds(5)));

        byte[] bytes = writer.serializer().serialize(topic, event);
        AgentEvent read = reader.deserializer().deserialize(topic, bytes);

        assertThat(read).isEqualTo(event);
        Answer latest = http.get("/subjects/" + topic + "-value/versions/latest");
        assertThat(latest.json().path("id").asInt()).isEqualTo(WireFormat.schemaId(bytes));
        assertThat(latest.json().path("version").asInt()).isEqualTo(1);
        assertThat(latest.json().has("schemaType")).isFalse();
        assertThat(new Schema.Parser().parse(latest.json().path("schema").asText())).isEqualTo(AgentEvent.getClassSchema());
    }

    @Test
    void shouldAnswerIdLookupsThroughProcmemsClientAndRefuseUnknownSubjects() {
        String subject = unique("lookup");
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(server.url(), null, Duration.ofSeconds(5));
        int id = client.register(subject, AgentEvent.getClassSchema());

        HttpSchemaRegistryClient fresh = new HttpSchemaRegistryClient(server.url(), null, Duration.ofSeconds(5));
        assertThat(fresh.idOf(subject, AgentEvent.getClassSchema())).isEqualTo(id);
        assertThat(fresh.schemaById(id)).isEqualTo(AgentEvent.getClassSchema());
        assertThatThrownBy(() -> fresh.idOf(unique("missing"), AgentEvent.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void shouldAnswerTheRootAndSchemaTypesInTheRegistryContentType() {
        Answer root = http.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body()).isEqualTo("{}");
        assertThat(root.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(http.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void shouldNameTheProblemWhenTheBodyIsNotJson() {
        Answer answer = http.send("POST", "/subjects/" + unique("bad") + "/versions", "{\"schema\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).contains("not valid JSON");
    }

    @Test
    void shouldRefuseABodyWithoutSchemaOrWithInvalidAvroAs42201() {
        Answer missing = http.send("POST", "/subjects/" + unique("bad") + "/versions", "{\"schemaType\":\"AVRO\"}");
        Answer invalid = http.send("POST", "/subjects/" + unique("bad") + "/versions", RawHttp.schemaBody("{\"type\":\"nope\"}"));

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorCode()).isEqualTo(42201);
        assertThat(missing.json().path("message").asText()).contains("\"schema\"");
        assertThat(invalid.errorCode()).isEqualTo(42201);
        assertThat(invalid.json().path("message").asText()).contains("nope");
    }

    @Test
    void shouldRefuseOtherSchemaTypesAndReferencesSayingWhatIsSupported() {
        String subject = "/subjects/" + unique("unsupported") + "/versions";
        Answer protobuf = http.send("POST", subject, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
        Answer references = http.send("POST", subject, "{\"schema\":\"\\\"string\\\"\",\"references\":"
                + "[{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]}");

        assertThat(protobuf.status()).isEqualTo(422);
        assertThat(protobuf.json().path("message").asText()).contains("PROTOBUF").contains("only AVRO");
        assertThat(references.status()).isEqualTo(422);
        assertThat(references.json().path("message").asText()).contains("references");
    }

    @Test
    void shouldAnswer40401ForAnUnknownSubjectAnd42202ForABadVersion() {
        String subject = unique("nobody");
        assertThat(http.get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/" + subject + "/versions/latest").errorCode()).isEqualTo(40401);
        http.send("POST", "/subjects/" + subject + "/versions", RawHttp.schemaBody(V1));
        assertThat(http.get("/subjects/" + subject + "/versions/zero").errorCode()).isEqualTo(42202);
        assertThat(http.get("/subjects/" + subject + "/versions/9").errorCode()).isEqualTo(40402);
        assertThat(http.get("/schemas/ids/999999").errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWith409AndSayWhy() {
        String subject = unique("evolving");
        http.send("POST", "/subjects/" + subject + "/versions", RawHttp.schemaBody(V1));

        Answer check = http.send("POST", "/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
                RawHttp.schemaBody(V2_NO_DEFAULT));
        Answer refused = http.send("POST", "/subjects/" + subject + "/versions", RawHttp.schemaBody(V2_NO_DEFAULT));

        assertThat(check.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(check.json().path("messages").toString()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo(409);
        assertThat(refused.json().path("message").asText()).contains("incompatible").contains(subject);
    }

    @Test
    void shouldRegisterIdempotentlyAndServeEveryReadEndpoint() {
        String subject = "team/" + unique("orders");
        String path = "/subjects/" + subject.replace("/", "%2F");
        int id = http.send("POST", path + "/versions?normalize=false", RawHttp.schemaBody(V1)).json().path("id").asInt();
        Answer again = http.send("POST", path + "/versions", RawHttp.schemaBody(V1));

        assertThat(again.json().path("id").asInt()).isEqualTo(id);
        assertThat(http.get("/subjects").json().toString()).contains(subject);
        assertThat(http.get(path + "/versions").body()).isEqualTo("[1]");
        assertThat(http.get(path + "/versions/1").json().path("subject").asText()).isEqualTo(subject);
        assertThat(http.get(path + "/versions/1/schema").json().path("name").asText()).isEqualTo("Thing");
        assertThat(http.send("POST", path, RawHttp.schemaBody(V1)).json().path("version").asInt()).isEqualTo(1);
        assertThat(http.get("/schemas/ids/" + id + "?subject=whatever").json().path("schema").asText()).contains("Thing");
        assertThat(http.get("/schemas/ids/" + id + "/subjects").json().toString()).contains(subject);
        assertThat(http.get("/schemas/ids/" + id + "/versions").json().toString())
                .contains("\"subject\":\"" + subject + "\",\"version\":1");
    }

    @Test
    void shouldKeepSubjectLevelsApartFromTheGlobalOne() {
        String subject = unique("configured");
        assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);

        Answer put = http.send("PUT", "/config/" + subject, "{\"compatibility\":\"none\"}");
        assertThat(put.json().path("compatibility").asText()).isEqualTo("NONE");
        assertThat(http.get("/config/" + subject).json().path("compatibilityLevel").asText()).isEqualTo("NONE");
        http.send("POST", "/subjects/" + subject + "/versions", RawHttp.schemaBody(V1));
        assertThat(http.send("POST", "/subjects/" + subject + "/versions", RawHttp.schemaBody(V2_NO_DEFAULT)).status())
                .isEqualTo(200);
        assertThat(http.send("PUT", "/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}").errorCode()).isEqualTo(42203);

        assertThat(http.send("DELETE", "/config/" + subject, null).json().path("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").json().path("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
    }

    @Test
    void shouldSoftDeleteASubjectAndKeepItsSchemaReadableById() {
        String subject = unique("doomed");
        int id = http.send("POST", "/subjects/" + subject + "/versions", RawHttp.schemaBody(V1)).json().path("id").asInt();

        Answer deleted = http.send("DELETE", "/subjects/" + subject, null);

        assertThat(deleted.body()).isEqualTo("[1]");
        assertThat(http.get("/subjects").json().toString()).doesNotContain(subject);
        assertThat(http.get("/subjects?deleted=true").json().toString()).contains(subject);
        assertThat(http.get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer404WithAnErrorBodyForAnUnknownPathAnd405ForAWrongMethod() {
        Answer unknown = http.get("/no/such/thing");
        Answer wrongMethod = http.send("PATCH", "/subjects", "{}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().path("message").asText()).contains("GET");
    }

    @Test
    void shouldNameThePortWhenItIsTaken() {
        Map<String, String> samePort = Map.of(RegistryConfig.PORT_CONFIG, Integer.toString(server.port()));

        assertThatThrownBy(() -> RegistryServer.start(new RegistryConfig(samePort)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port " + server.port())
                .hasMessageContaining("taken by another process")
                .hasMessageContaining("set port");
    }
}
