package io.procmem.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaStoreTest {
    static final String V1 = record("{\"name\":\"a\",\"type\":\"string\"}");
    static final String V2_WITH_DEFAULT =
            record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}");
    static final String V3_NO_DEFAULT = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\"}");
    static final String OTHER = "{\"type\":\"record\",\"name\":\"Other\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}";

    private final List<StoreChange> logged = new ArrayList<>();
    private final SchemaStore store = new SchemaStore(CompatibilityLevel.BACKWARD, logged::addAll);

    static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"test\",\"fields\":[" + fields + "]}";
    }

    @Test
    void shouldGiveTheSameIdToTheSameSchemaInEverySubject() {
        RegisteredSchema first = store.register("a-value", V1);
        RegisteredSchema second = store.register("b-value", "  " + V1.replace(",", " , "));
        RegisteredSchema other = store.register("c-value", OTHER);

        assertThat(second.id()).isEqualTo(first.id()).isEqualTo(1);
        assertThat(other.id()).isEqualTo(2);
        assertThat(store.schemaById(1)).isEqualTo(first.schema());
        assertThat(store.usagesOf(1, false)).extracting(RegisteredSchema::subject).containsExactly("a-value", "b-value");
    }

    @Test
    void shouldReturnTheExistingVersionWhenTheSameSchemaIsRegisteredAgain() {
        RegisteredSchema first = store.register("s", V1);
        RegisteredSchema again = store.register("s", V1);

        assertThat(again).isEqualTo(first);
        assertThat(store.versions("s", false)).containsExactly(1);
        assertThat(logged).hasSize(1);
    }

    @Test
    void shouldNumberVersionsPerSubjectAndAnswerLatest() {
        store.register("s", V1);
        RegisteredSchema second = store.register("s", V2_WITH_DEFAULT);

        assertThat(second.version()).isEqualTo(2);
        assertThat(store.version("s", SchemaStore.LATEST, false)).isEqualTo(second);
        assertThat(store.version("s", 1, false).schema()).isEqualTo(store.schemaById(1));
        assertThat(store.lookup("s", V2_WITH_DEFAULT, false).version()).isEqualTo(2);
        assertThatThrownBy(() -> store.version("s", 3, false)).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40402));
        assertThatThrownBy(() -> store.versions("nope", false)).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> store.lookup("s", OTHER, false)).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(40403));
    }

    @Test
    void shouldRefuseABackwardIncompatibleSchemaAndWriteNothing() {
        store.register("s", V1);

        assertThatThrownBy(() -> store.register("s", V3_NO_DEFAULT)).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage()).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("version 1");
        });
        assertThat(store.versions("s", false)).containsExactly(1);
        assertThat(logged).hasSize(1);
    }

    @Test
    void shouldCheckOnlyTheLatestVersionUnlessTheLevelIsTransitive() {
        store.register("plain", V1);
        store.register("plain", V2_WITH_DEFAULT);
        store.setSubjectLevel("transitive", CompatibilityLevel.BACKWARD_TRANSITIVE);
        store.register("transitive", V1);
        store.register("transitive", V2_WITH_DEFAULT);

        assertThat(store.register("plain", V3_NO_DEFAULT).version()).isEqualTo(3);
        assertThatThrownBy(() -> store.register("transitive", V3_NO_DEFAULT)).isInstanceOfSatisfying(
                RegistryException.class, e -> assertThat(e.getMessage()).contains("BACKWARD_TRANSITIVE").contains("version 1"));
    }

    @Test
    void shouldAcceptAnythingAtLevelNoneAndCheckBothWaysAtFull() {
        store.setGlobalLevel(CompatibilityLevel.NONE);
        store.register("s", V1);
        assertThat(store.register("s", OTHER).version()).isEqualTo(2);

        store.setSubjectLevel("full", CompatibilityLevel.FULL);
        store.register("full", V1);
        assertThat(store.compatibilityProblems("full", V2_WITH_DEFAULT, SchemaStore.LATEST)).isEmpty();
        // A new field without default: new readers cannot fill it from old data, old readers just skip it.
        assertThat(store.compatibilityProblems("full", V3_NO_DEFAULT, SchemaStore.LATEST))
                .singleElement().asString().startsWith("FULL: the new schema cannot read data written with version 1");
        store.setSubjectLevel("full", CompatibilityLevel.FORWARD);
        assertThat(store.compatibilityProblems("full", V3_NO_DEFAULT, SchemaStore.LATEST)).isEmpty();
        assertThat(store.compatibilityProblems("full", OTHER, 1)).isNotEmpty()
                .allMatch(p -> p.startsWith("FORWARD: version 1 cannot read data written with the new schema"));
    }

    @Test
    void shouldHideSoftDeletedSubjectsButKeepTheirIdsReadable() {
        store.register("s", V1);
        store.register("s", V2_WITH_DEFAULT);

        assertThat(store.deleteSubject("s")).containsExactly(1, 2);

        assertThat(store.subjects(false)).isEmpty();
        assertThat(store.subjects(true)).containsExactly("s");
        assertThat(store.schemaById(2)).isEqualTo(store.version("s", 2, true).schema());
        assertThatThrownBy(() -> store.version("s", SchemaStore.LATEST, false)).isInstanceOfSatisfying(
                RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> store.deleteSubject("s")).isInstanceOfSatisfying(
                RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40404));
        RegisteredSchema back = store.register("s", V1);
        assertThat(back.version()).isEqualTo(3);
        assertThat(back.id()).isEqualTo(1);
    }

    @Test
    void shouldRefuseInvalidAvroNamingTheProblem() {
        assertThatThrownBy(() -> store.register("s", "{\"type\":\"record\",\"name\":\"X\"}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(42201);
                    assertThat(e.getMessage()).contains("fields");
                });
    }

    @Test
    void shouldLeaveMemoryUnchangedWhenTheChangeLogFails() {
        SchemaStore failing = new SchemaStore(CompatibilityLevel.BACKWARD, changes -> {
            throw new RegistryException(500, 50001, "broker down");
        });

        assertThatThrownBy(() -> failing.register("s", V1)).hasMessageContaining("broker down");
        assertThat(failing.subjects(true)).isEmpty();
        assertThat(failing.schemaCount()).isZero();
    }

    @Test
    void shouldRebuildTheSameStateFromTheChangesItLogged() {
        store.register("a", V1);
        store.register("b", OTHER);
        store.register("a", V2_WITH_DEFAULT);
        store.setSubjectLevel("a", CompatibilityLevel.FULL);
        store.deleteSubject("b");

        SchemaStore rebuilt = new SchemaStore(CompatibilityLevel.BACKWARD, ChangeLog.IN_MEMORY);
        logged.forEach(rebuilt::replay);

        assertThat(rebuilt.subjects(true)).containsExactly("a", "b");
        assertThat(rebuilt.subjects(false)).containsExactly("a");
        assertThat(rebuilt.version("a", 2, false)).isEqualTo(store.version("a", 2, false));
        assertThat(rebuilt.subjectLevel("a")).contains(CompatibilityLevel.FULL);
        assertThat(rebuilt.register("c", record("{\"name\":\"z\",\"type\":\"int\"}")).id()).isEqualTo(4);
    }
}
