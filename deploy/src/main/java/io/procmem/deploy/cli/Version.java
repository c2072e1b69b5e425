package io.procmem.deploy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code procmem-version.properties} at build time. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties props = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/procmem-version.properties")) {
            if (in == null) {
                throw new IOException("procmem-version.properties is missing from the classpath");
            }
            props.load(in);
        }
        return new String[] {"procmem " + props.getProperty("version"), "Java " + System.getProperty("java.version")};
    }
}
