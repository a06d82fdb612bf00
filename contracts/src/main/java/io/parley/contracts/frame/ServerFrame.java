package io.parley.contracts.frame;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A frame the server sends over the WebSocket, serialized with its {@code type} property. Message
 * ids are Snowflake longs and travel as strings, since JavaScript numbers lose precision past 2^53.
 */
@Serdeable
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = WelcomeFrame.class, name = "welcome"),
        @JsonSubTypes.Type(value = AckFrame.class, name = "ack"),
        @JsonSubTypes.Type(value = MessageFrame.class, name = "message"),
        @JsonSubTypes.Type(value = ErrorFrame.class, name = "error"),
        @JsonSubTypes.Type(value = PongFrame.class, name = "pong"),
        @JsonSubTypes.Type(value = ReadFrame.class, name = "read"),
        @JsonSubTypes.Type(value = PresenceFrame.class, name = "presence"),
        @JsonSubTypes.Type(value = RecallFrame.class, name = "recall"),
        @JsonSubTypes.Type(value = ReconnectFrame.class, name = "reconnect"),
        @JsonSubTypes.Type(value = PeerTypingFrame.class, name = "typing")
})
public sealed interface ServerFrame permits WelcomeFrame, AckFrame, MessageFrame, ErrorFrame,
        PongFrame, ReadFrame, PresenceFrame, RecallFrame, ReconnectFrame, PeerTypingFrame {
}
