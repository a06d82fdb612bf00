package io.parley.gateway.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * JSON bodies are read with their types as written: an id or a count must be a JSON integer
 * ({@code 130.5}, {@code 1.3e2}, {@code "130"} and {@code true} are refused, not turned into 130
 * or 1), a text must be a JSON string ({@code 12} is refused, not turned into "12"), a flag must
 * be {@code true} or {@code false}. Micronaut Serialization's own readers coerce all of these;
 * these replace them for the gateway's bodies and refuse with 1001 naming the field (as the
 * WebSocket frames do). JSON {@code null} stays null: a missing or null field is the controller's
 * to refuse.
 */
@Factory
final class StrictScalars {
    @Singleton
    @Primary
    Deserializer<Long> longs() {
        return (decoder, context, type) -> integer(decoder, type, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Singleton
    @Primary
    Deserializer<Integer> ints() {
        return (decoder, context, type) -> (int) integer(decoder, type, Integer.MIN_VALUE,
                Integer.MAX_VALUE);
    }

    @Singleton
    @Primary
    Deserializer<String> strings() {
        return node(JsonNode::isString, "must be a string", JsonNode::getStringValue);
    }

    @Singleton
    @Primary
    Deserializer<Boolean> booleans() {
        return node(JsonNode::isBoolean, "must be true or false", JsonNode::getBooleanValue);
    }

    /** Reads the value as a node and takes it only when it is of the {@code is} kind. */
    private static <T> Deserializer<T> node(Predicate<JsonNode> is, String why,
                                            Function<JsonNode, T> value) {
        return (decoder, context, type) -> {
            JsonNode node = decoder.decodeNode();
            if (!is.test(node)) {
                throw refused(type, why);
            }
            return value.apply(node);
        };
    }

    private static long integer(Decoder decoder, Argument<?> type, long min, long max)
            throws IOException {
        JsonNode node = decoder.decodeNode();
        Number n = node.isNumber() ? node.getNumberValue() : null;
        boolean integral = n instanceof Integer || n instanceof Long || n instanceof Short
                || n instanceof Byte || n instanceof BigInteger;
        if (!integral) {
            throw refused(type, "must be an integer");
        }
        if (n instanceof BigInteger big && big.bitLength() > 63 || n.longValue() < min
                || n.longValue() > max) {
            throw refused(type, "is out of range");
        }
        return n.longValue();
    }

    private static ParleyException refused(Argument<?> type, String why) {
        // a list's element comes named for its type variable ("E"); fields are lowerCamelCase
        String name = type == null || type.getName().isBlank() ? "a field"
                : type.getName().length() == 1 && Character.isUpperCase(type.getName().charAt(0))
                ? "every element of a list" : type.getName();
        return new ParleyException(ErrorCode.VALIDATION_FAILED, name + " " + why);
    }
}
