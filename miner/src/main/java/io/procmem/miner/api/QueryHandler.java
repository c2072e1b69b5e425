package io.procmem.miner.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.miner.lifecycle.LifecycleTopology;
import io.procmem.miner.lifecycle.ProcedureLifecycle;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.topology.Names;
import io.procmem.miner.trends.TrendQueries;
import io.procmem.miner.trends.TrendsTopology;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The miner's read-only query API on Jetty's core handler API: {@code GET /health}, {@code /v1/patterns/top},
 * {@code /v1/patterns/{id}/history}, {@code /v1/procedures}, {@code /v1/procedures/{id}} and
 * {@code /v1/candidates/rejected}. Each instance's stores ({@link MinerStores}) hold only its partitions, so a query
 * also asks the other instances ({@link Peers}) for their share with {@code scope=local} and merges: lists are
 * concatenated and re-ranked (a pattern, procedure or candidate lives in exactly one partition, so nothing is counted
 * twice), a lookup by id is answered by whichever instance holds it. {@code scope=local} answers from this instance
 * alone. Errors are {@code {"error": ..., "field": ...}}: 400 for a bad parameter, 404 for an unknown path or id,
 * 405 for a method other than GET, 503 while stores are not queryable or a peer cannot answer. Blocking: store reads
 * and peer calls run on Jetty's pool threads.
 *
 * <p>Known limit: the procedure list and rejected candidates scan their whole local store per request, on every
 * instance.
 */
