package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The watch reports a change made off the FX thread, and only such a change. */
@ExtendWith(ApplicationExtension.class)
class FxThreadWatchTest {

    /** A state object of the window's kind: a property behind an accessor. */
    static final class Counter {
        private final IntegerProperty count = new SimpleIntegerProperty();

        IntegerProperty countProperty() {
            return count;
        }
    }

    @Start
    void start(Stage stage) {
        // The toolkit only.
    }

    @Test
    void aChangeFromAWorkerIsAViolationAndOneOnTheFxThreadIsNot() throws Exception {
        Counter counter = new Counter();
        Label label = new Label("a");
        FxThreadWatch watch = WaitForAsyncUtils.asyncFx(() -> new FxThreadWatch().state(counter)
                .scene(new VBox(label))).get(10, TimeUnit.SECONDS);
        assertEquals(6, watch.watched(), "the property; the box's visibility and disabled state; the label's, and its text");

        WaitForAsyncUtils.asyncFx(() -> {
            counter.countProperty().set(1);
            label.setText("b");
        }).get(10, TimeUnit.SECONDS);
        assertTrue(watch.violations().isEmpty(), watch.violations().toString());

        Thread worker = new Thread(() -> {
            counter.countProperty().set(2);
            counter.countProperty().set(3); // heard too, though nobody read the 2
            label.setText("c");
        }, "some-worker");
        worker.start();
        worker.join();
        assertEquals(java.util.List.of("Counter.countProperty on some-worker", "Counter.countProperty on some-worker",
                "Label.text on some-worker"), watch.violations());

        WaitForAsyncUtils.asyncFx(watch::stop).get(10, TimeUnit.SECONDS);
        Thread again = new Thread(() -> counter.countProperty().set(4));
        again.start();
        again.join();
        assertEquals(3, watch.violations().size(), "stopped: no more listeners");
    }
}
