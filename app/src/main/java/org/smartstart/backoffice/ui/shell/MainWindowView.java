package org.smartstart.backoffice.ui.shell;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The shell: navigation on the left (Ctrl+1..7), the open page, the user on top, background work below. */
public final class MainWindowView {

    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    @FXML private Label userName;
    @FXML private Label roles;
    @FXML private ToggleButton darkTheme;
    @FXML private Button signOut;
    @FXML private VBox navigation;
    @FXML private StackPane content;
    @FXML private ProgressBar progress;
    @FXML private Label status;
    @FXML private Label database;

    private final MainWindowViewModel viewModel;
    private final ThemeSwitch themeSwitch;
    private final Function<Page, Node> pages;
    private final Map<Page, Node> built = new EnumMap<>(Page.class);
    private final Map<Page, ToggleButton> buttons = new EnumMap<>(Page.class);

    /** @param pages builds a page's content the first time it is opened */
    public MainWindowView(MainWindowViewModel viewModel, ThemeSwitch themeSwitch, Function<Page, Node> pages) {
        this.viewModel = viewModel;
        this.themeSwitch = themeSwitch;
        this.pages = pages;
    }

    @FXML
    private void initialize() {
        userName.setText(viewModel.userName());
        roles.setText(viewModel.rolesText());
        darkTheme.selectedProperty().bindBidirectional(themeSwitch.darkProperty());
        status.textProperty().bind(viewModel.statusProperty());
        progress.visibleProperty().bind(viewModel.workingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        database.setText(viewModel.databaseDescription());

        ToggleGroup group = new ToggleGroup();
        // Clicking the open page's entry again would leave no entry selected: keep it selected. (Moving from one
        // entry to another never passes through "none", so this does not fight the switch.)
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        List<Page> available = viewModel.pages();
        for (int i = 0; i < available.size(); i++) {
            Page page = available.get(i);
            ToggleButton button = new ToggleButton(page.title());
            button.setId("nav-" + page.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            button.getStyleClass().add("nav-item");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setMnemonicParsing(false);
            button.setToggleGroup(group);
            if (i < DIGITS.length) {
                button.setTooltip(new Tooltip("Ctrl+" + (i + 1)));
            }
            button.setOnAction(e -> viewModel.open(page));
            buttons.put(page, button);
            navigation.getChildren().add(button);
        }
        viewModel.pageProperty().addListener((obs, old, page) -> show(page));
        show(viewModel.pageProperty().get());

        navigation.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installAccelerators(scene, available);
            }
        });
    }

    private void installAccelerators(Scene scene, List<Page> available) {
        for (int i = 0; i < available.size() && i < DIGITS.length; i++) {
            Page page = available.get(i);
            scene.getAccelerators().put(new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN), () -> viewModel.open(page));
        }
    }

    private void show(Page page) {
        Node node = built.computeIfAbsent(page, pages);
        content.getChildren().setAll(node);
        ToggleButton button = buttons.get(page);
        if (button != null) {
            button.setSelected(true);
        }
    }

    @FXML
    private void signOut() {
        viewModel.signOut();
    }
}
