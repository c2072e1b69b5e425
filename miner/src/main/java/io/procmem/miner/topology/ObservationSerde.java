package io.procmem.miner.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.binding.StepObservation;
import io.procmem.miner.candidates.Observation;
import io.procmem.miner.candidates.Occurrence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of observations on the {@value Names#CANDIDATES_BY_FIRST_STEP} repartition topic: {@link JsonSerde} (Smile)
 * over a compact form that says each thing once. An observation's windows overlap: those starting at one step differ
 * only in length, and a shorter one is usually the longer one's prefix with the same bindings (bindings only look
 * back), while the tool results they read repeat across them. So each distinct result (and request parameters) text
 * is written once in a table and referenced by number, and an occurrence whose steps are a prefix of a longer
 * occurrence of the same start names that one and its length instead of repeating its steps.
 *
 * <p>Decoding gives back an observation equal to the one encoded (prefixes are only used where they are exact).
 * Records written before this form (whole occurrences, results inline) decode too, as {@link OccurrenceWire} reads
 * both shapes.
 */
public final class ObservationSerde {
    private static final Serde<ObservationWire> WIRE = JsonSerde.of(ObservationWire.class);

    private ObservationSerde() {
    }

    public static Serde<Observation> serde() {
        Serializer<Observation> serializer = (topic, observation) ->
                observation == null ? null : WIRE.serializer().serialize(topic, ObservationWire.of(observation));
        Deserializer<Observation> deserializer = (topic, bytes) -> {
            ObservationWire wire = WIRE.deserializer().deserialize(topic, bytes);
            try {
                return wire == null ? null : wire.observation();
            } catch (RuntimeException e) {
                throw new SerializationException("cannot read an observation from " + topic + ": " + e.getMessage(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    /**
     * The compact form. {@code texts} is null in records of the earlier form, whose occurrences carry their results
     * inline.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ObservationWire(String firstStep, String sessionId, String agentId, String fleet, SessionOutcome outcome,
                           int firstStepCount, List<String> texts, List<OccurrenceWire> occurrences) {

        static ObservationWire of(Observation observation) {
            Map<String, Integer> textIds = new LinkedHashMap<>();
            List<Occurrence> occurrences = observation.occurrences();
            // The longest occurrence of each start is written whole; shorter ones of that start refer to it if exact.
            Map<Integer, Integer> longestByStart = new HashMap<>();
            for (int i = 0; i < occurrences.size(); i++) {
                Occurrence occurrence = occurrences.get(i);
                longestByStart.merge(occurrence.firstIndex(), i, (kept, candidate) ->
                        occurrences.get(candidate).steps().size() > occurrences.get(kept).steps().size() ? candidate : kept);
            }
            List<OccurrenceWire> wires = new ArrayList<>(occurrences.size());
            for (int i = 0; i < occurrences.size(); i++) {
                Occurrence occurrence = occurrences.get(i);
                int base = longestByStart.get(occurrence.firstIndex());
                boolean prefix = base != i && isPrefix(occurrence, occurrences.get(base));
                Map<Integer, Integer> results = new LinkedHashMap<>();
                occurrence.results().forEach((position, text) -> results.put(position, id(textIds, text)));
                wires.add(new OccurrenceWire(
                        occurrence.sessionId().equals(observation.sessionId()) ? null : occurrence.sessionId(),
                        occurrence.firstIndex(), prefix ? null : occurrence.steps(), prefix ? base : null,
                        prefix ? occurrence.steps().size() : null, results,
                        occurrence.requestParamsJson() == null ? null : id(textIds, occurrence.requestParamsJson()),
                        occurrence.sampleable(), null, null));
            }
            return new ObservationWire(observation.firstStep(), observation.sessionId(), observation.agentId(),
                    observation.fleet(), observation.outcome(), observation.firstStepCount(),
                    List.copyOf(textIds.keySet()), wires);
        }

        Observation observation() {
            List<OccurrenceWire> wires = occurrences == null ? List.of() : occurrences;
            List<Occurrence> decoded = new ArrayList<>(wires.size());
            for (OccurrenceWire wire : wires) {
                decoded.add(wire.prefixOf() == null ? wire.occurrence(this, null) : null);
            }
            for (int i = 0; i < wires.size(); i++) {
                OccurrenceWire wire = wires.get(i);
                if (wire.prefixOf() != null) {
                    Occurrence base = decoded.get(wire.prefixOf());
                    if (base == null) {
                        throw new IllegalArgumentException("occurrence " + i + " is a prefix of occurrence "
                                + wire.prefixOf() + ", which is itself not written whole");
                    }
                    decoded.set(i, wire.occurrence(this, base.steps().subList(0, wire.length())));
                }
            }
            return new Observation(firstStep, sessionId, agentId, fleet, outcome, firstStepCount, decoded);
        }

        String text(Integer id) {
            if (id == null) {
                return null;
            }
            if (texts == null || id < 0 || id >= texts.size()) {
                throw new IllegalArgumentException("text reference " + id + " is outside the table of "
                        + (texts == null ? 0 : texts.size()));
            }
            return texts.get(id);
        }

        private static boolean isPrefix(Occurrence shorter, Occurrence longer) {
            return Objects.equals(shorter.sessionId(), longer.sessionId())
                    && longer.steps().subList(0, shorter.steps().size()).equals(shorter.steps());
        }

        private static int id(Map<String, Integer> ids, String text) {
            return ids.computeIfAbsent(text, t -> ids.size());
        }
    }

    /**
     * One occurrence: whole ({@code steps}) or as the first {@code length} steps of occurrence {@code prefixOf};
     * results and request parameters as references into the observation's texts. {@code resultsInline} and
     * {@code requestParamsJson} are the earlier form's fields ({@code results} there held texts, here references).
     *
     * @param sessionId null when it is the observation's
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OccurrenceWire(String sessionId, int firstIndex, List<StepObservation> steps, Integer prefixOf, Integer length,
                          Map<Integer, Integer> resultRefs, Integer requestParams, boolean sampleable,
                          Map<Integer, String> results, String requestParamsJson) {

        Occurrence occurrence(ObservationWire observation, List<StepObservation> prefixSteps) {
            List<StepObservation> own = prefixSteps != null ? prefixSteps : steps;
            if (own == null) {
                throw new IllegalArgumentException("an occurrence has neither steps nor a prefix reference");
            }
            Map<Integer, String> texts = new HashMap<>();
            if (observation.texts() == null) {
                if (results != null) {
                    texts.putAll(results);
                }
            } else if (resultRefs != null) {
                resultRefs.forEach((position, id) -> texts.put(position, observation.text(id)));
            }
            String params = observation.texts() == null ? requestParamsJson : observation.text(requestParams);
            return new Occurrence(sessionId != null ? sessionId : observation.sessionId(), firstIndex, own, texts, params,
                    sampleable);
        }
    }
}
