package io.parley.logic.image;

import io.grpc.stub.StreamObserver;
import io.parley.contracts.proto.ImageRef;
import io.parley.contracts.proto.ImageServiceGrpc;
import io.parley.contracts.proto.OpenImageRequest;
import io.parley.contracts.proto.RegisterImageRequest;
import io.parley.platform.rpc.GrpcErrors;
import jakarta.inject.Singleton;

/** gRPC face of {@link Images}: the gateway registers an upload and asks before serving one. */
@Singleton
final class ImageEndpoint extends ImageServiceGrpc.ImageServiceImplBase {
    private final Images images;

    ImageEndpoint(Images images) {
        this.images = images;
    }

    @Override
    public void register(RegisterImageRequest request, StreamObserver<ImageRef> observer) {
        GrpcErrors.respond(observer, () -> images.register(request.getUserId(),
                request.getImage()));
    }

    @Override
    public void open(OpenImageRequest request, StreamObserver<ImageRef> observer) {
        GrpcErrors.respond(observer, () -> images.open(request.getUserId(),
                request.getImageId()));
    }
}
