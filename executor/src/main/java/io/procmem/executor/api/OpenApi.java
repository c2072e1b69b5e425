package io.procmem.executor.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;

/**
 * The API description bundled as {@code openapi.yaml}, loaded once. When several modules on one classpath ship an
 * {@code openapi.yaml}, the one from this class's own jar (or classes directory) is taken.
 */
final class OpenApi {
    private static final String NAME = "openapi.yaml";
    private static final byte[] DOCUMENT = load();

    private OpenApi() {
    }

    static byte[] document() {
        return DOCUMENT;
    }

    private static byte[] load() {
        try {
            List<URL> found = Collections.list(OpenApi.class.getClassLoader().getResources(NAME));
            String ownLocation = OpenApi.class.getProtectionDomain().getCodeSource().getLocation().toString();
            URL chosen = found.stream().filter(url -> url.toString().contains(ownLocation)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(NAME + " is missing from " + ownLocation));
            try (InputStream in = chosen.openStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + NAME, e);
        }
    }
}
