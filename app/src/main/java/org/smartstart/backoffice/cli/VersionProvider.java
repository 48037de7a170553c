package org.smartstart.backoffice.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code --version}: the version Maven wrote into {@code version.properties} at build time. */
public final class VersionProvider implements IVersionProvider {

    public static final String PRODUCT = "SmartStart Back Office";

    @Override
    public String[] getVersion() {
        return new String[] {PRODUCT + " " + version()};
    }

    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
