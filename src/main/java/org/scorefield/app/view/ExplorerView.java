package org.scorefield.app.view;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.FieldLayers;
import org.scorefield.app.model.SamplingState;
import org.scorefield.app.panel.DataSection;
import org.scorefield.app.panel.ExportSection;
import org.scorefield.app.panel.FieldSection;
import org.scorefield.app.panel.ProcessSection;
import org.scorefield.app.panel.ReflowSection;
import org.scorefield.app.panel.SamplingSection;
import org.scorefield.app.panel.SessionSection;
import org.scorefield.app.panel.TrainingSection;
import org.scorefield.app.panel.Widgets;
import org.scorefield.app.settings.Settings;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.app.settings.Driver;
import org.scorefield.app.workspace.ExportState;
import org.scorefield.app.workspace.SessionState;
import org.scorefield.core.tensor.Nd4jRuntime;

/**
 * The explorer window's content: the side panel (Data · Process · Model &amp; training · Sampling ·
 * Fields) on the left, the canvas with its layer switches and the time scrubber in the middle, the
 * charts on the right and the status bar at the bottom. Keyboard: Space plays, ←/→ step t, R
 * resamples, T trains or pauses, S steps the optimiser, V switches single/split view, G ω a vs b, F the field,
 * D the density, B/E/L/P the brush, eraser, look and velocity-probe tools, Ctrl+D dark, Ctrl+P presenter mode,
 * Ctrl+O opens a session, Ctrl+S saves it, Ctrl+Shift+S saves it as a new file; Home/End go to the
 * data and the noise, 1–5 to the time bookmarks; PageDown/PageUp step a lesson, and Ctrl+Shift+A,
 * Ctrl+Shift+E and Ctrl+Shift+PageUp/PageDown add, edit and move its scenes.
 */
public final class ExplorerView extends BorderPane {

    /** Window widths below this use the compact layout. */
    static final double COMPACT_BELOW = 1280;

    private final ExplorerModel model;
    private final FieldLayers layers;
    private final TimeScrubber scrubber;
    private final CanvasArea canvasArea;
    private final ChartsPane charts;
    private final ExportState export;
    private final SessionState session;
    private final org.scorefield.app.workspace.LessonState lessons;
    private javafx.scene.control.MenuButton lessonMenu;
    private final LessonMenu lessonCommands;
    private SessionSection sessionSection;
    private final boolean quickStart;
    private SidePanelSections sections;
    private final ScrollPane sideScroll = new ScrollPane();
    private final SplitPane mainSplit = new SplitPane();
    private javafx.scene.control.CheckMenuItem panelToggle;
    private javafx.scene.control.CheckMenuItem chartsToggle;

    public ExplorerView(ExplorerModel model) {
        this(model, false);
    }

    /**
     * @param quickStart build only the side panel's first screen now, and the sections below it after
     *        {@link #finishQuickStart()}, and the first samples too: the window then shows sooner (see
     *        {@link SidePanelSections})
     */
    public ExplorerView(ExplorerModel model, boolean quickStart) {
        this.quickStart = quickStart;
        this.model = model;
        this.layers = model.layers();
        this.scrubber = new TimeScrubber(model.view());
        this.canvasArea = new CanvasArea(model, layers, scrubber::playFromNoise);
        this.charts = new ChartsPane(model);
        this.export = new ExportState(model);
        this.lessons = new org.scorefield.app.workspace.LessonState(model);
        this.session = new SessionState(model, SessionState.defaultHome(), lessons);
        this.lessonCommands = new LessonMenu(model, lessons);
        createView();
        initListeners();
        acceptDroppedFiles();
        if (!quickStart) {
            model.sampling().resample();
        }
    }

    public ExplorerModel model() {
        return model;
    }

    public TimeScrubber scrubber() {
        return scrubber;
    }

    FieldLayers layers() {
        return layers;
    }

    public CanvasArea canvasArea() {
        return canvasArea;
    }

    public ChartsPane charts() {
        return charts;
    }

    public ExportState export() {
        return export;
    }

    /** The lesson open and its scene. */
    public org.scorefield.app.workspace.LessonState lessons() {
        return lessons;
    }

