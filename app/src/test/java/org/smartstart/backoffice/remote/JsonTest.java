package org.smartstart.backoffice.remote;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.access.Actor;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.Session;
import org.smartstart.backoffice.domain.identity.SignInResult;
import org.smartstart.backoffice.domain.identity.SignedInUser;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.remote.api.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API's JSON dialect: exact decimals, ISO times, sealed interfaces with "kind", strict input. */
class JsonTest {

    public record Money(BigDecimal amount, LocalDate on, Instant at, Optional<String> note, int count, UUID id) {
    }

    @Test
    void decimals_travel_as_exact_strings_and_come_back_with_their_scale() throws Exception {
        Money m = new Money(new BigDecimal("12.500"), LocalDate.of(2026, 3, 1), Instant.parse("2026-03-01T09:30:00.123456Z"),
                Optional.empty(), 3, UUID.randomUUID());
        String json = Json.mapper().writeValueAsString(m);
        assertThat(json).contains("\"amount\":\"12.500\"", "\"on\":\"2026-03-01\"", "\"at\":\"2026-03-01T09:30:00.123456Z\"", "\"note\":null");
        assertThat(Json.mapper().readValue(json, Money.class)).isEqualTo(m);
        Money fromNumber = Json.mapper().readValue(json.replace("\"12.500\"", "0.100000000000000000000000001"), Money.class);
        assertThat(fromNumber.amount()).isEqualTo(new BigDecimal("0.100000000000000000000000001"));
        assertThat(new BigDecimal("1E+3").toPlainString()).isEqualTo(Json.mapper().readValue(
                Json.mapper().writeValueAsString(new Money(new BigDecimal("1E+3"), null, null, Optional.of("x"), 0, null)), Money.class).amount().toPlainString());
    }

    @Test
    void sealed_interfaces_carry_their_kind() throws Exception {
        SignedInUser user = new SignedInUser(UUID.randomUUID(), "Ann", "ann@x.test", Set.of(Role.SUPPORT));
        Session session = new Session(UUID.randomUUID(), user.id(), "tok", Instant.parse("2026-01-01T00:00:00Z"));
        for (SignInResult r : List.of(new SignInResult.SignedIn(session, user), new SignInResult.WrongCredentials(OptionalInt.of(3)),
                new SignInResult.WrongCredentials(OptionalInt.empty()), new SignInResult.LockedOut(Instant.now()),
                new SignInResult.AccountArchived(), new SignInResult.Unavailable("down"))) {
            String json = Json.mapper().writerFor(SignInResult.class).writeValueAsString(r);
            assertThat(json).contains("\"kind\":\"" + r.getClass().getSimpleName() + "\"");
            SignInResult back = Json.mapper().readValue(json, SignInResult.class);
            assertThat((Object) back).isEqualTo(r);
        }
    }

    @Test
    void domain_records_round_trip() throws Exception {
        UUID v = UUID.randomUUID();
        Actor actor = new Actor(UUID.randomUUID(), "Ann", Set.of(Role.SUPPORT), Map.of(v, Set.of(Role.OWNER)));
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(actor), Actor.class)).isEqualTo(actor);
        List<VentureOverview> list = List.of(new VentureOverview(v, "Acme", "ca", "active", null, List.of("equity"), Instant.now()));
        JavaType t = Json.type(VentureOverview.class.getDeclaredConstructors()[0].getDeclaringClass());
        String json = Json.mapper().writeValueAsString(list);
        assertThat(json).doesNotContain("onHold");
        Object back = Json.mapper().readValue(json, Json.mapper().getTypeFactory().constructCollectionType(List.class, t));
        assertThat(back).isEqualTo(list);
    }

    @Test
    void input_is_strict_and_names_the_field() {
        assertThat(problem("{\"amount\":\"1\",\"count\":1,\"extra\":1}")).isEqualTo("body.extra");
        assertThat(problem("{\"amount\":\"1\",\"count\":\"x\"}")).isEqualTo("body.count");
        assertThat(problem("{\"amount\":\"1\",\"count\":null}")).isEqualTo("body.count: is required");
        assertThat(problem("{\"amount\":\"1\"}")).isEqualTo("body.count: is required");
        assertThat(problem("{\"amount\":\"1\",\"count\":\"3\"}")).startsWith("body.count");
        assertThat(problem("{\"amount\":\"abc\",\"count\":3}")).startsWith("body.amount");
        assertThat(problem("{\"amount\":1.5e3,\"count\":3,\"id\":\"nope\"}")).startsWith("body.id");
        assertThat(problem("{\"amount\":1,\"count\":3,\"on\":\"2026-02-30\"}")).startsWith("body.on");
        assertThat(problem("{\"amount\":1,\"count\":3,\"on\":\"+10000-01-01\"}")).startsWith("body.on").contains("0001-01-01 and 9999-12-31");
        assertThat(problem("{\"amount\":1,\"count\":3,\"on\":\"9999-12-31\"}")).isEqualTo("accepted");
        assertThat(problem("{\"amount\":1,\"count\":3,\"note\":\"a\\u0000b\"}")).startsWith("body.note").contains("NUL");
        assertThat(problem("{\"amount\":1,")).startsWith("body: is not well-formed JSON");
        assertThat(problem("[1]")).startsWith("body");
    }

    private static String problem(String json) {
        try {
            Json.mapper().readValue(json, Money.class);
            return "accepted";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var p = org.smartstart.backoffice.remote.api.JsonProblems.of(e, "body");
            String s = p.field() + ": " + p.message();
            return s.startsWith("body.extra") || s.startsWith("body.count: must") || s.startsWith("body.count: cannot") ? p.field() : s;
        }
    }
}
