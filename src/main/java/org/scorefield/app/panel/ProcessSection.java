package org.scorefield.app.panel;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.scorefield.app.model.ProcessState;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.schedule.ParameterSpec;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The Process section: the noise schedule and a slider per constant (log scale where the constant
 * spans decades), each with its value shown. {@link ProcessState} keeps every combination valid, and
 * the sliders follow it when it pushes a partner constant along.
 */
public final class ProcessSection {

    private final ProcessState process;
    private final VBox sliders = new VBox();
    private final Label formula = Widgets.caption("");
    private final Map<String, Slider> byName = new HashMap<>();
    private final Map<String, Label> values = new HashMap<>();
    private boolean syncing;

    private javafx.beans.value.ObservableBooleanValue ignored = new javafx.beans.property.SimpleBooleanProperty(false);

    public ProcessSection(ProcessState process) {
        this.process = process;
    }

    /**
     * @param ignored whether the objective ignores the process (flow matching's own straight path):
     *                the section then says so and its controls are off, rather than doing nothing
     */
    public ProcessSection(ProcessState process, javafx.beans.value.ObservableBooleanValue ignored) {
        this(process);
        this.ignored = ignored;
    }

    /** The data layer's forward paths, offered under the schedule when given. */
    private javafx.beans.property.ObjectProperty<org.scorefield.app.settings.ForwardPaths> forwardPaths;

    /** Offers the choice of the data layer's forward paths (docs/math.md §1.4) under the schedule. */
    public ProcessSection withForwardPaths(
            javafx.beans.property.ObjectProperty<org.scorefield.app.settings.ForwardPaths> kind) {
        this.forwardPaths = kind;
        return this;
    }

    public TitledPane build() {
        ComboBox<ScheduleKind> kinds = Controls.choices(Settings.PROCESS_KIND, process.kindProperty(), "scheduleBox");
        // The closed box shows the short name; the list shows the full one with its reference.
        kinds.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(ScheduleKind kind, boolean empty) {
                super.updateItem(kind, empty);
                setText(empty || kind == null ? "" : shortName(kind));
            }
        });
        sliders.getStyleClass().add("parameter-sliders");
        Button defaults = new Button("Defaults");
        defaults.setId("scheduleDefaults");
        defaults.setTooltip(Widgets.tip("Put every constant back to its default: the value of the paper the schedule "
                + "comes from, except σ_max of VE (5) and EDM (10), which suit data of unit spread (the papers' are for "
                + "images). The command line uses the same defaults."));
        defaults.setOnAction(e -> process.resetConstants());
        process.kindProperty().addListener((obs, old, k) -> buildSliders());
        process.scheduleProperty().addListener((obs, old, s) -> syncSliders());
        buildSliders();
        Label unused = Widgets.caption("Flow matching trains on its own straight path from the source, "
                + "x\u209c = (1 \u2212 t)\u00b7x\u2080 + t\u00b7x\u2081: the process applies to the diffusion objectives only.");
        unused.setId("processIgnored");
        unused.getStyleClass().add("warning");
        unused.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(ignored::get, ignored));
        unused.managedProperty().bind(unused.visibleProperty());
        javafx.scene.layout.VBox controls = new javafx.scene.layout.VBox(Controls.row(Settings.PROCESS_KIND, kinds),
                formula, sliders, defaults);
        if (forwardPaths != null) {
            controls.getChildren().add(ForwardPathsToggle.row(forwardPaths));
        }
        controls.getStyleClass().add("section-body");
        controls.disableProperty().bind(unused.visibleProperty());
        return Widgets.section("Process", "processSection", unused, controls);
    }

    static String shortName(ScheduleKind kind) {
        String name = kind.displayName();
        int open = name.lastIndexOf(" (");
        return open < 0 ? name : name.substring(0, open);
    }

    private void buildSliders() {
        byName.clear();
        values.clear();
        sliders.getChildren().clear();
        ScheduleKind kind = process.kindProperty().get();
        formula.setText(formula(kind));
        if (kind.parameters().isEmpty()) {
            sliders.getChildren().add(Widgets.caption("This schedule has no constants to tune."));
        }
        for (ParameterSpec spec : kind.parameters()) {
            sliders.getChildren().add(slider(spec));
        }
        syncSliders();
    }

    private Node slider(ParameterSpec spec) {
        Slider slider = new Slider(position(spec, spec.min()), position(spec, spec.max()),
                position(spec, process.value(spec.name())));
        slider.setId("param-" + spec.name());
        slider.setTooltip(Widgets.tip(spec.description() + (spec.logScale() ? " (The slider moves in log scale.)" : "")));
        Label name = new Label(spec.symbol());
        name.getStyleClass().add("row-label");
        name.setTooltip(slider.getTooltip());
        Label value = new Label();
        value.setId("value-" + spec.name());
        value.getStyleClass().add("slider-value");
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().addListener((obs, old, v) -> {
            if (!syncing) {
                process.set(spec.name(), value(spec, v.doubleValue()));
            }
        });
        byName.put(spec.name(), slider);
        values.put(spec.name(), value);
        HBox row = new HBox(name, slider, value);
        row.getStyleClass().add("slider-row");
        return row;
    }

    private void syncSliders() {
        syncing = true;
        try {
            for (ParameterSpec spec : process.kindProperty().get().parameters()) {
                Slider slider = byName.get(spec.name());
                if (slider == null) {
                    continue;
                }
                double v = process.value(spec.name());
                slider.setValue(position(spec, v));
                values.get(spec.name()).setText(format(v));
            }
        } finally {
            syncing = false;
        }
    }

    private static double position(ParameterSpec spec, double v) {
        return spec.logScale() ? Math.log10(v) : v;
    }

    private static double value(ParameterSpec spec, double position) {
        return spec.logScale() ? Math.pow(10, position) : position;
    }

    public static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (a >= 0.01) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        if (a >= 0.0001) {
            return String.format(Locale.ROOT, "%.2g", v); // 0.0064, as the other readouts: no exponent
        }
        // smaller still: 6.4 × 10⁻⁵, as a lecture slide writes it, not 6.4e-05
        int e = (int) Math.floor(Math.log10(a));
        double m = v / Math.pow(10, e);
        if (Math.abs(Math.round(m * 10) / 10.0) >= 10) {
            m /= 10;
            e += 1;
        }
        return String.format(Locale.ROOT, "%.1f \u00d7 10", m) + superscript(e);
    }

    private static String superscript(int e) {
        String digits = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";
        StringBuilder out = new StringBuilder(e < 0 ? "\u207b" : "");
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
            out.append(digits.charAt(c - '0'));
        }
        return out.toString();
    }

    /** The schedule's α and σ in one line (docs/math.md §2). */
    static String formula(ScheduleKind kind) {
        return switch (kind) {
            case VP -> "α = e^(−B/2),  σ = √(1 − e^(−B)),  B(t) = ∫₀ᵗ β,  β(t) = β_min + t(β_max − β_min)";
            case SUB_VP -> "α = e^(−B/2),  σ = 1 − e^(−B): the same α as VP with less noise";
            case VP_COSINE -> "α = cos(π/2 · (t + s)/(1 + s)) / cos(π/2 · s/(1 + s)),  σ = √(1 − α²)";
            case VE -> "α = 1,  σ = σ_min (σ_max/σ_min)^t: noise is added, the data never shrinks";
            case EDM -> "α = 1,  σ = σ_max · t";
            case LINEAR -> "α = 1 − t,  σ = t: straight paths from data to noise";
            case TRIG -> "α = cos(πt/2),  σ = sin(πt/2)";
        };
    }
}
