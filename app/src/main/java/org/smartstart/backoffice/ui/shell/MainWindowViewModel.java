package org.smartstart.backoffice.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.smartstart.backoffice.domain.identity.Role;
import org.smartstart.backoffice.domain.identity.SignedInUser;
import org.smartstart.backoffice.ui.tasks.TaskExecutor;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The shell around the pages: who is signed in, which page is open, what runs in the background. */
public final class MainWindowViewModel {

    private final SignedInUser user;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.VENTURES);
    private final StringBinding status;
    private final BooleanBinding working;
    private final String databaseDescription;
    private final Runnable signOut;

    public MainWindowViewModel(SignedInUser user, TaskExecutor executor, String databaseDescription, Runnable signOut) {
        this.user = user;
        this.databaseDescription = databaseDescription;
        this.signOut = signOut;
        var running = executor.runningTasks();
        this.working = Bindings.isNotEmpty(running);
        this.status = Bindings.createStringBinding(() -> running.isEmpty() ? "Ready" : String.join("  ·  ", running), running);
    }

    /** Administration only for administrators; every other page for everyone (the pages check rights themselves). */
    public List<Page> pages() {
        return Arrays.stream(Page.values())
                .filter(p -> p != Page.ADMINISTRATION || user.has(Role.ADMIN))
                .toList();
    }

    public String userName() {
        return user.displayName();
    }

    /** "Compliance · Administrator", or a plain note for someone with venture roles only. */
    public String rolesText() {
        if (user.globalRoles().isEmpty()) {
            return "Venture roles only";
        }
        return user.globalRoles().stream().sorted().map(Role::label).collect(Collectors.joining(" · "));
    }

    public SignedInUser user() {
        return user;
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public void open(Page p) {
        if (pages().contains(p)) {
            page.set(p);
        }
    }

    public StringBinding statusProperty() {
        return status;
    }

    public BooleanBinding workingProperty() {
        return working;
    }

    public String databaseDescription() {
        return databaseDescription;
    }

    public void signOut() {
        signOut.run();
    }
}
