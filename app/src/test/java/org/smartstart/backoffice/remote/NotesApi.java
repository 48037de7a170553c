package org.smartstart.backoffice.remote;

import org.smartstart.backoffice.domain.audit.AuditEntry;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.usecase.Command;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Param;
import org.smartstart.backoffice.domain.usecase.Query;
import org.smartstart.backoffice.persistence.usecase.LocalServices;
import org.smartstart.backoffice.persistence.usecase.LocalUseCases;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A small root of ports used only by the remote layer's own tests: it exercises every way a parameter
 * travels (path, query, filter record, JSON body record, body properties, a sealed type) through the same
 * generic server and client as the real back office, on a table of its own.
 */
public interface NotesApi {

    String TABLE = """
            CREATE TABLE IF NOT EXISTS test_notes (
                id uuid PRIMARY KEY, author uuid NOT NULL, text text NOT NULL, amount numeric,
                on_day date, version integer NOT NULL DEFAULT 1, created_at timestamptz NOT NULL);
            GRANT SELECT, INSERT, UPDATE ON test_notes TO backoffice_app;""";

    Session session();

    Notes notes();

    record NewNote(String text, BigDecimal amount, LocalDate on) {
        public NewNote {
            Objects.requireNonNull(text, "text");
        }
    }

    record Note(UUID id, String text, BigDecimal amount, LocalDate on, int version, Instant createdAt) {
    }

    record NoteFilter(String contains, Optional<LocalDate> onOrAfter, int limit) {
    }

    sealed interface Shape {
        record Circle(BigDecimal radius) implements Shape {
        }

        record Square(BigDecimal side, List<String> labels) implements Shape {
        }
    }

    interface Notes {
        @Command("/notes")
        Outcome<Note> add(@Param("note") NewNote note);

        @Query("/notes/{noteId}")
        Outcome<Note> get(@Param("noteId") UUID noteId);

        @Query("/notes")
        Outcome<List<Note>> find(@Param("filter") NoteFilter filter);

        @Command("/notes/{noteId}/reword")
        Outcome<Note> reword(@Param("noteId") UUID noteId, @Param("text") String text, @Param("version") int version);

        @Query("/shapes/echo")
        Outcome<List<Shape>> echo(@Param("sides") List<Integer> sides, @Param("round") boolean round);

        @Command("/shapes/bigger")
        Outcome<Shape> bigger(@Param("shape") Shape shape);

        /** A bug: the server answers 500 without a trace and logs it once. */
        @Query("/notes/boom")
        Outcome<Note> boom();
    }

    /** The notes on the database, through the real local use-case runner (session check, audit, one transaction). */
    final class Local implements NotesApi {
        private final Session session;
        private final LocalUseCases useCases;

        Local(LocalServices services, Session session) {
            this.session = session;
            this.useCases = services.useCases();
        }

        @Override
        public Session session() {
            return session;
        }

