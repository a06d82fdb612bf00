package io.parley.gateway.presence;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresenceReportsTest {

    @Test
    void cutsEverySocketIntoChunksOfAtMostTheSizeInOrderAndLosesNone() {
        List<Integer> sockets = IntStream.range(0, 25_001).boxed().toList();
        List<List<Integer>> chunks = new PresenceReports(500).chunks(sockets);
        assertEquals(51, chunks.size());
        assertTrue(chunks.stream().allMatch(c -> c.size() <= 500 && !c.isEmpty()));
        assertEquals(1, chunks.get(50).size());
        assertEquals(sockets, chunks.stream().flatMap(List::stream).toList());
    }

    @Test
    void noSocketsMeansNoCall() {
        assertEquals(List.of(), new PresenceReports(500).chunks(List.of()));
        assertEquals(List.of(List.of(1, 2)), new PresenceReports(500).chunks(List.of(1, 2)));
    }

    @Test
    void refusesAChunkSizeOutsideItsBounds() {
        assertThrows(IllegalArgumentException.class, () -> new PresenceReports(0));
        assertThrows(IllegalArgumentException.class, () -> new PresenceReports(10_001));
    }
}
