package org.smartstart.backoffice.ui.ventures;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.usecase.Outcome;
import org.smartstart.backoffice.domain.ventures.VentureOverview;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VenturesViewModelTest {

    private static final Instant T = Instant.parse("2026-01-15T10:00:00Z");
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final AtomicInteger asked = new AtomicInteger();

    private final List<VentureOverview> rows = List.of(
            new VentureOverview(UUID.randomUUID(), "Aurora Labs", "eu", "draft", null, List.of(), T),
            new VentureOverview(UUID.randomUUID(), "Maple Robotics", "ca", "active", "Léa Martin", List.of("equity"), T),
            new VentureOverview(UUID.randomUUID(), "Pacific Grain", "asia", "active", "Kenji Sato", List.of(), T),
            new VentureOverview(UUID.randomUUID(), "Quill & Ledger", "us", "suspended", "Dana Brooks", List.of("all"), T));

    @Test
    void loads_in_the_background_as_the_signed_in_user_and_counts_by_status() {
        VenturesViewModel viewModel = new VenturesViewModel(overviewOnly(() -> {
            asked.incrementAndGet();
            return Outcome.done(rows);
        }), executor);
        assertThat(viewModel.summaryProperty().get()).isEmpty();

        viewModel.load();

        assertThat(asked.get()).isEqualTo(1);
        assertThat(executor.executedTitles()).containsExactly("Loading ventures…");
        assertThat(viewModel.loadingProperty().get()).isFalse();
        assertThat(viewModel.ventures()).hasSize(4);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("4 ventures: 2 active, 1 draft, 1 suspended · 2 on hold");
    }

    @Test
    void the_filter_matches_name_owner_region_status_and_hold() {
        VenturesViewModel viewModel = new VenturesViewModel(overviewOnly(() -> Outcome.done(rows)), executor);
        viewModel.load();

        viewModel.filterProperty().set("maple");
        assertThat(viewModel.ventures()).extracting(VentureOverview::name).containsExactly("Maple Robotics");
        viewModel.filterProperty().set("kenji");
        assertThat(viewModel.ventures()).extracting(VentureOverview::name).containsExactly("Pacific Grain");
        viewModel.filterProperty().set("Europe");
        assertThat(viewModel.ventures()).extracting(VentureOverview::name).containsExactly("Aurora Labs");
        viewModel.filterProperty().set("hold:");
        assertThat(viewModel.ventures()).extracting(VentureOverview::name).containsExactly("Maple Robotics", "Quill & Ledger");
        assertThat(viewModel.summaryProperty().get()).endsWith("· showing 2");
        viewModel.filterProperty().set("  ");
        assertThat(viewModel.ventures()).hasSize(4);
    }

    @Test
    void a_failed_load_is_shown_as_a_sentence() {
        VenturesViewModel viewModel = new VenturesViewModel(overviewOnly(() -> {
            throw new IllegalStateException("connection refused");
        }), executor);
        viewModel.load();
        assertThat(viewModel.problemProperty().get()).isEqualTo("The ventures could not be loaded: connection refused");
        assertThat(viewModel.loadingProperty().get()).isFalse();
        assertThat(executor.unhandledFailures()).isEmpty();
    }

    @Test
    void labels_speak_the_domain() {
        assertThat(VentureLabels.region("ca")).isEqualTo("Canada");
        assertThat(VentureLabels.status("suspended")).isEqualTo("Suspended");
        assertThat(VentureLabels.hold("equity")).isEqualTo("Hold: equity");
        assertThat(VentureLabels.hold("all")).isEqualTo("Hold: everything");
    }

    /** A ventures port that answers only the overview (what this screen reads). */
    private static org.smartstart.backoffice.domain.ventures.Ventures overviewOnly(
            java.util.function.Supplier<Outcome<List<VentureOverview>>> overview) {
        return new org.smartstart.backoffice.domain.ventures.Ventures() {
            @Override
            public Outcome<List<VentureOverview>> overview() {
                return overview.get();
            }

            @Override
            public Outcome<List<VentureOverview>> search(org.smartstart.backoffice.domain.ventures.VentureFilter filter) {
                throw new UnsupportedOperationException("not read by the ventures screen");
            }

            @Override
            public Outcome<org.smartstart.backoffice.domain.ventures.VentureDetail> venture(UUID ventureId) {
                throw new UnsupportedOperationException("not read by the ventures screen");
            }

            @Override
            public Outcome<org.smartstart.backoffice.domain.ventures.VentureDetail> createVenture(
                    org.smartstart.backoffice.domain.ventures.NewVenture venture) {
                throw new UnsupportedOperationException("not used by the ventures screen");
            }

            @Override
            public Outcome<org.smartstart.backoffice.domain.ventures.VentureDetail> changeStatus(UUID ventureId,
                    org.smartstart.backoffice.domain.ventures.StatusChange change) {
                throw new UnsupportedOperationException("not used by the ventures screen");
            }

            @Override
            public Outcome<org.smartstart.backoffice.domain.ventures.VentureDetail> archiveVenture(UUID ventureId,
                    org.smartstart.backoffice.domain.ventures.VentureArchive archive) {
                throw new UnsupportedOperationException("not used by the ventures screen");
            }
        };
    }
}