        @Override
        public Notes notes() {
            return new Notes() {
                @Override
                public Outcome<Note> add(NewNote note) {
                    if (note.text().isBlank()) {
                        return Outcome.invalid("text", "must not be blank");
                    }
                    if (note.text().startsWith("RULE")) {
                        return Outcome.rejected("EQ-1", "On 2026-03-01 the cap table of Acme would total 97.500%, not 100% (EQ-1).");
                    }
                    return useCases.command(session, (actor, tx, audit) -> {
                        UUID id = UUID.randomUUID();
                        try (PreparedStatement p = tx.connection().prepareStatement(
                                "INSERT INTO test_notes (id, author, text, amount, on_day, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                            p.setObject(1, id, Types.OTHER);
                            p.setObject(2, actor.userId(), Types.OTHER);
                            p.setString(3, note.text());
                            p.setBigDecimal(4, note.amount());
                            p.setObject(5, note.on());
                            p.setTimestamp(6, Timestamp.from(tx.now()));
                            p.executeUpdate();
                        }
                        audit.record(new AuditEntry(actor.userId(), "NOTE_ADDED", "note", id, null, Map.of("text", note.text())));
                        return read(tx.connection(), id);
                    });
                }

                @Override
                public Outcome<Note> get(UUID noteId) {
                    return useCases.query(session, (actor, tx) -> read(tx.connection(), noteId));
                }

                @Override
                public Outcome<List<Note>> find(NoteFilter filter) {
                    return useCases.query(session, (actor, tx) -> {
                        List<Note> notes = new ArrayList<>();
                        try (PreparedStatement p = tx.connection().prepareStatement(
                                "SELECT id FROM test_notes WHERE text LIKE ? AND (?::date IS NULL OR on_day >= ?::date) ORDER BY text LIMIT ?")) {
                            p.setString(1, "%" + (filter.contains() == null ? "" : filter.contains()) + "%");
                            p.setObject(2, filter.onOrAfter().orElse(null));
                            p.setObject(3, filter.onOrAfter().orElse(null));
                            p.setInt(4, filter.limit());
                            try (ResultSet r = p.executeQuery()) {
                                while (r.next()) {
                                    notes.add(read(tx.connection(), r.getObject(1, UUID.class)).orElseThrow());
                                }
                            }
                        }
                        return Outcome.done(notes);
                    });
                }

                @Override
                public Outcome<Note> reword(UUID noteId, String text, int version) {
                    return useCases.command(session, (actor, tx, audit) -> {
                        try (PreparedStatement p = tx.connection().prepareStatement(
                                "UPDATE test_notes SET text = ?, version = version + 1 WHERE id = ? AND version = ?")) {
                            p.setString(1, text);
                            p.setObject(2, noteId, Types.OTHER);
                            p.setInt(3, version);
                            if (p.executeUpdate() == 0) {
                                Outcome<Note> now = read(tx.connection(), noteId);
                                return now.isDone() ? new Outcome.Conflict<>("Note " + noteId + " was changed by someone else; reload.") : now;
                            }
                        }
                        audit.record(new AuditEntry(actor.userId(), "NOTE_REWORDED", "note", noteId, null, Map.of("text", text)));
                        return read(tx.connection(), noteId);
                    });
                }

                @Override
                public Outcome<List<Shape>> echo(List<Integer> sides, boolean round) {
                    return useCases.query(session, (actor, tx) -> {
                        List<Shape> shapes = new ArrayList<>();
                        for (Integer side : sides) {
                            shapes.add(new Shape.Square(BigDecimal.valueOf(side).setScale(3), List.of("s" + side)));
                        }
                        if (round) {
                            shapes.add(new Shape.Circle(new BigDecimal("1.000")));
                        }
                        return Outcome.done(shapes);
                    });
                }

                @Override
                public Outcome<Note> boom() {
                    throw new IllegalStateException("a bug in a use case");
                }

                @Override
                public Outcome<Shape> bigger(Shape shape) {
                    return useCases.command(session, (actor, tx, audit) -> {
                        audit.record(new AuditEntry(actor.userId(), "SHAPE_GROWN", "shape", null, null, Map.of()));
                        if (shape instanceof Shape.Circle c) {
                            return Outcome.done(new Shape.Circle(c.radius().multiply(BigDecimal.TEN)));
                        }
                        Shape.Square s = (Shape.Square) shape;
                        return Outcome.done(new Shape.Square(s.side().multiply(BigDecimal.TEN), s.labels()));
                    });
                }
            };
        }

        private static Outcome<Note> read(java.sql.Connection c, UUID id) throws SQLException {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id, text, amount, on_day, version, created_at FROM test_notes WHERE id = ?")) {
                p.setObject(1, id, Types.OTHER);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Outcome.notFound("note", id);
                    }
                    return Outcome.done(new Note(r.getObject(1, UUID.class), r.getString(2), r.getBigDecimal(3),
                            r.getObject(4, LocalDate.class), r.getInt(5), r.getTimestamp(6).toInstant()));
                }
            }
        }
    }
}
