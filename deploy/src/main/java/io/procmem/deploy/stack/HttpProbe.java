package io.procmem.deploy.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Ready when a GET of the URL answers 200: the registry's root, the executor's and miner's {@code /health}. */
public final class HttpProbe implements Readiness {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public HttpProbe(String url) {
        this.uri = URI.create(url);
    }

    @Override
    public boolean isReady() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
