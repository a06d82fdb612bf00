package io.parley.gateway.image;

import io.parley.contracts.proto.ImageRef;
import io.parley.contracts.proto.ImageServiceGrpc;
import io.parley.contracts.proto.OpenImageRequest;
import io.parley.contracts.proto.RegisterImageRequest;
import io.parley.platform.discovery.ServiceChannels;
import io.parley.platform.rpc.RpcGuard;
import io.parley.platform.rpc.RpcGuards;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/** Calls logic's image service; both calls are safe to retry (register is idempotent). */
@Singleton
class ImageClient implements ImageRegistry {
    private final ImageServiceGrpc.ImageServiceBlockingStub stub;
    private final RpcGuard guard;

    ImageClient(ServiceChannels channels, RpcGuards guards) {
        this.stub = ImageServiceGrpc.newBlockingStub(channels.channel("logic"));
        this.guard = guards.of("logic");
    }

    @Override
    public ImageRef register(long userId, ImageRef image) {
        RegisterImageRequest request = RegisterImageRequest.newBuilder().setUserId(userId)
                .setImage(image).build();
        return guard.idempotent(() -> stub().register(request));
    }

    /** The image if the user may read it; 6003 (as a ParleyException) if not. */
    @Override
    public ImageRef open(long userId, String imageId) {
        OpenImageRequest request = OpenImageRequest.newBuilder().setUserId(userId)
                .setImageId(imageId).build();
        return guard.idempotent(() -> stub().open(request));
    }

    private ImageServiceGrpc.ImageServiceBlockingStub stub() {
        return stub.withDeadlineAfter(guard.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
