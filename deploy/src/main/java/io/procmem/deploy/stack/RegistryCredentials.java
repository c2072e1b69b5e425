package io.procmem.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The credentials that writes to the stack's own schema registry need, in {@code <stack-dir>/registry.properties}
 * (owner-only, made on first use). The registry reads them as {@code basic.auth.user.info}; the stack's clients get
 * them inside the registry URL ({@code http://procmem:<secret>@127.0.0.1:8081}), which every procmem client and
 * Confluent's clients ({@code basic.auth.credentials.source=URL}) understand. Never on a command line: each service
 * reads the file itself.
 */
public final class RegistryCredentials {
    public static final String USER_INFO = "basic.auth.user.info";
    static final String USER = "procmem";

    private RegistryCredentials() {
    }

    /** {@code user:password}, creating the file if it does not exist. */
    public static String userInfo(StackConfig config) {
        Path file = config.registrySettings();
        try {
            Properties props = new Properties();
            props.setProperty(USER_INFO, USER + ":" + SecretFiles.newSecret());
            SecretFiles.createIfMissing(file, props, "procmem schema registry: the credentials writes need (keep secret)");
            return SecretFiles.read(file, USER_INFO);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the registry credentials in " + file, e);
        }
    }

    /** {@code baseUrl} with the credentials as its user info. */
    public static String inUrl(String baseUrl, String userInfo) {
        int colon = userInfo.indexOf(':');
        String scheme = baseUrl.substring(0, baseUrl.indexOf("://") + 3);
        return scheme + encode(userInfo.substring(0, colon)) + ":" + encode(userInfo.substring(colon + 1)) + "@"
                + baseUrl.substring(scheme.length());
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
