package org.smartstart.backoffice.domain.captable.ocf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads an OCF package from a folder or a zip, and writes one to a folder. */
public final class OcfPackages {

    /** A package larger than this is refused before it is read whole (the benchmark's 50,000 transactions take about 20 MB). */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private OcfPackages() {
    }

    /**
     * The package at {@code path}: a folder holding Manifest.ocf.json (and the files it names, in it or
     * below it), a zip of such a folder, or the manifest file itself. Every *.json file is read, so a
     * file the manifest names but the package lacks is reported by the import, not here.
     */
    public static OcfPackage read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return readFolder(path, path.getFileName() == null ? path.toString() : path.getFileName().toString());
        }
        if (path.getFileName() != null && path.getFileName().toString().equalsIgnoreCase(OcfPackage.MANIFEST)) {
            return readFolder(path.toAbsolutePath().getParent(), path.getFileName().toString());
        }
        try (InputStream in = Files.newInputStream(path)) {
            return readZip(in, path.getFileName() == null ? path.toString() : path.getFileName().toString());
        }
    }

    private static OcfPackage readFolder(Path folder, String source) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(folder, 4)) {
            List<Path> jsons = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase().endsWith(".json")).sorted().toList();
            for (Path p : jsons) {
                total += Files.size(p);
                if (total > MAX_BYTES) {
                    throw new IOException("The package in " + folder + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
                }
                files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return new OcfPackage(source, files);
    }

    /** The JSON files of a zip; a zip holding one folder with the manifest counts from that folder. */
    public static OcfPackage readZip(InputStream in, String source) throws IOException {
        Map<String, String> raw = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.isDirectory() || !e.getName().toLowerCase().endsWith(".json") || e.getName().contains("__MACOSX")) {
                    continue;
                }
                byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - total + 1));
                total += bytes.length;
                if (total > MAX_BYTES) {
                    throw new IOException("The package " + source + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB unpacked");
                }
                raw.put(e.getName().replace('\\', '/'), new String(bytes, StandardCharsets.UTF_8));
            }
        }
        String root = raw.keySet().stream().filter(n -> n.endsWith("/" + OcfPackage.MANIFEST))
                .map(n -> n.substring(0, n.length() - OcfPackage.MANIFEST.length()))
                .filter(prefix -> !raw.containsKey(OcfPackage.MANIFEST)).findFirst().orElse("");
        Map<String, String> files = new LinkedHashMap<>();
        raw.forEach((name, text) -> {
            if (name.startsWith(root)) {
                files.put(name.substring(root.length()), text);
            }
        });
        return new OcfPackage(source, files);
    }

    /** Writes every file of {@code pkg} into {@code folder} (created if missing); answers the manifest's path. */
    public static Path write(OcfPackage pkg, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> f : pkg.files().entrySet()) {
            Path target = folder.resolve(f.getKey()).normalize();
            if (!target.startsWith(folder.normalize())) {
                throw new IOException("The package file " + f.getKey() + " would lie outside " + folder);
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
        return folder.resolve(OcfPackage.MANIFEST);
    }

    /**
     * Writes {@code pkg} to {@code target}: a zip of its files when the name ends in ".zip" (replacing
     * that file), else a folder (created if missing). Answers where the manifest lies.
     */
    public static Path writeTo(OcfPackage pkg, Path target) throws IOException {
        String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".zip") ? writeZip(pkg, target) : write(pkg, target);
    }

    /** Writes every file of {@code pkg} into the zip {@code file} (created or replaced, written whole first). */
    public static Path writeZip(OcfPackage pkg, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".ocf-export", ".zip.part");
        try {
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(partial), StandardCharsets.UTF_8)) {
                for (Map.Entry<String, String> f : pkg.files().entrySet()) {
                    zip.putNextEntry(new ZipEntry(f.getKey()));
                    zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return file;
    }
}
