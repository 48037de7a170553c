package org.smartstart.backoffice.domain.captable.ocf;

import java.util.Map;
import java.util.TreeMap;

/**
 * An Open Cap Format package as it travels: every file by its path inside the package ("Manifest.ocf.json",
 * "data/Transactions.ocf.json"), as JSON text. Read from a folder or a zip by {@link OcfPackages}; the
 * manifest names the others.
 *
 * @param source where it came from, for messages ("acme-ocf.zip"); may be empty
 */
public record OcfPackage(String source, Map<String, String> files) {

    public static final String MANIFEST = "Manifest.ocf.json";

    public OcfPackage {
        source = source == null ? "" : source;
        files = files == null ? Map.of() : new TreeMap<>(files);
        files = java.util.Collections.unmodifiableMap(files);
    }

    /** The size of every file together, in characters. */
    public long size() {
        return files.values().stream().mapToLong(String::length).sum();
    }
}
