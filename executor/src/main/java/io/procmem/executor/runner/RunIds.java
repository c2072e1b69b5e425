package io.procmem.executor.runner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Run ids, which idempotency keys are built from. A continuation of a known session gets an id derived from the
 * session, its length and the procedure version, so an agent that repeats the same request (after a timeout, say)
 * sends the same idempotency keys and a tool that honours them does not write twice. Other runs get a random id.
 */
public final class RunIds {

    private RunIds() {
    }

    public static String forSession(String sessionId, int sessionSteps, String procedureId, int version) {
        if (sessionId == null) {
            return random();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((sessionId + '\0' + sessionSteps + '\0' + procedureId + '\0' + version)
                    .getBytes(StandardCharsets.UTF_8));
            return "r-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String random() {
        return "r-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
