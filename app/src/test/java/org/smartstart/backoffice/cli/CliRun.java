package org.smartstart.backoffice.cli;

import org.smartstart.backoffice.persistence.db.DatabaseSettings;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code backoffice} in-process with its own environment and captured stdout/stderr. */
record CliRun(int exitCode, String out, String err, List<DatabaseSettings> desktopLaunches) {

    static CliRun run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<DatabaseSettings> launches = new ArrayList<>();
        int code = new Main(env, new PrintWriter(out, true), new PrintWriter(err, true),
                (settings, a) -> launches.add(settings)).execute(args);
        return new CliRun(code, out.toString(), err.toString(), List.copyOf(launches));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
