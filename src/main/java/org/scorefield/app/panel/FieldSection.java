package org.scorefield.app.panel;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import org.controlsfx.control.ToggleSwitch;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.ViewState;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.app.settings.FieldSource;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.field.FieldKind;

/**
 * The Fields section: which vector field the canvas draws (the score, the PF-ODE velocity or the flux p_t·û), from
 * where (learned, exact, or the size of their difference as a heatmap), as arrows or streamlines,
 * how dense and how long the arrows are; and the block of continuity cells (docs/math.md §8.10).
 */
public final class FieldSection {

    private final ExplorerModel model;

    public FieldSection(ExplorerModel model) {
        this.model = model;
    }

    public TitledPane build() {
        ViewState view = model.view();
        ToggleSwitch show = Controls.toggle(Settings.SHOW_FIELD, view.showFieldProperty(), "fieldSwitch");
        // a click of the user's, not a lesson's change of the setting, moves t to where the field shows most
        show.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> model.fieldSwitchedOn());
        ComboBox<FieldKind> kind = Controls.choices(Settings.FIELD_KIND, view.fieldKindProperty(), "fieldKindBox");
        ComboBox<FieldSource> source = Controls.choices(Settings.FIELD_SOURCE, view.fieldSourceProperty(),
                "fieldSourceBox");
        ToggleSwitch lines = Controls.toggle(Settings.STREAMLINES, view.streamlinesProperty(), "streamlineSwitch");
        HBox densityRow = Controls.slider(Settings.FIELD_RESOLUTION, view.fieldResolutionProperty(),
                "fieldDensitySlider");
        HBox scaleRow = Controls.slider(Settings.ARROW_SCALE, view.arrowScaleProperty(), "arrowScaleSlider");
        ToggleSwitch cells = Controls.toggle(Settings.CONTINUITY, view.continuityProperty(), "continuitySwitch");
        // the Cells tool: while it is on, a click on the canvas moves the block there
        ToggleButton place = new ToggleButton("Move the cells by clicking");
        place.setId("toolCells");
        place.setMaxWidth(Double.MAX_VALUE);
        place.setTooltip(Widgets.tip("While this is on, a click on the canvas moves the block of continuity cells "
                + "there and shows it. Another tool (Data \u25b8 Start paths, Draw, \u2026) turns it off."));
        place.setSelected(view.toolProperty().get() == CanvasTool.CELLS);
        view.toolProperty().addListener((obs, old, t) -> place.setSelected(t == CanvasTool.CELLS));
        place.setOnAction(e -> view.toolProperty().set(place.isSelected() ? CanvasTool.CELLS : CanvasTool.LOOK));

        TitledPane pane = Widgets.section("Fields", "fieldSection",
                Controls.row(Settings.SHOW_FIELD, show),
                Controls.row(Settings.FIELD_KIND, kind),
                Controls.row(Settings.FIELD_SOURCE, source),
                Controls.row(Settings.STREAMLINES, lines),
                Controls.row(Settings.FIELD_RESOLUTION, densityRow),
                Controls.row(Settings.ARROW_SCALE, scaleRow),
                Controls.row(Settings.CONTINUITY, cells),
                place);
        pane.setExpanded(false);
        return pane;
    }
}
