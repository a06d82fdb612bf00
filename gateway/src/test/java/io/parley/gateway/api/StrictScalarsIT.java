package io.parley.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's JSON reader takes scalars only as the types they are written as. */
@MicronautTest
class StrictScalarsIT {
    @Serdeable
    record Probe(@Nullable Long id, @Nullable Integer count, @Nullable String text,
                 @Nullable Boolean flag, long seq, @Nullable List<Long> ids) {
    }

    @Inject
    JsonMapper json;

    @Test
    void takesEveryTypeAsWritten() throws Exception {
        Probe p = json.readValue("{\"id\": 130, \"count\": -2, \"text\": \"hi\", \"flag\": true,"
                + " \"seq\": 9007199254740993, \"ids\": [1, 2]}", Probe.class);
        assertEquals(130L, p.id());
        assertEquals(-2, p.count());
        assertEquals("hi", p.text());
        assertEquals(Boolean.TRUE, p.flag());
        assertEquals(9007199254740993L, p.seq(), "no detour through a double");
        assertEquals(List.of(1L, 2L), p.ids());
        Probe empty = json.readValue("{\"id\": null, \"text\": null, \"seq\": 1}", Probe.class);
        assertNull(empty.id());
        assertNull(empty.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\": 130.5, \"seq\": 1}",
        "{\"id\": 1.3e2, \"seq\": 1}",
        "{\"id\": \"130\", \"seq\": 1}",
        "{\"id\": true, \"seq\": 1}",
        "{\"id\": 99999999999999999999, \"seq\": 1}",
        "{\"count\": 3000000000, \"seq\": 1}",
        "{\"text\": 12, \"seq\": 1}",
        "{\"text\": {\"a\": 1}, \"seq\": 1}",
        "{\"flag\": 1, \"seq\": 1}",
        "{\"flag\": \"true\", \"seq\": 1}",
        "{\"seq\": 1.5}",
        "{\"seq\": 1, \"ids\": [1, 2.5]}",
        "{\"seq\": 1, \"ids\": [\"1\"]}"
    })
    void refusesACoercionWith1001NamingTheField(String body) {
        Exception e = assertThrows(Exception.class, () -> json.readValue(body, Probe.class));
        ParleyException refused = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParleyException p) {
                refused = p;
            }
        }
        assertNotNull(refused, body + " -> " + e);
        assertEquals(ErrorCode.VALIDATION_FAILED, refused.error(), body);
        assertTrue(refused.getMessage().matches("(id|count|text|flag|seq|every element of a list) .*"),
                body + " -> " + refused.getMessage());
    }
}
