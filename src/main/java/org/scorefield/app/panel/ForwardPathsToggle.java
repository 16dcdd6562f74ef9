package org.scorefield.app.panel;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.scorefield.app.settings.ForwardPaths;
import org.scorefield.app.settings.Settings;

/**
 * "Forward paths: fixed ε | Brownian (SDE)" (docs/math.md §1.4): two buttons of one group bound both ways to
 * the setting, so a lesson or a session that sets it shows here too.
 */
public final class ForwardPathsToggle {

    private ForwardPathsToggle() {
    }

    /**
     * The label over the two buttons {@code #forwardFixed} and {@code #forwardBrownian} (beside it, a narrow
     * panel cut their names short), and a caption that both have the same marginals.
     */
    public static VBox row(ObjectProperty<ForwardPaths> kind) {
        ToggleButton fixed = new ToggleButton(ForwardPaths.FIXED_EPSILON.toString());
        fixed.setId("forwardFixed");
        ToggleButton brownian = new ToggleButton(ForwardPaths.BROWNIAN.toString());
        brownian.setId("forwardBrownian");
        SegmentedButton both = new SegmentedButton(fixed, brownian);
        both.setId("forwardPaths");
        Runnable show = () -> (kind.get() == ForwardPaths.BROWNIAN ? brownian : fixed).setSelected(true);
        show.run();
        both.getToggleGroup().selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) {
                show.run(); // one of the two is always chosen
            } else {
                kind.set(t == brownian ? ForwardPaths.BROWNIAN : ForwardPaths.FIXED_EPSILON);
            }
        });
        kind.addListener(obs -> show.run());
        fixed.setTooltip(Widgets.tip(Settings.FORWARD_PATHS.tooltip()));
        brownian.setTooltip(Widgets.tip(Settings.FORWARD_PATHS.tooltip()));
        Label name = new Label(Settings.FORWARD_PATHS.label());
        name.getStyleClass().add("row-label");
        name.setTooltip(Widgets.tip(Settings.FORWARD_PATHS.tooltip()));
        Label same = Widgets.caption("Both have the same marginals p\u209c at every t; only the paths differ.");
        VBox box = new VBox(4, name, both, same);
        box.setId("forwardPathsRow");
        return box;
    }
}
