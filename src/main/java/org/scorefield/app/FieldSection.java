package org.scorefield.app;

import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.ToggleSwitch;
import org.scorefield.core.field.FieldKind;

/**
 * The Fields section: which vector field the canvas draws (the score or the PF-ODE velocity), from
 * where (learned, exact, or the size of their difference as a heatmap), as arrows or streamlines,
 * how dense and how long the arrows are.
 */
final class FieldSection {

    private final ExplorerModel model;

    FieldSection(ExplorerModel model) {
        this.model = model;
    }

    TitledPane build() {
        ToggleSwitch show = new ToggleSwitch();
        show.setId("fieldSwitch");
        show.selectedProperty().bindBidirectional(model.showFieldProperty());
        ComboBox<FieldKind> kind = Widgets.choices(FieldKind.values(), model.fieldKindProperty().get(),
                FieldKind::displayName);
        kind.setId("fieldKindBox");
        kind.valueProperty().bindBidirectional(model.fieldKindProperty());
        ComboBox<ExplorerModel.FieldSource> source = Widgets.choices(ExplorerModel.FieldSource.values(),
                model.fieldSourceProperty().get(), ExplorerModel.FieldSource::toString);
        source.setId("fieldSourceBox");
        source.valueProperty().bindBidirectional(model.fieldSourceProperty());
        ToggleSwitch lines = new ToggleSwitch();
        lines.setId("streamlineSwitch");
        lines.selectedProperty().bindBidirectional(model.streamlinesProperty());

        Slider density = new Slider(12, 40, model.fieldResolutionProperty().get());
        density.setId("fieldDensitySlider");
        density.setMajorTickUnit(4);
        density.setSnapToTicks(false);
        density.valueProperty().addListener((obs, old, v) -> model.fieldResolutionProperty().set((int) Math.round(v.doubleValue())));
        model.fieldResolutionProperty().addListener((obs, old, n) -> {
            if (Math.round(density.getValue()) != n.intValue()) {
                density.setValue(n.intValue());
            }
        });
        Label densityValue = new Label();
        densityValue.getStyleClass().add("slider-value");
        densityValue.textProperty().bind(model.fieldResolutionProperty().asString());
        HBox densityRow = new HBox(density, densityValue);
        densityRow.getStyleClass().add("slider-row");
        HBox.setHgrow(density, Priority.ALWAYS);

        Slider scale = new Slider(-2, 2, 0); // log2 of the arrow scale
        scale.setId("arrowScaleSlider");
        scale.valueProperty().addListener((obs, old, v) -> model.arrowScaleProperty().set(Math.pow(2, v.doubleValue())));
        scale.setValue(Math.log(model.arrowScaleProperty().get()) / Math.log(2));
        model.arrowScaleProperty().addListener((obs, old, a) -> {
            double log2 = Math.log(a.doubleValue()) / Math.log(2);
            if (Math.abs(log2 - scale.getValue()) > 1e-9) {
                scale.setValue(log2);
            }
        });
        Label scaleValue = new Label();
        scaleValue.getStyleClass().add("slider-value");
        model.arrowScaleProperty().addListener((obs, old, v) ->
                scaleValue.setText(String.format(Locale.ROOT, "%.2g×", v.doubleValue())));
        scaleValue.setText("1×");
        HBox scaleRow = new HBox(scale, scaleValue);
        scaleRow.getStyleClass().add("slider-row");
        HBox.setHgrow(scale, Priority.ALWAYS);

        TitledPane pane = Widgets.section("Fields", "fieldSection",
                Widgets.row("Show field", show, "Draw a vector field over the canvas at the current t (key F)."),
                Widgets.row("Field", kind, "The score ∇log p_t points towards where the noisy data is denser; the "
                        + "PF-ODE velocity dx/dt is the direction a particle moves in as t grows, towards noise. "
                        + "Sampling runs against it, from t = 1 back to t = 0."),
                Widgets.row("From", source, "Learned: what the network says. Exact: the closed-form truth of this "
                        + "data. |Learned − exact|: where the network is wrong, as a heatmap."),
                Widgets.row("Streamlines", lines, "Draw curves that follow the field instead of arrows."),
                Widgets.row("Grid", densityRow, "Arrows (or streamline spacing) per side of the canvas."),
                Widgets.row("Arrow length", scaleRow, "Lengthen or shorten every arrow. Arrows are scaled together, "
                        + "so their lengths compare; the longest are clipped to one cell."));
        pane.setExpanded(false);
        return pane;
    }
}
