package io.parley.contracts.frame;

import io.micronaut.serde.ObjectMapper;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void decodesAnImageSendWithoutTextAndRefusesAnIdThatIsNotAHash() {
        String id = "ab".repeat(32);
        SendFrame image = (SendFrame) codec.decodeClient(
                "{\"type\":\"send\",\"clientMsgId\":\"i1\",\"to\":2,\"imageId\":\"" + id + "\"}");
        assertEquals(id, image.imageId());
        assertEquals("", image.text());
        assertEquals(image, codec.decodeClient(codec.encodeClient(image)));

        FrameRefusedException bad = org.junit.jupiter.api.Assertions.assertThrows(
                FrameRefusedException.class, () -> codec.decodeClient(
                        "{\"type\":\"send\",\"clientMsgId\":\"i2\",\"to\":2,"
                                + "\"imageId\":\"../etc\"}"));
        assertEquals("i2", bad.clientMsgId());
        org.junit.jupiter.api.Assertions.assertThrows(FrameRefusedException.class,
                () -> codec.decodeClient("{\"type\":\"send\",\"clientMsgId\":\"i3\",\"to\":2}"));
    }

    @Test
    void decodesAGroupSendByItsConversationIdAndEncodesItBack() {
        SendFrame group = (SendFrame) codec.decodeClient(
                "{\"type\":\"send\",\"clientMsgId\":\"c1\",\"conversationId\":\"g_123\","
                        + "\"text\":\"hi\"}");
        assertEquals(SendFrame.toGroup("c1", "g_123", "hi"), group);
        assertTrue(group.isGroup());
        assertEquals(123, group.groupId());
        assertEquals(0, group.to());
        String json = codec.encodeClient(group);
        assertTrue(json.contains("\"conversationId\":\"g_123\""), json);
        assertFalse(json.contains("\"to\""), json);
        assertEquals(group, codec.decodeClient(json));

        SendFrame direct = new SendFrame("c2", 42, "hi");
        assertFalse(direct.isGroup());
        assertEquals(0, direct.groupId());
        assertFalse(codec.encodeClient(direct).contains("conversationId"));
        assertEquals(direct, codec.decodeClient(codec.encodeClient(direct)));
    }

    @Test
    void encodesAGroupMessageFrameWithItsConversationAndNoRecipient() {
        MessageFrame m = new MessageFrame("7345123456789012345", "g_123", 3, 1, 0, "hi", 9, "c1");
        String json = codec.encodeServer(m);
        assertTrue(json.contains("\"conversationId\":\"g_123\""), json);
        assertTrue(json.contains("\"to\":0"), json);
        assertEquals(m, codec.decodeServer(json));
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

    @ParameterizedTest
    @ValueSource(strings = {
        "\"conversationId\":\"d_1_2\",\"text\":\"x\"",
        "\"conversationId\":\"g_0\",\"text\":\"x\"",
        "\"conversationId\":7,\"text\":\"x\"",
        "\"conversationId\":\"g_5\",\"to\":2,\"text\":\"x\"",
        "\"conversationId\":\"g_5\",\"to\":0,\"text\":\"x\"",
        "\"conversationId\":\"g_5\",\"text\":\"\""
    })
    void refusesGroupSendsWithoutExactlyOneValidTarget(String fields) {
        String text = "{\"type\":\"send\",\"clientMsgId\":\"c\"," + fields + "}";
        ParleyException e = assertThrows(ParleyException.class, () -> codec.decodeClient(text));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.error(), text);
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

    @ParameterizedTest
    @ValueSource(strings = {
        "\"to\":130.5,\"text\":\"x\"",
        "\"to\":1.3e2,\"text\":\"x\"",
        "\"to\":\"130.5\",\"text\":\"x\"",
        "\"to\":\"abc\",\"text\":\"x\"",
        "\"to\":true,\"text\":\"x\"",
        "\"to\":99999999999999999999999,\"text\":\"x\"",
        "\"to\":2,\"text\":12",
        "\"to\":2,\"text\":\" \"",
        "\"text\":\"x\"",
        "\"conversationId\":7,\"text\":\"x\"",
        "\"conversationId\":\"g_5\",\"to\":2,\"text\":\"x\""
    })
    void refusesASendWithABadFieldAsValidationNamingItsClientMsgId(String fields) {
        String text = "{\"type\":\"send\",\"clientMsgId\":\"c-9\"," + fields + "}";
        FrameRefusedException e = assertThrows(FrameRefusedException.class,
                () -> codec.decodeClient(text));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.error(), text);
        assertEquals("c-9", e.clientMsgId(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"received\",\"conversationId\":\"d_1_2\",\"seq\":3.5}",
        "{\"type\":\"received\",\"conversationId\":\"d_1_2\",\"seq\":false}"
    })
    void refusesANonIntegerSeq(String text) {
        ParleyException e = assertThrows(ParleyException.class, () -> codec.decodeClient(text));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.error(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"ping\"} trailing",
        "{\"type\":\"ping\"}{\"type\":\"ping\"}",
        "{\"type\":\"ping\"}]",
        "[{\"type\":\"ping\"}]",
        "\"ping\"",
        "null",
        ""
    })
    void refusesAnythingButOneJsonObjectAsMalformed(String text) {
        ParleyException e = assertThrows(ParleyException.class, () -> codec.decodeClient(text));
        assertEquals(ErrorCode.MALFORMED_FRAME, e.error(), text);
    }

    @Test
    void acceptsTrailingWhitespaceAndAnIntegralNumberWrittenWithoutFraction() {
        assertInstanceOf(PingFrame.class, codec.decodeClient("{\"type\":\"ping\"}  \n"));
        assertEquals(new SendFrame("c1", 130, "hi"), codec.decodeClient(
                "{\"type\":\"send\",\"clientMsgId\":\"c1\",\"to\":130,\"text\":\"hi\"}"));
    }

    @Test
    void decodesATypingFrameAndRefusesOneWithoutAUsableConversation() {
        TypingFrame typing = (TypingFrame) codec.decodeClient(
                "{\"type\":\"typing\",\"conversationId\":\"g_42\"}");
        assertTrue(typing.isGroup());
        for (String bad : new String[] {"{\"type\":\"typing\"}",
                "{\"type\":\"typing\",\"conversationId\":\"d_2_1\"}",
                "{\"type\":\"typing\",\"conversationId\":7}"}) {
            ParleyException e = assertThrows(ParleyException.class, () -> codec.decodeClient(bad),
                    bad);
            assertEquals(ErrorCode.VALIDATION_FAILED, e.error(), bad);
        }
        assertEquals(typing, codec.decodeClient(codec.encodeClient(typing)));
    }
}
