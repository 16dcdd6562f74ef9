package org.scorefield.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Frames painted on several threads come out in order, no painter runs more than the buffer ahead, each
 * painter stays on one thread, and a failure or a cancel stops them all.
 */
class ParallelFramesTest {

    /** A 1×1 image holding its frame number, after a random pause so that frames finish out of order. */
    private static IntFunction<BufferedImage> numbered(long seed, AtomicInteger taken, int buffer,
                                                       AtomicBoolean ranAhead) {
        SplittableRandom random = new SplittableRandom(seed);
        return i -> {
            // the test counts a frame as taken just after take() returns it: one frame of slack
            if (i > taken.get() + buffer) {
                ranAhead.set(true);
            }
            try {
                Thread.sleep(random.nextInt(4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, i);
            return image;
        };
    }

    @Test
    void framesComeOutInOrderWithEachPainterOnOneThreadAndNoneTooFarAhead() throws InterruptedException {
        int count = 120;
        int buffer = 4;
        AtomicInteger taken = new AtomicInteger();
        AtomicBoolean ranAhead = new AtomicBoolean();
        AtomicInteger made = new AtomicInteger();
        Map<Integer, Thread> threadOf = new ConcurrentHashMap<>();
        List<Integer> out = new ArrayList<>();
        Supplier<IntFunction<BufferedImage>> painters = () -> {
            int id = made.getAndIncrement();
            IntFunction<BufferedImage> paint = numbered(id, taken, buffer, ranAhead);
            return i -> {
                Thread was = threadOf.putIfAbsent(id, Thread.currentThread());
                assertTrue(was == null || was == Thread.currentThread(), "painter " + id + " moved threads");
                return paint.apply(i);
            };
        };
        try (ParallelFrames frames = new ParallelFrames(count, 3, buffer, painters, () -> false)) {
            for (int i = 0; i < count; i++) {
                out.add(frames.take().getRGB(0, 0) & 0xffffff);
                taken.incrementAndGet();
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(i);
        }
        assertEquals(expected, out);
        assertEquals(3, made.get(), "a painter per thread");
        assertEquals(3, threadOf.values().stream().distinct().count(), "three threads");
        assertEquals(false, ranAhead.get(), "no frame was begun more than the buffer ahead of the one taken");
    }

    @Test
    void aPaintersFailureReachesTheTakerAsItWasThrown() {
        IllegalStateException broken = new IllegalStateException("the model went away");
        Supplier<IntFunction<BufferedImage>> painters = () -> i -> {
            if (i == 7) {
                throw broken;
            }
            return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        };
        List<Integer> before = Collections.synchronizedList(new ArrayList<>());
        IllegalStateException seen = assertThrows(IllegalStateException.class, () -> {
            try (ParallelFrames frames = new ParallelFrames(50, 2, 4, painters, () -> false)) {
                for (int i = 0; i < 50; i++) {
                    frames.take();
                    before.add(i);
                }
            }
        });
        assertSame(broken, seen);
        assertTrue(before.size() <= 7, "no frame is handed out past the failure: " + before.size());
    }

    @Test
    void aCancelDoesNotWaitForASlowFrameAndCloseStopsThePainters() throws InterruptedException {
        CountDownLatch painting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger painted = new AtomicInteger();
        Supplier<IntFunction<BufferedImage>> painters = () -> i -> {
            painting.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            painted.incrementAndGet();
            return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        };
        AtomicBoolean cancelled = new AtomicBoolean();
        ParallelFrames frames = new ParallelFrames(100, 2, 4, painters, cancelled::get);
        assertTrue(painting.await(20, TimeUnit.SECONDS));
        cancelled.set(true);
        assertThrows(CancellationException.class, frames::take);
        release.countDown();
        frames.close();
        assertTrue(painted.get() <= 2, "each painter finished the frame it had begun and stopped: " + painted.get());
    }
}
