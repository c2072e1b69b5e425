package io.procmem.executor.api;

import io.procmem.executor.config.ExecutorConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Guards the endpoints that call tools: a request must carry {@code Authorization: Bearer <token>} with the
 * configured token, else 401. With no token configured they answer 503 naming the key to set, so an executor is
 * never open to running tools by accident. Tokens are compared as SHA-256 digests in constant time, and neither
 * the expected nor the presented token appears in any message.
 */
public final class BearerAuth {
    private static final String SCHEME = "Bearer ";

    private final byte[] expectedDigest;

    public BearerAuth(Optional<String> token) {
        this.expectedDigest = token.map(BearerAuth::digest).orElse(null);
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @throws ApiException 503 when no token is configured, 401 when the header is missing, malformed or wrong
     */
    public void check(String authorization) {
        if (expectedDigest == null) {
            throw ApiException.unavailable("running procedures is turned off: set " + ExecutorConfig.API_TOKEN
                    + " to the bearer token callers must send");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw ApiException.unauthorized("this endpoint needs an Authorization: Bearer <token> header");
        }
        if (!MessageDigest.isEqual(expectedDigest, digest(authorization.substring(SCHEME.length()).trim()))) {
            throw ApiException.unauthorized("the bearer token is not valid");
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