public final class QueryHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(QueryHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATTERNS = "/v1/patterns/";
    private static final String PROCEDURES = "/v1/procedures";
    /** The order of {@code TrendQueries.top}: occurrences, then sessions (both most first), then id. */
    private static final Comparator<JsonNode> TOP_PATTERNS = Comparator
            .comparingLong((JsonNode row) -> row.path("occurrences").asLong()).reversed()
            .thenComparing(Comparator.comparingLong((JsonNode row) -> row.path("sessions").asLong()).reversed())
            .thenComparing(row -> row.path("pattern_id").asText());
    private static final Comparator<JsonNode> BY_ID = Comparator.comparing(row -> row.path("id").asText());
    private static final Comparator<JsonNode> MOST_OCCURRENCES = Comparator
            .comparingLong((JsonNode row) -> row.path("occurrences").asLong()).reversed()
            .thenComparing(row -> row.path("signature").asText());

    private final MinerStores stores;
    private final Peers peers;
    private final PeerClient peerClient;
    private final long windowMs;
    private final Clock clock;

    /** A handler answering from this instance's stores alone. */
    public QueryHandler(MinerStores stores, long trendWindowMs, Clock clock) {
        this(stores, Peers.NONE, Duration.ofSeconds(5), trendWindowMs, clock);
    }

    public QueryHandler(MinerStores stores, Peers peers, Duration peerTimeout, long trendWindowMs, Clock clock) {
        super(InvocationType.BLOCKING);
        this.stores = stores;
        this.peers = peers;
        this.peerClient = new PeerClient(peerTimeout);
        this.windowMs = trendWindowMs;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        int status = 200;
        JsonNode body;
        try {
            if (!"GET".equals(request.getMethod())) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET");
                throw new ApiError(405, null, request.getMethod() + " is not allowed; the query API is read-only (GET)");
            }
            QueryParams params = new QueryParams(Request.extractQueryParameters(request), clock);
            if (path.equals("/health")) {
                KafkaStreams.State state = stores.state();
                boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
                status = up ? 200 : 503;
                body = JSON.createObjectNode().put("status", up ? "UP" : "DOWN").put("state", state.name());
            } else {
                body = route(path, params);
            }
        } catch (ApiError e) {
            status = e.status();
            body = error(e.getMessage(), e.field());
        } catch (InvalidStateStoreException e) {
            status = 503;
            body = error("stores are not queryable yet (state " + stores.state() + "): " + e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.error("GET {} failed", path, e);
            status = 500;
            body = error("internal error: " + e.getClass().getSimpleName(), null);
        }
        send(response, callback, status, body);
        return true;
    }

    private JsonNode route(String path, QueryParams params) {
        List<String> others = params.localOnly() ? List.of() : peers.others();
        String peerQuery = others.isEmpty() ? null : path + "?" + params.forPeer();
        if (path.equals(PATTERNS + "top")) {
            QueryParams.Range range = params.range();
            ObjectNode reply = list("patterns", local(TrendsTopology.STORE,
                    () -> trends().top(range.from(), range.to(), params.limit()), List.of()));
            return merged(reply, "patterns", others, peerQuery, TOP_PATTERNS, params.limit());
        }
        if (path.startsWith(PATTERNS) && path.endsWith("/history")) {
            String id = segment(path.substring(PATTERNS.length(), path.length() - "/history".length()));
            QueryParams.Range range = params.range();
            ObjectNode reply = list("windows", local(TrendsTopology.STORE,
                    () -> trends().history(id, range.from(), range.to()), List.of()));
            // A pattern's windows all live in the one partition of its id: the first instance that has any wins.
            for (Iterator<String> peer = others.iterator(); reply.get("windows").isEmpty() && peer.hasNext(); ) {
                JsonNode theirs = peerClient.get(peer.next(), peerQuery);
                if (theirs != null && theirs.path("windows").size() > 0) {
                    reply.set("windows", theirs.get("windows"));
                }
            }
            return reply.put("pattern_id", id);
        }
        if (path.equals(PROCEDURES)) {
            ArrayNode list = JSON.createArrayNode();
            local(LifecycleTopology.STORE, () -> all(stores.lifecycle().all()), List.<KeyValue<String, ProcedureLifecycle>>of())
                    .forEach(entry -> list.add(ProcedureViews.summary(entry.value)));
            ObjectNode reply = JSON.createObjectNode();
            reply.set("procedures", list);
            return merged(reply, "procedures", others, peerQuery, BY_ID, Integer.MAX_VALUE);
        }
        if (path.startsWith(PROCEDURES + "/")) {
            String id = segment(path.substring(PROCEDURES.length() + 1));
            ProcedureLifecycle lifecycle = local(LifecycleTopology.STORE, () -> stores.lifecycle().get(id), null);
            if (lifecycle != null) {
                return ProcedureViews.full(lifecycle);
            }
            for (String peer : others) {
                JsonNode theirs = peerClient.get(peer, peerQuery);
                if (theirs != null) {
                    return theirs;
                }
            }
            throw new ApiError(404, "id", "no procedure with id '" + id + "'"
                    + (params.localOnly() ? " on this instance" : ""));
        }
        if (path.equals("/v1/candidates/rejected")) {
            int limit = params.limit();
            ArrayNode list = JSON.createArrayNode();
            local(Names.CANDIDATE_STATS, () -> all(stores.candidates().all()), List.<KeyValue<String, CandidateState>>of())
                    .stream()
                    .filter(entry -> !entry.value.reviews().isEmpty() && !entry.value.passing())
                    .map(entry -> ProcedureViews.rejected(entry.key, entry.value))
                    .sorted(MOST_OCCURRENCES).limit(limit).forEach(list::add);
            ObjectNode reply = JSON.createObjectNode();
            reply.set("candidates", list);
            return merged(reply, "candidates", others, peerQuery, MOST_OCCURRENCES, limit);
        }
        throw new ApiError(404, null, "no endpoint at " + path);
    }

    /** The local reply with the peers' rows of {@code field} added, ranked by {@code order} and cut at {@code limit}. */
    private ObjectNode merged(ObjectNode reply, String field, List<String> others, String peerQuery,
                              Comparator<JsonNode> order, int limit) {
        List<JsonNode> rows = new ArrayList<>();
        reply.get(field).forEach(rows::add);
        for (String peer : others) {
            JsonNode theirs = peerClient.get(peer, peerQuery);
            if (theirs != null) {
                theirs.path(field).forEach(rows::add);
            }
        }
        ArrayNode ranked = JSON.createArrayNode();
        rows.stream().sorted(order).limit(limit).forEach(ranked::add);
        reply.set(field, ranked);
        return reply;
    }

    /**
     * A read of this instance's share of {@code store}: {@code none} when the instance hosts no partition of it (a
     * store lives where its tasks were assigned, so with several instances one may hold none), the store's error
     * (a 503) while it is not queryable for another reason.
     */
    private <T> T local(String store, Supplier<T> read, T none) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            if (stores.hostsNoPartitionOf(store)) {
                return none;
            }
            throw e;
        }
    }

    private TrendQueries trends() {
        return new TrendQueries(stores.trends(), windowMs);
    }

    private static String segment(String id) {
        if (id.isEmpty() || id.contains("/")) {
            throw new ApiError(404, "id", "not an id: '" + id + "'");
        }
        return id;
    }

    private static <V> List<KeyValue<String, V>> all(KeyValueIterator<String, V> iterator) {
        try (iterator) {
            List<KeyValue<String, V>> entries = new ArrayList<>();
            iterator.forEachRemaining(entries::add);
            return entries;
        }
    }

    private static ObjectNode list(String name, List<?> rows) {
        ObjectNode reply = JSON.createObjectNode();
        reply.set(name, JSON.valueToTree(rows));
        return reply;
    }

    private static ObjectNode error(String message, String field) {
        ObjectNode node = JSON.createObjectNode().put("error", message);
        return field == null ? node : node.put("field", field);
    }

    private static void send(Response response, Callback callback, int status, JsonNode body) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(body);
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.write(true, ByteBuffer.wrap(bytes), callback);
        } catch (IOException e) {
            callback.failed(e);
        }
    }
}
