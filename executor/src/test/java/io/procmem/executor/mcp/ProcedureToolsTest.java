package io.procmem.executor.mcp;

import static io.procmem.executor.Routines.userReservations;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureInput;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.TestProcedures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcedureToolsTest {

    @Test
    void shouldNameTheToolAfterTheProcedureIdWithoutItsPrefix() {
        CompiledProcedure procedure = TestProcedures.procedure("p-0123456789abcdef", 3, "a(x)", "b(y)");

        assertThat(ProcedureTools.toolName(procedure)).isEqualTo("proc_0123456789abcdef");
    }

    @Test
    void shouldReplaceCharactersMcpDoesNotAllowInToolNames() {
        CompiledProcedure procedure = TestProcedures.procedure("p-odd id/with:chars", 1, "a(x)", "b(y)");

        assertThat(ProcedureTools.toolName(procedure)).isEqualTo("proc_odd_id_with_chars").matches("[A-Za-z0-9_.-]+");
    }

    @Test
    void shouldDescribeStepsSupportAndRequireEveryInputWithItsJsonType() {
        CompiledProcedure procedure = userReservations("p-ur", ProcedureStatus.AUTONOMOUS);
        procedure.setInputs(List.of(ProcedureInput.newBuilder().setName("user_id").setJsonType("string")
                .setDescription("the user").build(), ProcedureInput.newBuilder().setName("limit").setJsonType("integer").build()));

        McpSchema.Tool tool = ProcedureTools.tool(procedure);

        assertThat(tool.description()).contains("1. get_user_details(user_id) [READ]")
                .contains("2. for each of $.steps[0].result.reservations: get_reservation_details(reservation_id)")
                .contains("Seen 10 time(s) in 10 session(s)").contains("p-ur v1, AUTONOMOUS");
        assertThat(tool.inputSchema()).containsEntry("type", "object")
                .containsEntry("required", List.of("user_id", "limit"));
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) tool.inputSchema().get("properties");
        assertThat(properties)
                .containsEntry("user_id", Map.of("type", "string", "description", "the user"))
                .containsEntry("limit", Map.of("type", "integer"));
    }
}
