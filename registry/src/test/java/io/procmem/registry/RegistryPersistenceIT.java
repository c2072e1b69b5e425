package io.procmem.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.ExecutionReport;
import io.procmem.registry.RawHttp.Answer;
import io.procmem.testkit.SharedKafka;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class RegistryPersistenceIT {

    private static RegistryConfig config(String topic) {
        return new RegistryConfig(Map.of(RegistryConfig.PORT_CONFIG, "0",
                RegistryConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                RegistryConfig.KAFKASTORE_TOPIC_CONFIG, topic));
    }

    private static int register(RawHttp http, String subject, String schema) {
        Answer answer = http.send("POST", "/subjects/" + subject + "/versions", RawHttp.schemaBody(schema));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("id").asInt();
    }

    @Test
    void shouldKeepIdsVersionsLevelsAndDeletesAcrossARestart() throws Exception {
        String topic = SharedKafka.uniqueTopic("schemas");
        String events = AgentEvent.getClassSchema().toString();
        String reports = ExecutionReport.getClassSchema().toString();
        int eventsId;
        int reportsId;
        try (RegistryServer first = RegistryServer.start(config(topic))) {
            RawHttp http = new RawHttp(first.url());
            eventsId = register(http, "steps-value", events);
            reportsId = register(http, "executions-value", reports);
            register(http, "copy-value", events);
            http.send("PUT", "/config/steps-value", "{\"compatibility\":\"FULL\"}");
            http.send("DELETE", "/subjects/copy-value", null);
        }

        try (RegistryServer second = RegistryServer.start(config(topic))) {
            RawHttp http = new RawHttp(second.url());
            assertThat(http.get("/subjects/steps-value/versions/1").json().path("id").asInt()).isEqualTo(eventsId);
            assertThat(http.get("/subjects/executions-value/versions/latest").json().path("id").asInt()).isEqualTo(reportsId);
            assertThat(http.get("/config/steps-value").json().path("compatibilityLevel").asText()).isEqualTo("FULL");
            assertThat(http.get("/subjects").json().toString()).doesNotContain("copy-value");
            assertThat(http.get("/subjects/copy-value/versions?deleted=true").body()).isEqualTo("[1]");
            assertThat(register(http, "steps-value", events)).isEqualTo(eventsId);
            // A new schema must get a fresh id, never one handed out before the restart.
            assertThat(register(http, "other-value", "\"string\"")).isGreaterThan(Math.max(eventsId, reportsId));
        }

        try (Admin admin = SharedKafka.admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String policy = admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value();
            assertThat(description.partitions()).hasSize(1);
            assertThat(policy).isEqualTo("compact");
        }
    }

    @Test
    void shouldRefuseAStoreTopicThatRetentionWouldEmpty() {
        String topic = SharedKafka.uniqueTopic("not-compacted");
        SharedKafka.createTopics(1, topic);

        assertThatThrownBy(() -> RegistryServer.start(config(topic)))
                .hasMessageContaining(topic).hasMessageContaining("cleanup.policy=delete");
    }
}
