package org.smartstart.backoffice.remote;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.usecase.BackOffice;
import org.smartstart.backoffice.domain.usecase.Command;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.usecase.Param;
import org.smartstart.backoffice.domain.usecase.Query;
import org.smartstart.backoffice.remote.api.Route;
import org.smartstart.backoffice.remote.api.RouteTable;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The route table is derived from the ports' marks and refuses, naming the method, what it cannot serve. */
class RouteTableTest {

    @Test
    void every_port_method_of_the_back_office_is_a_route() {
        RouteTable table = RouteTable.of(BackOffice.class);
        long methods = RouteTable.ports(BackOffice.class).stream()
                .flatMap(p -> java.util.Arrays.stream(p.getReturnType().getMethods()))
                .filter(m -> !m.isDefault() && !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
                .count();
        assertThat(table.routes()).hasSize((int) methods);
        assertThat(table.routes()).extracting(Route::path).contains("/api/v1/me", "/api/v1/ventures");
        assertThat(table.routes()).allSatisfy(r -> assertThat(r.path()).startsWith(RouteTable.BASE + "/"));
    }

    @Test
    void literal_segments_are_matched_before_placeholders() {
        RouteTable table = RouteTable.of(Ordered.class);
        assertThat(table.routes()).extracting(Route::path)
                .containsExactly("/api/v1/queue/claim-next", "/api/v1/queue/{itemId}");
    }

    interface Ordered {
        Queue queue();
    }

    interface Queue {
        @Command("/queue/{itemId}")
        Outcome<UUID> decide(@Param("itemId") UUID itemId);

        @Command("/queue/claim-next")
        Outcome<UUID> claimNext();
    }

    interface Unmarked {
        @Query("/a")
        Outcome<String> a();

        Outcome<String> b();
    }

    interface Unnamed {
        @Query("/a/{id}")
        Outcome<String> a(UUID id);
    }

    interface Colliding {
        @Query("/things/{id}")
        Outcome<String> a(@Param("id") UUID id);

        @Query("/things/{name}")
        Outcome<String> b(@Param("name") String name);
    }

    interface WrongPath {
        @Query("/things/{id}")
        Outcome<String> a(@Param("thingId") UUID thingId);
    }

    interface NotAnOutcome {
        @Query("/things")
        List<String> a();
    }

    interface Reserved {
        @Command("/sessions")
        Outcome<String> a();
    }

    interface QueryWithBody {
        @Query("/things")
        Outcome<String> a(@Param("ids") java.util.Map<String, String> ids);
    }

    interface Broken1 { Unmarked port(); }
    interface Broken2 { Unnamed port(); }
    interface Broken3 { Colliding port(); }
    interface Broken4 { WrongPath port(); }
    interface Broken5 { NotAnOutcome port(); }
    interface Broken6 { Reserved port(); }
    interface Broken7 { QueryWithBody port(); }

    @Test
    void a_port_that_cannot_be_served_fails_at_once_naming_the_method() {
        assertThatThrownBy(() -> RouteTable.of(Broken1.class)).hasMessageContaining("Unmarked.b needs exactly one of @Query");
        assertThatThrownBy(() -> RouteTable.of(Broken2.class)).hasMessageContaining("Unnamed.a: parameter 1 (UUID) needs @Param");
        assertThatThrownBy(() -> RouteTable.of(Broken3.class)).hasMessageContaining("would both be GET /api/v1/things/{}");
        assertThatThrownBy(() -> RouteTable.of(Broken4.class)).hasMessageContaining("names {id}, which no @Param is called");
        assertThatThrownBy(() -> RouteTable.of(Broken5.class)).hasMessageContaining("NotAnOutcome.a must return Outcome<T>");
        assertThatThrownBy(() -> RouteTable.of(Broken6.class)).hasMessageContaining("which the server itself uses");
        assertThatThrownBy(() -> RouteTable.of(Broken7.class)).hasMessageContaining("query parameter \"ids\" must be a simple value");
    }
}
