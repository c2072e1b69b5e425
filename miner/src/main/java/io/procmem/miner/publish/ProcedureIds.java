package io.procmem.miner.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Procedure ids: {@code p-} and the first 16 hex characters of the SHA-256 of the signature. Same routine, same id,
 * on every instance and after restarts, so the compacted topic keeps one entry per routine.
 */
public final class ProcedureIds {
    private static final int HEX_CHARS = 16;

    private ProcedureIds() {
    }

    public static String of(String signature) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signature.getBytes(StandardCharsets.UTF_8));
            return "p-" + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
