package io.parley.contracts.proto;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class AccountServiceGrpc {

  private AccountServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "parley.v1.AccountService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<io.parley.contracts.proto.RegisterRequest,
      io.parley.contracts.proto.UserProfile> getRegisterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Register",
      requestType = io.parley.contracts.proto.RegisterRequest.class,
      responseType = io.parley.contracts.proto.UserProfile.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.parley.contracts.proto.RegisterRequest,
      io.parley.contracts.proto.UserProfile> getRegisterMethod() {
    io.grpc.MethodDescriptor<io.parley.contracts.proto.RegisterRequest, io.parley.contracts.proto.UserProfile> getRegisterMethod;
    if ((getRegisterMethod = AccountServiceGrpc.getRegisterMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getRegisterMethod = AccountServiceGrpc.getRegisterMethod) == null) {
          AccountServiceGrpc.getRegisterMethod = getRegisterMethod =
              io.grpc.MethodDescriptor.<io.parley.contracts.proto.RegisterRequest, io.parley.contracts.proto.UserProfile>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Register"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.RegisterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.UserProfile.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("Register"))
              .build();
        }
      }
    }
    return getRegisterMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.parley.contracts.proto.LoginRequest,
      io.parley.contracts.proto.UserProfile> getLoginMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Login",
      requestType = io.parley.contracts.proto.LoginRequest.class,
      responseType = io.parley.contracts.proto.UserProfile.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.parley.contracts.proto.LoginRequest,
      io.parley.contracts.proto.UserProfile> getLoginMethod() {
    io.grpc.MethodDescriptor<io.parley.contracts.proto.LoginRequest, io.parley.contracts.proto.UserProfile> getLoginMethod;
    if ((getLoginMethod = AccountServiceGrpc.getLoginMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getLoginMethod = AccountServiceGrpc.getLoginMethod) == null) {
          AccountServiceGrpc.getLoginMethod = getLoginMethod =
              io.grpc.MethodDescriptor.<io.parley.contracts.proto.LoginRequest, io.parley.contracts.proto.UserProfile>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Login"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.LoginRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.UserProfile.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("Login"))
              .build();
        }
      }
    }
    return getLoginMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.parley.contracts.proto.GetUserRequest,
      io.parley.contracts.proto.UserProfile> getGetUserMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetUser",
      requestType = io.parley.contracts.proto.GetUserRequest.class,
      responseType = io.parley.contracts.proto.UserProfile.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.parley.contracts.proto.GetUserRequest,
      io.parley.contracts.proto.UserProfile> getGetUserMethod() {
    io.grpc.MethodDescriptor<io.parley.contracts.proto.GetUserRequest, io.parley.contracts.proto.UserProfile> getGetUserMethod;
    if ((getGetUserMethod = AccountServiceGrpc.getGetUserMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getGetUserMethod = AccountServiceGrpc.getGetUserMethod) == null) {
          AccountServiceGrpc.getGetUserMethod = getGetUserMethod =
              io.grpc.MethodDescriptor.<io.parley.contracts.proto.GetUserRequest, io.parley.contracts.proto.UserProfile>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetUser"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.GetUserRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.UserProfile.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("GetUser"))
              .build();
        }
      }
    }
    return getGetUserMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.parley.contracts.proto.FindByPhoneRequest,
      io.parley.contracts.proto.UserProfile> getFindByPhoneMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "FindByPhone",
      requestType = io.parley.contracts.proto.FindByPhoneRequest.class,
      responseType = io.parley.contracts.proto.UserProfile.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.parley.contracts.proto.FindByPhoneRequest,
      io.parley.contracts.proto.UserProfile> getFindByPhoneMethod() {
    io.grpc.MethodDescriptor<io.parley.contracts.proto.FindByPhoneRequest, io.parley.contracts.proto.UserProfile> getFindByPhoneMethod;
    if ((getFindByPhoneMethod = AccountServiceGrpc.getFindByPhoneMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getFindByPhoneMethod = AccountServiceGrpc.getFindByPhoneMethod) == null) {
          AccountServiceGrpc.getFindByPhoneMethod = getFindByPhoneMethod =
              io.grpc.MethodDescriptor.<io.parley.contracts.proto.FindByPhoneRequest, io.parley.contracts.proto.UserProfile>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "FindByPhone"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.FindByPhoneRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.parley.contracts.proto.UserProfile.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("FindByPhone"))
              .build();
        }
      }
    }
    return getFindByPhoneMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static AccountServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AccountServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AccountServiceStub>() {
        @java.lang.Override
        public AccountServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AccountServiceStub(channel, callOptions);
        }
      };
    return AccountServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static AccountServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AccountServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AccountServiceBlockingV2Stub>() {
        @java.lang.Override
        public AccountServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AccountServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return AccountServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static AccountServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AccountServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AccountServiceBlockingStub>() {
        @java.lang.Override
        public AccountServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AccountServiceBlockingStub(channel, callOptions);
        }
      };
    return AccountServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static AccountServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AccountServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AccountServiceFutureStub>() {
        @java.lang.Override
        public AccountServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AccountServiceFutureStub(channel, callOptions);
        }
      };
    return AccountServiceFutureStub.newStub(factory, channel);
  }

  /**
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates an account; ALREADY_EXISTS (PHONE_TAKEN) when the phone is registered.
     * </pre>
     */
    default void register(io.parley.contracts.proto.RegisterRequest request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.UserProfile> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRegisterMethod(), responseObserver);
    }

    /**
     * <pre>
     * Checks credentials; UNAUTHENTICATED (BAD_CREDENTIALS) when they do not match.
     * </pre>
     */
    default void login(io.parley.contracts.proto.LoginRequest request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.UserProfile> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getLoginMethod(), responseObserver);
    }

    /**
     * <pre>
     * Public profile of one user; NOT_FOUND (USER_NOT_FOUND).
     * </pre>
     */
    default void getUser(io.parley.contracts.proto.GetUserRequest request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.UserProfile> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetUserMethod(), responseObserver);
    }

    /**
     * <pre>
     * The user registered with exactly this phone; NOT_FOUND (USER_NOT_FOUND).
     * </pre>
     */
    default void findByPhone(io.parley.contracts.proto.FindByPhoneRequest request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.UserProfile> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getFindByPhoneMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service AccountService.
   */
  public static abstract class AccountServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return AccountServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service AccountService.
   */
  public static final class AccountServiceStub
      extends io.grpc.stub.AbstractAsyncStub<AccountServiceStub> {
    private AccountServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AccountServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AccountServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an account; ALREADY_EXISTS (PHONE_TAKEN) when the phone is registered.
     * </pre>
     */
    public void register(io.parley.contracts.proto.RegisterRequest request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.UserProfile> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRegisterMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Checks credentials; UNAUTHENTICATED (BAD_CREDENTIALS) when they do not match.
     * </pre>
     */
    public void login(io.parley.contracts.proto.LoginRequest request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.UserProfile> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getLoginMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Public profile of one user; NOT_FOUND (USER_NOT_FOUND).
     * </pre>
     */
    public void getUser(io.parley.contracts.proto.GetUserRequest request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.UserProfile> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetUserMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The user registered with exactly this phone; NOT_FOUND (USER_NOT_FOUND).
     * </pre>
     */
    public void findByPhone(io.parley.contracts.proto.FindByPhoneRequest request,
        io.grpc.stub.StreamObserver<io.parley.contracts.proto.UserProfile> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getFindByPhoneMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service AccountService.
   */
  public static final class AccountServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<AccountServiceBlockingV2Stub> {
    private AccountServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AccountServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AccountServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an account; ALREADY_EXISTS (PHONE_TAKEN) when the phone is registered.
     * </pre>
     */
    public io.parley.contracts.proto.UserProfile register(io.parley.contracts.proto.RegisterRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRegisterMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Checks credentials; UNAUTHENTICATED (BAD_CREDENTIALS) when they do not match.
     * </pre>
     */
    public io.parley.contracts.proto.UserProfile login(io.parley.contracts.proto.LoginRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getLoginMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Public profile of one user; NOT_FOUND (USER_NOT_FOUND).
     * </pre>
     */
    public io.parley.contracts.proto.UserProfile getUser(io.parley.contracts.proto.GetUserRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetUserMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The user registered with exactly this phone; NOT_FOUND (USER_NOT_FOUND).
     * </pre>
     */
    public io.parley.contracts.proto.UserProfile findByPhone(io.parley.contracts.proto.FindByPhoneRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getFindByPhoneMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service AccountService.
   */
  public static final class AccountServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<AccountServiceBlockingStub> {
    private AccountServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AccountServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AccountServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an account; ALREADY_EXISTS (PHONE_TAKEN) when the phone is registered.
     * </pre>
     */
    public io.parley.contracts.proto.UserProfile register(io.parley.contracts.proto.RegisterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRegisterMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Checks credentials; UNAUTHENTICATED (BAD_CREDENTIALS) when they do not match.
     * </pre>
     */
    public io.parley.contracts.proto.UserProfile login(io.parley.contracts.proto.LoginRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getLoginMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Public profile of one user; NOT_FOUND (USER_NOT_FOUND).
     * </pre>
     */
    public io.parley.contracts.proto.UserProfile getUser(io.parley.contracts.proto.GetUserRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetUserMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The user registered with exactly this phone; NOT_FOUND (USER_NOT_FOUND).
     * </pre>
     */
    public io.parley.contracts.proto.UserProfile findByPhone(io.parley.contracts.proto.FindByPhoneRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getFindByPhoneMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service AccountService.
   */
  public static final class AccountServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<AccountServiceFutureStub> {
    private AccountServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AccountServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AccountServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an account; ALREADY_EXISTS (PHONE_TAKEN) when the phone is registered.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.parley.contracts.proto.UserProfile> register(
        io.parley.contracts.proto.RegisterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRegisterMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Checks credentials; UNAUTHENTICATED (BAD_CREDENTIALS) when they do not match.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.parley.contracts.proto.UserProfile> login(
        io.parley.contracts.proto.LoginRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getLoginMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Public profile of one user; NOT_FOUND (USER_NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.parley.contracts.proto.UserProfile> getUser(
        io.parley.contracts.proto.GetUserRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetUserMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The user registered with exactly this phone; NOT_FOUND (USER_NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.parley.contracts.proto.UserProfile> findByPhone(
        io.parley.contracts.proto.FindByPhoneRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getFindByPhoneMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_REGISTER = 0;
  private static final int METHODID_LOGIN = 1;
  private static final int METHODID_GET_USER = 2;
  private static final int METHODID_FIND_BY_PHONE = 3;

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
        case METHODID_REGISTER:
          serviceImpl.register((io.parley.contracts.proto.RegisterRequest) request,
              (io.grpc.stub.StreamObserver<io.parley.contracts.proto.UserProfile>) responseObserver);
          break;
        case METHODID_LOGIN:
          serviceImpl.login((io.parley.contracts.proto.LoginRequest) request,
              (io.grpc.stub.StreamObserver<io.parley.contracts.proto.UserProfile>) responseObserver);
          break;
        case METHODID_GET_USER:
          serviceImpl.getUser((io.parley.contracts.proto.GetUserRequest) request,
              (io.grpc.stub.StreamObserver<io.parley.contracts.proto.UserProfile>) responseObserver);
          break;
        case METHODID_FIND_BY_PHONE:
          serviceImpl.findByPhone((io.parley.contracts.proto.FindByPhoneRequest) request,
              (io.grpc.stub.StreamObserver<io.parley.contracts.proto.UserProfile>) responseObserver);
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
          getRegisterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.parley.contracts.proto.RegisterRequest,
              io.parley.contracts.proto.UserProfile>(
                service, METHODID_REGISTER)))
        .addMethod(
          getLoginMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.parley.contracts.proto.LoginRequest,
              io.parley.contracts.proto.UserProfile>(
                service, METHODID_LOGIN)))
        .addMethod(
          getGetUserMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.parley.contracts.proto.GetUserRequest,
              io.parley.contracts.proto.UserProfile>(
                service, METHODID_GET_USER)))
        .addMethod(
          getFindByPhoneMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.parley.contracts.proto.FindByPhoneRequest,
              io.parley.contracts.proto.UserProfile>(
                service, METHODID_FIND_BY_PHONE)))
        .build();
  }

  private static abstract class AccountServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    AccountServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return io.parley.contracts.proto.Account.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("AccountService");
    }
  }

  private static final class AccountServiceFileDescriptorSupplier
      extends AccountServiceBaseDescriptorSupplier {
    AccountServiceFileDescriptorSupplier() {}
  }

  private static final class AccountServiceMethodDescriptorSupplier
      extends AccountServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    AccountServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (AccountServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new AccountServiceFileDescriptorSupplier())
              .addMethod(getRegisterMethod())
              .addMethod(getLoginMethod())
              .addMethod(getGetUserMethod())
              .addMethod(getFindByPhoneMethod())
              .build();
        }
      }
    }
    return result;
  }
}
