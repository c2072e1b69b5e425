package io.procmem.miner.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks another instance's query API for its local share ({@code scope=local}, so it does not ask further). A peer
 * that cannot be reached or answers an error makes the whole query a 503 naming it: a list missing a peer's share
 * would look complete and be wrong.
 */
final class PeerClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    PeerClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * GETs {@code pathAndQuery} (which must already carry {@code scope=local}) on the peer.
     *
     * @return the JSON body, or null when the peer answers 404 (it does not hold that id)
     * @throws ApiError 503 naming the peer when it cannot answer
     */
    JsonNode get(String peer, String pathAndQuery) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(peer + pathAndQuery)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiError(503, null, "miner instance " + peer + " did not answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); retry, or ask with scope=local");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, null, "interrupted while asking miner instance " + peer);
        }
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new ApiError(503, null, "miner instance " + peer + " answered " + response.statusCode() + ": "
                    + response.body() + "; retry, or ask with scope=local");
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ApiError(503, null, "miner instance " + peer + " answered something other than JSON");
        }
    }
}
