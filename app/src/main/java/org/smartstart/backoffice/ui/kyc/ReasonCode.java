package org.smartstart.backoffice.ui.kyc;

import org.smartstart.backoffice.domain.kyc.DecisionOutcome;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A reason a compliance officer gives for a decision, from the configurable list
 * {@code resources/kyc/reason-codes.txt} (one {@code OUTCOME | CODE | label} per line).
 */
public record ReasonCode(DecisionOutcome outcome, String code, String label) {

    static final String RESOURCE = "/kyc/reason-codes.txt";

    /** The list shipped with the application. */
    public static List<ReasonCode> configured() {
        try (InputStream in = ReasonCode.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ReasonCode> parse(List<String> lines) {
        List<ReasonCode> codes = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] parts = text.split("\\|", 3);
            if (parts.length != 3 || parts[1].isBlank()) {
                throw new IllegalStateException(RESOURCE + " line " + number + " is not OUTCOME | CODE | label: " + text);
            }
            codes.add(new ReasonCode(DecisionOutcome.valueOf(parts[0].strip()), parts[1].strip(), parts[2].strip()));
        }
        return List.copyOf(codes);
    }

    @Override
    public String toString() {
        return label + " (" + code + ")";
    }
}
