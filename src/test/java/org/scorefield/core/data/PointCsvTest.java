package org.scorefield.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.core.InvalidInputException;

class PointCsvTest {

    /** Values whose shortest decimal is long or unusual, up to the largest coordinate read (1e6). */
    private static final double[] AWKWARD = {1e-300, -0.0, 123456.789, 0.1, -2.5e5, Double.MIN_VALUE,
            1e6, -1e6, 1.0 / 3, Math.nextDown(1e6)};

    @TempDir
    Path dir;

    @Test
    void roundTripIsExactWithLabels() throws IOException {
        PointSet p = PointSet.of(AWKWARD, new int[] {0, 3, 1, 0, 2});
        Path file = dir.resolve("labelled.csv");
        PointCsv.write(p, file);
        assertEquals(p, PointCsv.read(file));
        assertEquals("x,y,label", Files.readAllLines(file).get(0));
    }

    @Test
    void roundTripIsExactWithoutLabels() throws IOException {
        PointSet p = PointSet.of(AWKWARD);
        Path file = dir.resolve("plain.csv");
        PointCsv.write(p, file);
        PointSet back = PointCsv.read(file);
        assertEquals(p, back);
        assertFalse(back.hasLabels());
        // -0.0 survives: PointSet.equals compares bit patterns
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.y(0)));
        assertEquals(List.of("x,y", "1.0E-300,-0.0"), Files.readAllLines(file).subList(0, 2));
    }

    @Test
    void roundTripOfAPresetSample() {
        PointSet p = DatasetPreset.PINWHEEL.sample(1_000, 2);
        Path file = dir.resolve("sub/dir/pinwheel.csv");
        PointCsv.write(p, file);
        assertEquals(p, PointCsv.read(file));
    }

    @Test
    void headerIsOptional() throws IOException {
        PointSet expected = PointSet.of(new double[] {1, 2, 3.5, -4}, new int[] {0, 1});
        assertEquals(expected, PointCsv.read(file("a.csv", "1,2,0\n3.5,-4,1\n")));
        assertEquals(expected, PointCsv.read(file("b.csv", "x,y,label\n1,2,0\n3.5,-4,1\n")));
        assertEquals(expected, PointCsv.read(file("c.csv", "\"x\",\"y\",\"class\"\n1,2,0\n3.5,-4,1\n")));
    }

    @Test
    void toleratesBomCrlfBlanksCommentsAndSpaces() throws IOException {
        String text = "\uFEFF# exported by hand\r\n  x , y \r\n\r\n 1.5 ,\t-2 \r\n# a comment\r\n   \r\n+3e2,.25\r\n";
        assertEquals(PointSet.of(new double[] {1.5, -2, 300, 0.25}), PointCsv.read(file("points.csv", text)));
    }

    @Test
    void wholeNumberLabelsMayBeWrittenAsFloats() throws IOException {
        PointSet p = PointCsv.read(file("points.csv", "0,0,2.0\n1,1,1e1\n"));
        assertEquals(2, p.label(0));
        assertEquals(10, p.label(1));
    }

    @Test
    void malformedRowsNameTheFileAndLine() throws IOException {
        StringBuilder rows = new StringBuilder("x,y\n");
        for (int i = 2; i <= 16; i++) {
            rows.append(i).append(",0\n");
        }
        assertError("points.csv line 17: expected a number in column 2, found 'abc'.",
                rows + "1,abc\n");
        assertError("points.csv line 5: NaN is not a coordinate.", "x,y\n1,2\n\n# c\nNaN,1\n");
        assertError("points.csv line 2: NaN is not a coordinate.", "1,2\n3,nan\n");
        assertError("points.csv line 3: Infinity is not a coordinate.", "1,2\n3,4\n-Infinity,1\n");
        assertError("points.csv line 1: Infinity is not a coordinate.", "inf,2\n");
        assertError("points.csv line 2: '1e400' is too large for a coordinate (at most ±1,000,000).", "1,2\n1e400,0\n");
        assertError("points.csv line 9: expected 2 columns like the first row, found 3.",
                "x,y\n1,2\n3,4\n5,6\n7,8\n9,10\n11,12\n13,14\n1,2,0\n");
        assertError("points.csv line 3: expected 3 columns like the first row, found 2.", "x,y,label\n1,2,0\n3,4\n");
        assertError("points.csv line 4: a label must be a whole number ≥ 0, found '1.5'.",
                "1,2,0\n3,4,1\n5,6,2\n7,8,1.5\n");
        assertError("points.csv line 2: a label must be a whole number ≥ 0, found '-1'.", "1,2,0\n3,4,-1\n");
        assertError("points.csv line 2: a label must be a whole number ≥ 0, found 'dog'.", "1,2,0\n3,4,dog\n");
        assertError("points.csv line 1: a label must be at most 999, found '1000'.", "1,2,1000\n");
        assertError("points.csv line 2: expected 2 or 3 columns (x,y or x,y,label), found 4.", "x,y\n1,2,3,4\n");
        assertError("points.csv line 2: expected 2 or 3 columns (x,y or x,y,label), found 1.", "x\n1\n");
        assertError("points.csv line 2: expected a number in column 1, found ''.", "x,y\n,2\n");
        // Java's own extras are not CSV numbers
        assertError("points.csv line 1: expected a number in column 1, found '1d'.", "1d,2\n");
        assertError("points.csv line 1: expected a number in column 2, found '0x1p3'.", "1,0x1p3\n");
        // only the first row may be a header
        assertError("points.csv line 3: expected a number in column 1, found 'x'.", "x,y\n1,2\nx,y\n");
    }

    @Test
    void longFieldsAreShortenedInMessages() throws IOException {
        String junk = "z".repeat(500);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PointCsv.read(file("points.csv", "1,2\n3," + junk + "\n")));
        assertEquals("points.csv line 2: expected a number in column 2, found '" + "z".repeat(40) + "…'.",
                e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreReportedOnTheirLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        byte[] head = "x,y\n1,2\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {'3', ',', (byte) 0xB5, '\n'}; // µ in Latin-1
        Files.write(file, concat(head, bad));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PointCsv.read(file));
        assertEquals("latin1.csv line 3: the file is not UTF-8 text; save it as UTF-8.", e.getMessage());
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aHugeFieldThatIsAlmostANumberIsRefusedInLinearTime() throws IOException {
        // before: the pattern backtracked over every split of the digits, O(n²) steps, hours for this line
        String digits = "9".repeat(1_000_000);
        assertEquals(1, PointCsv.read(file("header.csv", digits + "x\n1,2\n")).size(), "a first row of no number is a header");
        assertError("points.csv line 2: expected a number in column 1, found '" + "9".repeat(40) + "…'.",
                "1,2\n" + digits + "\u00e9,1\n");
    }

    @Test
    void emptyFilesAreRefused() throws IOException {
        String expected = "points.csv is empty: expected rows of x,y or x,y,label.";
        assertError(expected, "");
        assertError(expected, "x,y\n");
        assertError(expected, "# nothing\n\n   \n");
        assertError(expected, "\uFEFFx,y,label\r\n");
    }

    @Test
    void missingFilesAndFoldersAreReported() throws IOException {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PointCsv.read(dir.resolve("missing.csv")));
        assertEquals("Cannot read missing.csv: no such file.", e.getMessage());
        Files.createDirectory(dir.resolve("folder.csv"));
        e = assertThrows(InvalidInputException.class, () -> PointCsv.read(dir.resolve("folder.csv")));
        assertEquals("Cannot read folder.csv: it is a folder.", e.getMessage());
    }

    @Test
    void moreThanMaxPointsFailsOnTheFirstRowTooMany() throws IOException {
        Path file = dir.resolve("huge.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("x,y\n");
            for (int i = 0; i < PointCsv.MAX_POINTS; i++) {
                w.write(i + ",0.5\n");
            }
        }
        assertEquals(PointCsv.MAX_POINTS, PointCsv.read(file).size());
        Files.writeString(file, "1,2\n", StandardOpenOption.APPEND);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PointCsv.read(file));
        assertEquals("huge.csv line " + (PointCsv.MAX_POINTS + 2) + ": the file has more than " + PointCsv.MAX_POINTS
                + " points, the most Scorefield loads; subsample it first.", e.getMessage());
    }

    @Test
    void filesOverTheByteLimitAreRefusedBeforeReading() throws IOException {
        Path file = file("big.csv", "x,y\n1,2\n3,4\n"); // 12 bytes
        assertEquals(2, PointCsv.read(file, 12).size());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PointCsv.read(file, 11));
        assertEquals("Cannot read big.csv: at 12 bytes it is over the 11 bytes a point file may have.", e.getMessage());
        assertEquals(64L << 20, PointCsv.MAX_BYTES);
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path file = file("points.csv", "old content\n");
        PointSet p = PointSet.of(new double[] {1, 2});
        PointCsv.write(p, file);
        assertEquals("x,y\n1.0,2.0\n", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writeFailuresAreOneSentence() throws IOException {
        Path notAFolder = file("plain.txt", "I am a file\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PointCsv.write(PointSet.of(new double[] {1, 2}), notAFolder.resolve("points.csv")));
        assertEquals("Cannot write points.csv: a part of the path is not a folder.", e.getMessage());
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        e = assertThrows(InvalidInputException.class, () -> PointCsv.write(PointSet.of(new double[] {1, 2}), folder));
        assertEquals("Cannot write folder.csv: it is a folder.", e.getMessage());
        assertEquals("I am a file\n", Files.readString(notAFolder));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private void assertError(String expected, String content) throws IOException {
        Path file = file("points.csv", content);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PointCsv.read(file),
                () -> "no error for " + content);
        assertEquals(expected, e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
