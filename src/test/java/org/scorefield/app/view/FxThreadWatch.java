package org.scorefield.app.view;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;

/**
 * Catches FX-thread violations: every observable a state object exposes (each no-argument method
 * returning an {@link Observable}, found by reflection) and the text, visibility and disabled state
 * of every node of a scene get a listener that records a change made on any thread other than the
 * FX application thread. The window's state "lives on the FX thread": workers hand results over
 * with {@code Platform.runLater}, so any change seen elsewhere is a bug, whatever it is.
 */
final class FxThreadWatch {

    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<Runnable> removals = new ArrayList<>();
    private final java.util.Set<Node> nodes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private int watched;

    /** Watches every observable {@code state} exposes. Call on the FX thread. */
    FxThreadWatch state(Object state) {
        for (Method m : allMethods(state.getClass())) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.isSynthetic()
                    || !Observable.class.isAssignableFrom(m.getReturnType())) {
                continue;
            }
            try {
                m.setAccessible(true);
                Observable o = (Observable) m.invoke(state);
                if (o != null) {
                    watch(o, state.getClass().getSimpleName() + "." + m.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot read " + m, e);
            }
        }
        return this;
    }

    /**
     * Watches text, visibility and disabled state of every node under root not watched yet. Nodes
     * added later (a view switched on) are not seen until this is called again. Call on the FX thread.
     */
    FxThreadWatch scene(Parent root) {
        List<Node> found = new ArrayList<>();
        collect(root, found);
        for (Node n : found) {
            if (!nodes.add(n)) {
                continue;
            }
            String name = n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
            watch(n.visibleProperty(), name + ".visible");
            watch(n.disableProperty(), name + ".disable");
            if (n instanceof Labeled l) {
                watch(l.textProperty(), name + ".text");
            } else if (n instanceof TextInputControl t) {
                watch(t.textProperty(), name + ".text");
            }
        }
        return this;
    }

    /** Observables watched (shows the watch is not empty). */
    int watched() {
        return watched;
    }

    /** Changes made off the FX thread, as "property on thread". */
    List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** Removes every listener. Call on the FX thread. */
    void stop() {
        removals.forEach(Runnable::run);
        removals.clear();
    }

    private void watch(Observable o, String name) {
        Runnable check = () -> {
            if (!Platform.isFxApplicationThread()) {
                violations.add(name + " on " + Thread.currentThread().getName());
            }
        };
        // A change listener reads every new value, so it hears every change; an invalidation listener
        // alone goes quiet after the first one until somebody reads the value.
        if (o instanceof ObservableValue<?> v) {
            ChangeListener<Object> listener = (obs, old, now) -> check.run();
            @SuppressWarnings("unchecked")
            ObservableValue<Object> value = (ObservableValue<Object>) v;
            value.addListener(listener);
            removals.add(() -> value.removeListener(listener));
        } else {
            InvalidationListener listener = obs -> check.run();
            o.addListener(listener);
            removals.add(() -> o.removeListener(listener));
        }
        watched++;
    }

    private static void collect(Node node, List<Node> out) {
        out.add(node);
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static List<Method> allMethods(Class<?> type) {
        List<Method> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Collections.addAll(out, c.getDeclaredMethods());
        }
        return out;
    }
}
