package io.parley.contracts.proto;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class PresenceServiceGrpc {

  private PresenceServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "parley.v1.PresenceService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<io.parley.contracts.proto.Connection,
      io.parley.contracts.proto.PresenceAck> getConnectMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Connect",
      requestType = io.parley.contracts.proto.Connection.class,
      responseType = io.parley.contracts.proto.PresenceAck.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.parley.contracts.proto.Connection,
      io.parley.contracts.proto.PresenceAck> getConnectMethod() {
    io.grpc.MethodDescriptor<io.parley.contracts.proto.Connection, io.parley.contracts.proto.PresenceAck> getConnectMethod;
    if ((getConnectMethod = PresenceServiceGrpc.getConnectMethod) == null) {
      synchronized (PresenceServiceGrpc.class) {
        if ((getConnectMethod = PresenceServiceGrpc.getConnectMethod) == null) {
          PresenceServiceGrpc.getConnectMethod = getConnectMethod =
              io.grpc.MethodDescriptor.<io.parley.contracts.proto.Connection, io.parley.contracts.proto.PresenceAck>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Connect"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.Connection.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.PresenceAck.getDefaultInstance()))
              .setSchemaDescriptor(new PresenceServiceMethodDescriptorSupplier("Connect"))
              .build();
        }
      }
    }
    return getConnectMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.parley.contracts.proto.ConnectionRef,
      io.parley.contracts.proto.PresenceAck> getDisconnectMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Disconnect",
      requestType = io.parley.contracts.proto.ConnectionRef.class,
      responseType = io.parley.contracts.proto.PresenceAck.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.parley.contracts.proto.ConnectionRef,
      io.parley.contracts.proto.PresenceAck> getDisconnectMethod() {
    io.grpc.MethodDescriptor<io.parley.contracts.proto.ConnectionRef, io.parley.contracts.proto.PresenceAck> getDisconnectMethod;
    if ((getDisconnectMethod = PresenceServiceGrpc.getDisconnectMethod) == null) {
      synchronized (PresenceServiceGrpc.class) {
        if ((getDisconnectMethod = PresenceServiceGrpc.getDisconnectMethod) == null) {
          PresenceServiceGrpc.getDisconnectMethod = getDisconnectMethod =
              io.grpc.MethodDescriptor.<io.parley.contracts.proto.ConnectionRef, io.parley.contracts.proto.PresenceAck>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Disconnect"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.ConnectionRef.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.PresenceAck.getDefaultInstance()))
              .setSchemaDescriptor(new PresenceServiceMethodDescriptorSupplier("Disconnect"))
              .build();
        }
      }
    }
    return getDisconnectMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.parley.contracts.proto.GatewayHeartbeat,
      io.parley.contracts.proto.PresenceAck> getHeartbeatMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Heartbeat",
      requestType = io.parley.contracts.proto.GatewayHeartbeat.class,
      responseType = io.parley.contracts.proto.PresenceAck.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.parley.contracts.proto.GatewayHeartbeat,
      io.parley.contracts.proto.PresenceAck> getHeartbeatMethod() {
    io.grpc.MethodDescriptor<io.parley.contracts.proto.GatewayHeartbeat, io.parley.contracts.proto.PresenceAck> getHeartbeatMethod;
    if ((getHeartbeatMethod = PresenceServiceGrpc.getHeartbeatMethod) == null) {
      synchronized (PresenceServiceGrpc.class) {
        if ((getHeartbeatMethod = PresenceServiceGrpc.getHeartbeatMethod) == null) {
          PresenceServiceGrpc.getHeartbeatMethod = getHeartbeatMethod =
              io.grpc.MethodDescriptor.<io.parley.contracts.proto.GatewayHeartbeat, io.parley.contracts.proto.PresenceAck>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Heartbeat"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.GatewayHeartbeat.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.PresenceAck.getDefaultInstance()))
              .setSchemaDescriptor(new PresenceServiceMethodDescriptorSupplier("Heartbeat"))
              .build();
        }
      }
    }
    return getHeartbeatMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.parley.contracts.proto.LocateRequest,
      io.parley.contracts.proto.LocateReply> getLocateMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Locate",
      requestType = io.parley.contracts.proto.LocateRequest.class,
      responseType = io.parley.contracts.proto.LocateReply.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.parley.contracts.proto.LocateRequest,
      io.parley.contracts.proto.LocateReply> getLocateMethod() {
    io.grpc.MethodDescriptor<io.parley.contracts.proto.LocateRequest, io.parley.contracts.proto.LocateReply> getLocateMethod;
    if ((getLocateMethod = PresenceServiceGrpc.getLocateMethod) == null) {
      synchronized (PresenceServiceGrpc.class) {
        if ((getLocateMethod = PresenceServiceGrpc.getLocateMethod) == null) {
          PresenceServiceGrpc.getLocateMethod = getLocateMethod =
              io.grpc.MethodDescriptor.<io.parley.contracts.proto.LocateRequest, io.parley.contracts.proto.LocateReply>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Locate"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.LocateRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.LocateReply.getDefaultInstance()))
              .setSchemaDescriptor(new PresenceServiceMethodDescriptorSupplier("Locate"))
              .build();
        }
      }
    }
    return getLocateMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static PresenceServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PresenceServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PresenceServiceStub>() {
        @java.lang.Override
        public PresenceServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PresenceServiceStub(channel, callOptions);
        }
      };
    return PresenceServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static PresenceServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PresenceServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PresenceServiceBlockingV2Stub>() {
        @java.lang.Override
        public PresenceServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PresenceServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return PresenceServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static PresenceServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PresenceServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PresenceServiceBlockingStub>() {
        @java.lang.Override
        public PresenceServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PresenceServiceBlockingStub(channel, callOptions);
        }
      };
    return PresenceServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static PresenceServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PresenceServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PresenceServiceFutureStub>() {
        @java.lang.Override
        public PresenceServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PresenceServiceFutureStub(channel, callOptions);
        }
      };
    return PresenceServiceFutureStub.newStub(factory, channel);
  }

  /**
   */
  public interface AsyncService {

    /**
     * <pre>
     * A socket was opened on a gateway.
     * </pre>
     */
    default void connect(io.parley.contracts.proto.Connection request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.PresenceAck> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getConnectMethod(), responseObserver);
    }

    /**
     * <pre>
     * A socket was closed.
     * </pre>
     */
    default void disconnect(io.parley.contracts.proto.ConnectionRef request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.PresenceAck> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDisconnectMethod(), responseObserver);
    }

    /**
     * <pre>
     * A gateway reports every socket it still holds; their entries live another TTL. Upserts, so
     * presence heals by itself after Redis loses its data.
     * </pre>
     */
    default void heartbeat(io.parley.contracts.proto.GatewayHeartbeat request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.PresenceAck> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getHeartbeatMethod(), responseObserver);
    }

    /**
     * <pre>
     * Every live connection of each user asked for.
     * </pre>
     */
    default void locate(io.parley.contracts.proto.LocateRequest request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.LocateReply> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getLocateMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service PresenceService.
   */
  public static abstract class PresenceServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return PresenceServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service PresenceService.
   */
  public static final class PresenceServiceStub
      extends io.grpc.stub.AbstractAsyncStub<PresenceServiceStub> {
    private PresenceServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PresenceServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PresenceServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * A socket was opened on a gateway.
     * </pre>
     */
    public void connect(io.parley.contracts.proto.Connection request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.PresenceAck> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getConnectMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A socket was closed.
     * </pre>
     */
    public void disconnect(io.parley.contracts.proto.ConnectionRef request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.PresenceAck> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDisconnectMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A gateway reports every socket it still holds; their entries live another TTL. Upserts, so
     * presence heals by itself after Redis loses its data.
     * </pre>
     */
    public void heartbeat(io.parley.contracts.proto.GatewayHeartbeat request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.PresenceAck> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getHeartbeatMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Every live connection of each user asked for.
     * </pre>
     */
    public void locate(io.parley.contracts.proto.LocateRequest request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.LocateReply> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getLocateMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service PresenceService.
   */
  public static final class PresenceServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<PresenceServiceBlockingV2Stub> {
    private PresenceServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PresenceServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PresenceServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * A socket was opened on a gateway.
     * </pre>
     */
    public io.parley.contracts.proto.PresenceAck connect(io.parley.contracts.proto.Connection request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getConnectMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A socket was closed.
     * </pre>
     */
    public io.parley.contracts.proto.PresenceAck disconnect(io.parley.contracts.proto.ConnectionRef request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDisconnectMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A gateway reports every socket it still holds; their entries live another TTL. Upserts, so
     * presence heals by itself after Redis loses its data.
     * </pre>
     */
    public io.parley.contracts.proto.PresenceAck heartbeat(io.parley.contracts.proto.GatewayHeartbeat request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getHeartbeatMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Every live connection of each user asked for.
     * </pre>
     */
    public io.parley.contracts.proto.LocateReply locate(io.parley.contracts.proto.LocateRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getLocateMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service PresenceService.
   */
  public static final class PresenceServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<PresenceServiceBlockingStub> {
    private PresenceServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PresenceServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PresenceServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * A socket was opened on a gateway.
     * </pre>
     */
    public io.parley.contracts.proto.PresenceAck connect(io.parley.contracts.proto.Connection request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getConnectMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A socket was closed.
     * </pre>
     */
    public io.parley.contracts.proto.PresenceAck disconnect(io.parley.contracts.proto.ConnectionRef request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDisconnectMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A gateway reports every socket it still holds; their entries live another TTL. Upserts, so
     * presence heals by itself after Redis loses its data.
     * </pre>
     */
    public io.parley.contracts.proto.PresenceAck heartbeat(io.parley.contracts.proto.GatewayHeartbeat request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getHeartbeatMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Every live connection of each user asked for.
     * </pre>
     */
    public io.parley.contracts.proto.LocateReply locate(io.parley.contracts.proto.LocateRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getLocateMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service PresenceService.
   */
  public static final class PresenceServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<PresenceServiceFutureStub> {
    private PresenceServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PresenceServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PresenceServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * A socket was opened on a gateway.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.parley.contracts.proto.PresenceAck> connect(
        io.parley.contracts.proto.Connection request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getConnectMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A socket was closed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.parley.contracts.proto.PresenceAck> disconnect(
        io.parley.contracts.proto.ConnectionRef request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDisconnectMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A gateway reports every socket it still holds; their entries live another TTL. Upserts, so
     * presence heals by itself after Redis loses its data.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.parley.contracts.proto.PresenceAck> heartbeat(
        io.parley.contracts.proto.GatewayHeartbeat request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getHeartbeatMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Every live connection of each user asked for.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.parley.contracts.proto.LocateReply> locate(
        io.parley.contracts.proto.LocateRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getLocateMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CONNECT = 0;
  private static final int METHODID_DISCONNECT = 1;
  private static final int METHODID_HEARTBEAT = 2;
  private static final int METHODID_LOCATE = 3;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CONNECT:
          serviceImpl.connect((io.parley.contracts.proto.Connection) request,
              (io.grpc.stub.StreamObserver<io.parley.contracts.proto.PresenceAck>) responseObserver);
          break;
        case METHODID_DISCONNECT:
          serviceImpl.disconnect((io.parley.contracts.proto.ConnectionRef) request,
              (io.grpc.stub.StreamObserver<io.parley.contracts.proto.PresenceAck>) responseObserver);
          break;
        case METHODID_HEARTBEAT:
          serviceImpl.heartbeat((io.parley.contracts.proto.GatewayHeartbeat) request,
              (io.grpc.stub.StreamObserver<io.parley.contracts.proto.PresenceAck>) responseObserver);
          break;
        case METHODID_LOCATE:
          serviceImpl.locate((io.parley.contracts.proto.LocateRequest) request,
              (io.grpc.stub.StreamObserver<io.parley.contracts.proto.LocateReply>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getConnectMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.parley.contracts.proto.Connection,
              io.parley.contracts.proto.PresenceAck>(
                service, METHODID_CONNECT)))
        .addMethod(
          getDisconnectMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.parley.contracts.proto.ConnectionRef,
              io.parley.contracts.proto.PresenceAck>(
                service, METHODID_DISCONNECT)))
        .addMethod(
          getHeartbeatMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.parley.contracts.proto.GatewayHeartbeat,
              io.parley.contracts.proto.PresenceAck>(
                service, METHODID_HEARTBEAT)))
        .addMethod(
          getLocateMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.parley.contracts.proto.LocateRequest,
              io.parley.contracts.proto.LocateReply>(
                service, METHODID_LOCATE)))
        .build();
  }

  private static abstract class PresenceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    PresenceServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return io.parley.contracts.proto.Presence.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("PresenceService");
    }
  }

  private static final class PresenceServiceFileDescriptorSupplier
      extends PresenceServiceBaseDescriptorSupplier {
    PresenceServiceFileDescriptorSupplier() {}
  }

  private static final class PresenceServiceMethodDescriptorSupplier
      extends PresenceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    PresenceServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (PresenceServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new PresenceServiceFileDescriptorSupplier())
              .addMethod(getConnectMethod())
              .addMethod(getDisconnectMethod())
              .addMethod(getHeartbeatMethod())
              .addMethod(getLocateMethod())
              .build();
        }
      }
    }
    return result;
  }
}
