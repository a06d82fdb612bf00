package io.parley.gateway.ws;

import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import io.parley.contracts.frame.FrameCodec;
import jakarta.inject.Singleton;

@Factory
final class FrameCodecFactory {
    @Singleton
    FrameCodec frameCodec(JsonMapper json) {
        return new FrameCodec(json);
    }
}
