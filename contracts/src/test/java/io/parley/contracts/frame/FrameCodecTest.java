package io.parley.contracts.frame;

import io.micronaut.serde.ObjectMapper;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameCodecTest {
    private final FrameCodec codec = new FrameCodec(ObjectMapper.getDefault());

    @Test
    void decodesASendFrameAcceptingTheRecipientAsNumberOrString() {
        SendFrame a = (SendFrame) codec.decodeClient(
                "{\"type\":\"send\",\"clientMsgId\":\"c1\",\"to\":42,\"text\":\"hi\"}");
        SendFrame b = (SendFrame) codec.decodeClient(
                "{\"type\":\"send\",\"clientMsgId\":\"c1\",\"to\":\"42\",\"text\":\"hi\"}");
        assertEquals(new SendFrame("c1", 42, "hi"), a);
        assertEquals(a, b);
        assertInstanceOf(PingFrame.class, codec.decodeClient("{\"type\":\"ping\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{oops                                                     | MALFORMED_FRAME",
        "42                                                        | MALFORMED_FRAME",
        "{\"type\":\"fly\"}                                        | UNKNOWN_FRAME_TYPE",
        "{\"type\":7}                                              | VALIDATION_FAILED",
        "{\"to\":1}                                                | VALIDATION_FAILED",
        "{\"type\":\"send\",\"to\":1,\"text\":\"x\"}               | VALIDATION_FAILED",
        "{\"type\":\"send\",\"clientMsgId\":\"c\",\"text\":\"x\"}  | VALIDATION_FAILED",
        "{\"type\":\"send\",\"clientMsgId\":\"c\",\"to\":0,\"text\":\"x\"} | VALIDATION_FAILED",
        "{\"type\":\"send\",\"clientMsgId\":\"c\",\"to\":2,\"text\":\" \"} | VALIDATION_FAILED",
        "{\"type\":\"send\",\"clientMsgId\":\"c\",\"to\":[],\"text\":\"x\"} | VALIDATION_FAILED"
    })
    void refusesBadFramesWithTheirCode(String text, ErrorCode expected) {
        ParleyException e = assertThrows(ParleyException.class, () -> codec.decodeClient(text));
        assertEquals(expected, e.error());
    }

    @Test
    void encodesServerFramesWithTheirTypeAndMessageIdsAsStrings() {
        String json = codec.encodeServer(new AckFrame("c1", "7345123456789012345", "d_1_2", 5, 9));
        assertTrue(json.contains("\"type\":\"ack\""), json);
        assertTrue(json.contains("\"messageId\":\"7345123456789012345\""), json);
        assertEquals(new AckFrame("c1", "7345123456789012345", "d_1_2", 5, 9),
                codec.decodeServer(json));
        String error = codec.encodeServer(ErrorFrame.of(ErrorCode.RATE_LIMITED, "slow", null));
        assertTrue(error.contains("\"code\":1005"), error);
    }
}
