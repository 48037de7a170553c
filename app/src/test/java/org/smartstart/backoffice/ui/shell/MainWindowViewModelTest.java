package org.smartstart.backoffice.ui.shell;

import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.SignedInUser;
import org.smartstart.backoffice.ui.tasks.CurrentThreadTaskExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class MainWindowViewModelTest {

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @Test
    void administration_is_offered_to_administrators_only() {
        MainWindowViewModel admin = model(Set.of(Role.ADMIN, Role.COMPLIANCE), () -> { });
        MainWindowViewModel support = model(Set.of(Role.SUPPORT), () -> { });

        assertThat(admin.pages()).endsWith(Page.AUDIT, Page.ADMINISTRATION).startsWith(Page.VENTURES);
        assertThat(support.pages()).doesNotContain(Page.ADMINISTRATION).hasSize(6);
        support.open(Page.ADMINISTRATION);
        assertThat(support.pageProperty().get()).isEqualTo(Page.VENTURES);
        support.open(Page.DISPUTES);
        assertThat(support.pageProperty().get()).isEqualTo(Page.DISPUTES);
    }

    @Test
    void the_top_bar_names_the_user_and_roles_and_sign_out_reaches_the_shell() {
        AtomicInteger signOuts = new AtomicInteger();
        MainWindowViewModel vm = model(Set.of(Role.COMPLIANCE, Role.ADMIN), signOuts::incrementAndGet);
        assertThat(vm.userName()).isEqualTo("Chloé Tremblay");
        assertThat(vm.rolesText()).isEqualTo("Administrator · Compliance");
        assertThat(model(Set.of(), () -> { }).rolesText()).isEqualTo("Venture roles only");
        vm.signOut();
        assertThat(signOuts).hasValue(1);
    }

    @Test
    void the_status_bar_follows_background_work() {
        MainWindowViewModel vm = model(Set.of(), () -> { });
        assertThat(vm.statusProperty().get()).isEqualTo("Ready");
        executor.runningTasks().add("Loading ventures…");
        assertThat(vm.statusProperty().get()).isEqualTo("Loading ventures…");
        assertThat(vm.workingProperty().get()).isTrue();
        executor.runningTasks().clear();
        assertThat(vm.workingProperty().get()).isFalse();
    }

    @Test
    void pages_not_built_yet_say_so_honestly() {
        assertThat(Page.VENTURES.available()).isTrue();
        assertThat(Page.CAP_TABLES.available()).isTrue();
        assertThat(Page.values()).filteredOn(p -> !p.available()).allSatisfy(p -> assertThat(p.notYetAvailable()).endsWith("in a later version."));
    }

    @Test
    void the_theme_is_remembered_in_the_settings_file_beside_other_settings() throws Exception {
        Path dir = Files.createTempDirectory("ui-prefs");
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "other.key=kept\n");
        assertThat(UiPreferences.load(file).theme()).isEqualTo(Theme.LIGHT);
        UiPreferences.load(file).saveTheme(Theme.DARK);
        assertThat(UiPreferences.load(file).theme()).isEqualTo(Theme.DARK);
        assertThat(Files.readString(file)).contains("other.key=kept").contains("ui.theme=dark");
        assertThat(UiPreferences.load(dir.resolve("missing.properties")).theme()).isEqualTo(Theme.LIGHT);
    }

    private MainWindowViewModel model(Set<Role> roles, Runnable signOut) {
        return new MainWindowViewModel(new SignedInUser(UUID.randomUUID(), "Chloé Tremblay", "chloe@smartstart.test", roles),
                executor, "embedded PostgreSQL", signOut);
    }
}
