package io.parley.contracts.frame;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns WebSocket text into frames and back. Decoding never throws anything but
 * {@link ParleyException}, so a socket handler can answer every bad frame with an {@code error}
 * frame and keep the socket open.
 */
public final class FrameCodec {
    private static final Argument<ServerFrame> SERVER_FRAME = Argument.of(ServerFrame.class);
    private static final JsonFactory STRICT = new JsonFactory();

    private final JsonMapper json;

    public FrameCodec(JsonMapper json) {
        this.json = json;
    }

    public ClientFrame decodeClient(String text) {
        JsonNode node = parse(text);
        String type = text(node, "type");
        if (type == null) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "type is required");
        }
        return switch (type) {
            case "send" -> refusalNamingClientMsgId(node);
            case "ping" -> new PingFrame();
            case "received" -> new ReceivedFrame(text(node, "conversationId"),
                    number(node, "seq"));
            case "typing" -> new TypingFrame(text(node, "conversationId"));
            default -> throw new ParleyException(ErrorCode.UNKNOWN_FRAME_TYPE,
                    "unknown frame type: " + abbreviate(type));
        };
    }

    public String encodeServer(ServerFrame frame) {
        try {
            return json.writeValueAsString(SERVER_FRAME, frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For clients written in Java (tests, benchmarks): the reverse of {@link #encodeServer}. */
    public ServerFrame decodeServer(String text) {
        try {
            return json.readValue(text, SERVER_FRAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For clients written in Java: a send frame as a browser would write it. */
    public String encodeClient(ClientFrame frame) {
        try {
            if (frame instanceof SendFrame s) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("type", "send");
                fields.put("clientMsgId", s.clientMsgId());
                if (s.isGroup()) {
                    fields.put("conversationId", s.conversationId());
                } else {
                    fields.put("to", s.to());
                }
                fields.put("text", s.text());
                if (s.imageId() != null) {
                    fields.put("imageId", s.imageId());
                }
                return json.writeValueAsString(fields);
            }
            if (frame instanceof ReceivedFrame r) {
                return json.writeValueAsString(java.util.Map.of("type", "received",
                        "conversationId", r.conversationId(), "seq", r.seq()));
            }
            if (frame instanceof TypingFrame t) {
                return json.writeValueAsString(Map.of("type", "typing",
                        "conversationId", t.conversationId()));
            }
            return "{\"type\":\"ping\"}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any refusal of a send names the send's {@code clientMsgId} when it has a usable one. */
    private static SendFrame refusalNamingClientMsgId(JsonNode node) {
        try {
            return send(node);
        } catch (ParleyException e) {
            JsonNode id = node.get("clientMsgId");
            String clientMsgId = id != null && id.isString()
                    && id.getStringValue().length() <= SendFrame.MAX_CLIENT_MSG_ID_LENGTH
                    ? id.getStringValue() : null;
            throw new FrameRefusedException(e.error(), e.getMessage(), clientMsgId);
        }
    }

    /** A direct send names {@code to}; a group send names {@code conversationId} instead. */
    private static SendFrame send(JsonNode node) {
        String conversationId = text(node, "conversationId");
        if (conversationId == null) {
            return new SendFrame(text(node, "clientMsgId"), number(node, "to"), null,
                    text(node, "text"), text(node, "imageId"));
        }
        JsonNode to = node.get("to");
        if (to != null && !to.isNull()) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                    "a send has either to or conversationId, not both");
        }
        return new SendFrame(text(node, "clientMsgId"), 0, conversationId, text(node, "text"),
                text(node, "imageId"));
    }

    private JsonNode parse(String text) {
        if (!isOneObject(text)) {
            throw new ParleyException(ErrorCode.MALFORMED_FRAME,
                    "a frame is one JSON object and nothing after it");
        }
        try {
            JsonNode node = json.readValue(text, JsonNode.class);
            if (node == null || !node.isObject()) {
                throw new ParleyException(ErrorCode.MALFORMED_FRAME, "a frame is a JSON object");
            }
            return node;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ParleyException p) {
                throw p;
            }
            throw new ParleyException(ErrorCode.MALFORMED_FRAME, "the frame is not valid JSON");
        }
    }

    /** Exactly one JSON object, then only whitespace: trailing data is not silently dropped. */
    private static boolean isOneObject(String text) {
        try (JsonParser parser = STRICT.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, field + " must be a string");
        }
        return value.getStringValue();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, field + " is required");
        }
        if (value.isNumber()) {
            Number n = value.getNumberValue();
            if (n instanceof Long || n instanceof Integer || n instanceof Short
                    || n instanceof Byte) {
                return n.longValue();
            }
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, field + " must be an integer");
        }
        if (value.isString()) {
            try {
                return Long.parseLong(value.getStringValue());
            } catch (NumberFormatException e) {
                throw new ParleyException(ErrorCode.VALIDATION_FAILED, field + " must be a number");
            }
        }
        throw new ParleyException(ErrorCode.VALIDATION_FAILED, field + " must be a number");
    }

    private static String abbreviate(String s) {
        return s.length() > 32 ? s.substring(0, 32) + "…" : s;
    }
}
