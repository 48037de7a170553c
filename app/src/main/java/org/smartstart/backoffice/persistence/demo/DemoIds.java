package org.smartstart.backoffice.persistence.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Name-based ids for every demo row, so a second run finds what the first one wrote and the same
 * demo user has the same id in every database.
 */
final class DemoIds {

    private DemoIds() {
    }

    static UUID of(String kind, String key) {
        return UUID.nameUUIDFromBytes(("smartstart-demo:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    static UUID user(String key) {
        return of("user", key);
    }

    static UUID venture(String key) {
        return of("venture", key);
    }
}