    /** Session files: save, open, recent, autosave. */
    public SessionState session() {
        return session;
    }

    /**
     * After a quick start, once the first frame is painted: starts loading ND4J and draws the first
     * samples (the exact oracle of point data runs on ND4J), then builds the side panel's sections below
     * its first screen, one per pulse. Without a quick start, does nothing. ND4J waits for the first
     * frame so that its start, which must not overlap another thread's loading of a new native library
     * ({@link Nd4jRuntime#outsideNd4jStart}), comes after JavaFX, GTK, AWT and the fonts have loaded theirs.
     */
    public void finishQuickStart() {
        if (!quickStart) {
            return;
        }
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                pulses++;
                if (pulses == 2) {
                    Nd4jRuntime.loadInBackground();
                    model.sampling().resample();
                } else if (pulses > 2 && !sections.buildNext()) {
                    stop();
                }
            }
        }.start();
    }

    /** Puts the keyboard on the time slider, so the arrow keys move t straight away. */
    public void focusTimeSlider() {
        lookup("#timeSlider").requestFocus();
    }

    private void createView() {
        getStyleClass().add("explorer");

        Label title = new Label("Scorefield");
        title.getStyleClass().add("app-title");
        Label lead = Widgets.caption("Train small 2D diffusion models and watch them work. "
                + "t = 0 is the data, t = 1 is pure noise: x\u209c = \u03b1(t)\u00b7x\u2080 + \u03c3(t)\u00b7\u03b5.");
        lead.getStyleClass().add("lead");
        sessionSection = new SessionSection(session);
        sessionSection.beforeOpen(lessonCommands::confirmOpenSession);
        VBox side = new VBox();
        sections = new SidePanelSections(side);
        sections.now(title);
        sections.now(lead);
        sections.now(sessionSection.build());
        sections.later(() -> new org.scorefield.app.panel.LangevinSection(model.langevin(), scrubber::playFromNoise).build());
        sections.now(new DataSection(model).build());
        sections.now(new ProcessSection(model.process(), model.training().objectiveProperty()
                        .isEqualTo(org.scorefield.core.nn.Objective.FLOW_MATCHING))
                        .withForwardPaths(model.view().forwardPathsProperty()).build());
        // below the first screen: built after the first frame when the window starts quickly
        sections.later(() -> new TrainingSection(model.training(), model.compare(), () -> model.data().data().points(),
                model.messageProperty()::set).build());
        sections.later(() -> new ReflowSection(model).build());
        sections.later(() -> new org.scorefield.app.panel.SdfSection(model).build());
        sections.later(() -> new SamplingSection(model).build());
        sections.later(() -> new FieldSection(model).build());
        sections.later(() -> new ExportSection(export, model.export(), charts::draw).build());
        if (!quickStart) {
            sections.buildRest();
        }
        side.getStyleClass().add("side-panel");
        sideScroll.setContent(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.getStyleClass().add("side-scroll");
        sideScroll.setId("sidePanel");
        setLeft(sideScroll);

        VBox.setVgrow(canvasArea, Priority.ALWAYS);
        javafx.scene.layout.FlowPane tools = toolbar();
        LessonBar lessonBar = new LessonBar(model, lessons);
        // A lesson sets the settings itself: in a narrow window (a 1024-wide projector) its canvas
        // takes the room of the controls and of the charts, which left it a strip 140 px tall at 1024×700
        // in presenter mode, and in presenter mode the controls' room; [ and ] or the Window menu bring
        // them back, closing the lesson too.
        boolean[] hidByLesson = {false, false};
        lessons.lessonProperty().addListener((obs, old, lesson) -> {
            boolean presenter = model.view().lookProperty().get().presenter();
            if (lesson != null && old == null && (getWidth() < COMPACT_BELOW || presenter)) {
                // in presenter mode the lesson is projected: the controls make room at any width (at 1440×900
                // they left the canvas 260 px of height), the charts in a narrow window
                hidByLesson[0] = panelToggle.isSelected();
                panelToggle.setSelected(false);
                if (getWidth() < COMPACT_BELOW) {
                    hidByLesson[1] = chartsToggle.isSelected();
                    chartsToggle.setSelected(false);
                }
            } else if (lesson == null) {
                // the lesson took the room; closing it gives it back
                if (hidByLesson[0]) {
                    panelToggle.setSelected(true);
                }
                if (hidByLesson[1]) {
                    chartsToggle.setSelected(true);
                }
                hidByLesson[0] = false;
                hidByLesson[1] = false;
            }
        });
        VBox centre = new VBox(new ActionBar(model, scrubber.playButton(),
                new HBox(4, lessonMenu, lessonBar.navigation()), lessons.lessonProperty().isNotNull()), tools,
                lessonBar, canvasArea, scrubber);
        centre.getStyleClass().add("main-area");
        centre.setMinWidth(360);

        mainSplit.getItems().setAll(centre, charts);
        mainSplit.setDividerPositions(0.7);
        // The charts share a change of the window's width with the canvas column (70/30): held at their
        // width, they left the column, at its least, to push them past the window's edge when the
        // controls came back in a 1024-wide window.
        SplitPane.setResizableWithParent(charts, true);
        mainSplit.getStyleClass().add("main-split");
        setCenter(mainSplit);
        setBottom(new ExplorerStatusBar(model));
    }

    private javafx.scene.layout.FlowPane toolbar() {
        ToggleButton single = new ToggleButton("Single");
        single.setId("singleView");
        single.setTooltip(Widgets.tip("One canvas, sampled with the solver chosen on the left (V switches)."));
        ToggleButton both = new ToggleButton(Settings.SPLIT.label());
        both.setId("splitView");
        both.setTooltip(Widgets.tip(Settings.SPLIT.tooltip()));
        ToggleButton rounds = new ToggleButton(Settings.ROUNDS.label());
        rounds.setId("roundsView");
        rounds.setTooltip(Widgets.tip(Settings.ROUNDS.tooltip()));
        ToggleButton compare = new ToggleButton(Settings.COMPARE.label());
        compare.setId("compareView");
        compare.setTooltip(Widgets.tip(Settings.COMPARE.tooltip()));
        ToggleButton omegas = new ToggleButton(Settings.OMEGA_SPLIT.label());
        omegas.setId("omegaSplitView");
        omegas.setTooltip(Widgets.tip(Settings.OMEGA_SPLIT.tooltip()));
        ToggleButton likelihood = new ToggleButton(Settings.LIKELIHOOD_VIEW.label());
        likelihood.setId("likelihoodView");
        likelihood.setTooltip(Widgets.tip(Settings.LIKELIHOOD_VIEW.tooltip()));
        ToggleButton sdf = new ToggleButton(Settings.SDF_VIEW.label());
        sdf.setId("sdfView");
        sdf.setTooltip(Widgets.tip(Settings.SDF_VIEW.tooltip()));
        // two segments in one toggle group: the toolbar's flow wraps between them when six buttons do not fit
        // on one line (a 1024-wide projector in presenter mode), rather than clip the last ones
        ToggleButton langevin = new ToggleButton(Settings.LANGEVIN_VIEW.label());
        langevin.setId("langevinView");
        langevin.setTooltip(Widgets.tip(Settings.LANGEVIN_VIEW.tooltip()));
        SegmentedButton view = new SegmentedButton(single, both, rounds);
        SegmentedButton moreViews = new SegmentedButton(compare, omegas, likelihood, sdf);
        // a third segment of the same group, so that the flow can wrap it onto its own line at 1024 px
        SegmentedButton lessonViews = new SegmentedButton(langevin);
        moreViews.setToggleGroup(view.getToggleGroup());
        lessonViews.setToggleGroup(view.getToggleGroup());
        view.getStyleClass().add("view-switch");
        moreViews.getStyleClass().add("view-switch");
        lessonViews.getStyleClass().add("view-switch");
        Runnable showMode = () -> (model.view().roundsViewProperty().get() ? rounds
                : model.view().splitProperty().get() ? both
                : model.view().compareProperty().get() ? compare
                : model.view().omegaSplitProperty().get() ? omegas
                : model.view().likelihoodProperty().get() ? likelihood
                : model.view().sdfProperty().get() ? sdf
                : model.view().langevinProperty().get() ? langevin : single).setSelected(true);
        showMode.run();
        view.getToggleGroup().selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) {
                showMode.run();
            } else {
                model.view().splitProperty().set(t == both);
                model.view().roundsViewProperty().set(t == rounds);
                model.view().compareProperty().set(t == compare);
                model.view().omegaSplitProperty().set(t == omegas);
                model.view().likelihoodProperty().set(t == likelihood);
                model.view().sdfProperty().set(t == sdf);
                model.view().langevinProperty().set(t == langevin);
            }
        });
        model.view().langevinProperty().addListener((obs, old, on) -> {
            showMode.run();
            if (on) {
                sideScroll.setVvalue(0); // the view's controls head the side panel
            }
        });
        model.view().omegaSplitProperty().addListener((obs, old, on) -> showMode.run());
        model.view().likelihoodProperty().addListener((obs, old, on) -> showMode.run());
        model.view().sdfProperty().addListener((obs, old, on) -> showMode.run());
        model.view().compareProperty().addListener((obs, old, on) -> showMode.run());
        model.view().splitProperty().addListener((obs, old, on) -> showMode.run());
        model.view().roundsViewProperty().addListener((obs, old, on) -> showMode.run());

        ToggleButton data = layerToggle(Settings.SHOW_DATA, "showData", model.view().showDataProperty());
        ToggleButton density = layerToggle(Settings.SHOW_DENSITY, "showDensity", model.view().showDensityProperty());
        ToggleButton field = layerToggle(Settings.SHOW_FIELD, "showField", model.view().showFieldProperty());
        field.setText("Field");
        field.setOnAction(e -> model.fieldSwitchedOn());
        ToggleButton samples = layerToggle(Settings.SHOW_SAMPLES, "showSamples", model.view().showSamplesProperty());
        HBox layerButtons = new HBox(4, data, density, field, samples);
        layerButtons.getStyleClass().add("layer-buttons");

        javafx.scene.control.CheckMenuItem dark = new javafx.scene.control.CheckMenuItem(Settings.DARK.label() + "   Ctrl+D");
        dark.setId("darkToggle");
        dark.setSelected(model.view().lookProperty().get().dark());
        dark.selectedProperty().addListener((obs, old, on) -> model.view().lookProperty().set(model.view().lookProperty().get().withDark(on)));
        javafx.scene.control.CheckMenuItem presenter = new javafx.scene.control.CheckMenuItem(Settings.PRESENTER.label() + " mode   Ctrl+P");
        presenter.setId("presenterToggle");
        presenter.setSelected(model.view().lookProperty().get().presenter());
        presenter.selectedProperty().addListener((obs, old, on) ->
                model.view().lookProperty().set(model.view().lookProperty().get().withPresenter(on)));
        model.view().lookProperty().addListener((obs, old, look) -> {
            dark.setSelected(look.dark());
            presenter.setSelected(look.presenter());
        });

        javafx.scene.control.CheckMenuItem panel = new javafx.scene.control.CheckMenuItem("Controls on the left   [");
        panel.setId("controlsToggle");
        panel.setSelected(true);
        panel.selectedProperty().addListener((obs, old, on) -> {
            setLeft(on ? sideScroll : null);
            // the room the controls give or take is shared as at the start: the split would otherwise hand
            // half of it to the charts (a lesson in a 1024-wide window left the canvas 54 % of the width)
            if (mainSplit.getItems().contains(charts)) {
                mainSplit.setDividerPositions(0.7);
            }
        });
        javafx.scene.control.CheckMenuItem chartsToggle = new javafx.scene.control.CheckMenuItem("Charts on the right   ]");
        chartsToggle.setId("chartsToggle");
        chartsToggle.setSelected(true);
        chartsToggle.selectedProperty().addListener((obs, old, on) -> {
            if (on) {
                mainSplit.getItems().add(charts);
                mainSplit.setDividerPositions(0.7);
            } else {
                mainSplit.getItems().remove(charts);
            }
        });
        this.panelToggle = panel;
        this.chartsToggle = chartsToggle;
        javafx.scene.control.CheckMenuItem pen = new javafx.scene.control.CheckMenuItem("Annotation pen   A");
        pen.setId("penToggle");
        pen.selectedProperty().bindBidirectional(canvasArea.annotations().onProperty());
        javafx.scene.control.MenuItem clearPen = new javafx.scene.control.MenuItem("Clear the annotations   C");
        clearPen.setId("clearAnnotations");
        clearPen.setOnAction(e -> canvasArea.annotations().clear());
        javafx.scene.control.MenuButton looks = new javafx.scene.control.MenuButton("Window", null,
                panel, chartsToggle, new javafx.scene.control.SeparatorMenuItem(), dark, presenter,
                new javafx.scene.control.SeparatorMenuItem(), pen, clearPen);
        looks.setId("windowMenu");
        javafx.scene.control.MenuButton lessonMenu = lessonCommands.menu();
        looks.setTooltip(Widgets.tip("Hide the controls or the charts to give the canvas the room on a projector; "
                + "dark theme; presenter mode (bigger text, lines and points)."));
        // Wraps onto a second line in a narrow window rather than squeezing the buttons.
        this.lessonMenu = lessonMenu;
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(12, 6, view, moreViews, lessonViews, layerButtons,
                looks);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("canvas-toolbar");
        return bar;
    }

    private static ToggleButton layerToggle(org.scorefield.app.settings.Setting<Boolean> setting, String id,
                                            javafx.beans.property.BooleanProperty property) {
        ToggleButton button = new ToggleButton(setting.label());
        button.setId(id);
        button.setTooltip(Widgets.tip(setting.tooltip()));
        button.selectedProperty().bindBidirectional(property);
        button.getStyleClass().add("layer-toggle");
        return button;
    }

    /** A session or a CSV dropped anywhere on the window opens (see {@link SessionState#openDropped}). */
    private void acceptDroppedFiles() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            java.util.List<java.io.File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles()
                    : java.util.List.of();
            if (!files.isEmpty()) {
                session.openDropped(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private void initListeners() {
        model.onExactPathChange(() -> scrubber.setSchedule(model.exactPath().schedule(),
                model.exactPath().source().isGaussian()));

        SamplingState sampling = model.sampling();
        // Any change to what the samples depend on samples again (the newest request wins).
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {sampling.solverProperty(),
                sampling.stepsProperty(), sampling.gridProperty(), sampling.etaProperty(), sampling.seedProperty(),
                sampling.driverProperty(), sampling.countProperty(), sampling.guidedClassProperty(),
                sampling.guidanceProperty(), sampling.omegaProperty(), model.classifier().changes(),
                sampling.swirlProperty(),
                model.view().splitProperty()}) {
            o.addListener(obs -> resampleIfShown());
        }
        // New data: after the model has dropped the old data's runs. A change listener, added after the model's,
        // runs after it; an invalidation listener would run before it and its run would be dropped.
        model.data().dataProperty().addListener((obs, old, d) -> resampleIfShown());
        // A new path (process, or flow matching's source) changes the oracle's samples, and a diffusion
        // model's, which it reads under the process shown (docs/math.md §2.10); a flow-matching model keeps
        // its own path, so the path does not change while it samples.
        model.exactPathProperty().addListener(obs -> resampleIfShown());
        // While training: the first model, then every N steps.
        model.training().onRefreshDue(model.training(), () -> {
            if (sampling.driverProperty().get() == Driver.MODEL) {
                sampling.resample();
            }
        });
        model.training().modelProperty().addListener((obs, old, m) -> {
            if (m == null && sampling.driverProperty().get() == Driver.MODEL) {
                sampling.resample(); // back to the oracle after Reset
            }
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
        // Below 1280 px the panels narrow (style class "compact") so that the canvas keeps its room.
        widthProperty().addListener((obs, old, w) -> {
            boolean compact = w.doubleValue() < COMPACT_BELOW;
            if (compact != getStyleClass().contains("compact")) {
                if (compact) {
                    getStyleClass().add("compact");
                } else {
                    getStyleClass().remove("compact");
                }
            }
        });
    }

    private void resampleIfShown() {
        if (model.data().data().points().size() > 0) {
            model.sampling().resample();
        } else {
            model.sampling().clearRuns();
        }
    }

    /** Whether keys typed now go into a text: a text field, or the editor of a spinner or a box. */
    static boolean typing(Object target) {
        return target instanceof TextInputControl
                || target instanceof javafx.scene.control.Spinner<?> spinner && spinner.isEditable()
                || target instanceof javafx.scene.control.ComboBox<?> box && box.isEditable();
    }

    private void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (typing(e.getTarget()) || typing(scene.getFocusOwner())) {
                return; // typing a seed, or a number into a spinner: the keys are the field's own
            }
            boolean shortcut = e.isShortcutDown();
            KeyCode code = e.getCode();
            boolean handled = true;
            if (lessonCommands.handle(e)) {
                e.consume(); // Ctrl+Shift+A, E, PageUp, PageDown: the lesson's edits
            } else if (shortcut && code == KeyCode.D) {
                model.view().lookProperty().set(model.view().lookProperty().get().withDark(!model.view().lookProperty().get().dark()));
            } else if (shortcut && code == KeyCode.S) {
                sessionSection.save(scene.getWindow(), e.isShiftDown());
            } else if (shortcut && code == KeyCode.O) {
                sessionSection.open(scene.getWindow());
            } else if (shortcut && code == KeyCode.P) {
                model.view().lookProperty().set(model.view().lookProperty().get().withPresenter(!model.view().lookProperty().get().presenter()));
            } else if (shortcut && code == KeyCode.Z && !e.isShiftDown()) {
                model.undo().undo();
            } else if (shortcut && (code == KeyCode.Z || code == KeyCode.Y)) {
                model.undo().redo();
            } else if (shortcut) {
                handled = false;
            } else {
                switch (code) {
                    case SPACE -> scrubber.togglePlay();
                    case RIGHT -> scrubber.step(e.isShiftDown() ? 0.1 : 0.01);
                    case LEFT -> scrubber.step(e.isShiftDown() ? -0.1 : -0.01);
                    case A -> canvasArea.annotations().onProperty().set(!canvasArea.annotations().onProperty().get());
                    case C -> canvasArea.annotations().clear();
                    case PAGE_DOWN -> lessons.next();
                    case PAGE_UP -> lessons.previous();
                    case HOME -> scrubber.jumpTo(0);
                    case END -> scrubber.jumpTo(1);
                    case DIGIT1, NUMPAD1 -> handled = scrubber.jumpToBookmark(1);
                    case DIGIT2, NUMPAD2 -> handled = scrubber.jumpToBookmark(2);
                    case DIGIT3, NUMPAD3 -> handled = scrubber.jumpToBookmark(3);
                    case DIGIT4, NUMPAD4 -> handled = scrubber.jumpToBookmark(4);
                    case DIGIT5, NUMPAD5 -> handled = scrubber.jumpToBookmark(5);
                    case R -> model.sampling().newSeed();
                    case T -> model.compare().toggle();
                    case S -> model.compare().step();
                    case V -> model.view().splitProperty().set(!model.view().splitProperty().get());
                    case G -> model.view().omegaSplitProperty().set(!model.view().omegaSplitProperty().get());
                    case F -> {
                        model.view().showFieldProperty().set(!model.view().showFieldProperty().get());
                        model.fieldSwitchedOn();
                    }
                    case D -> model.view().showDensityProperty().set(!model.view().showDensityProperty().get());
                    case B -> model.view().toolProperty().set(CanvasTool.BRUSH);
                    case E -> model.view().toolProperty().set(CanvasTool.ERASE);
                    case L -> model.view().toolProperty().set(CanvasTool.LOOK);
                    case P -> model.view().toolProperty().set(CanvasTool.PROBE);
                    case OPEN_BRACKET -> panelToggle.setSelected(!panelToggle.isSelected());
                    case CLOSE_BRACKET -> chartsToggle.setSelected(!chartsToggle.isSelected());
                    default -> handled = false;
                }
            }
            if (handled) {
                e.consume();
            }
        });
    }
}
