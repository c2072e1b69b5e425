package io.procmem.executor.store;

import static io.procmem.executor.TestProcedures.procedure;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.CompiledProcedure;
import io.procmem.schemas.serde.AvroSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class ProcedureRecordsTest {
    private static final String TOPIC = "procmem.procedures";
    private static final String USER = "get_user_details(user_id)";
    private static final String RESERVATION = "get_reservation_details(reservation_id)";

    private final AvroSerde<CompiledProcedure> serde =
            AvroSerde.forValues(CompiledProcedure.class, "mock://procedure-records-test");
    private final Serializer<CompiledProcedure> serializer = serde.serializer();
    private final ProcedureIndex index = new ProcedureIndex();
    private final ProcedureRecords records = new ProcedureRecords(serde.deserializer(), index);
    private long offset;

    @Test
    void shouldHoldDecodedProcedureAndForgetItOnTombstone() {
        records.apply(record("p-1", serializer.serialize(TOPIC, procedure("p-1", 1, USER, RESERVATION))));
        assertThat(index.get("p-1")).isPresent();

        records.apply(record("p-1", null));

        assertThat(index.get("p-1")).isEmpty();
        assertThat(records.skipped()).isZero();
    }

    @Test
    void shouldSkipValueThatDoesNotDecodeAndKeepGoing() {
        records.apply(record("p-bad", new byte[] {0, 0, 0, 0, 1, 42}));
        records.apply(record("p-1", serializer.serialize(TOPIC, procedure("p-1", 1, USER, RESERVATION))));

        assertThat(records.skipped()).isEqualTo(1);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.get("p-bad")).isEmpty();
    }

    @Test
    void shouldSkipRecordWhoseKeyIsNotItsProcedureId() {
        records.apply(record("p-other", serializer.serialize(TOPIC, procedure("p-1", 1, USER, RESERVATION))));

        assertThat(records.skipped()).isEqualTo(1);
        assertThat(index.size()).isZero();
    }

    @Test
    void shouldSkipRecordWithoutKey() {
        records.apply(record(null, serializer.serialize(TOPIC, procedure("p-1", 1, USER, RESERVATION))));

        assertThat(records.skipped()).isEqualTo(1);
        assertThat(index.size()).isZero();
    }

    private ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(TOPIC, 0, offset++, key, value);
    }
}
