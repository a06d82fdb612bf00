package io.parley.logic.account;

import io.grpc.stub.StreamObserver;
import io.parley.contracts.proto.AccountServiceGrpc;
import io.parley.contracts.proto.FindByPhoneRequest;
import io.parley.contracts.proto.GetUserRequest;
import io.parley.contracts.proto.LoginRequest;
import io.parley.contracts.proto.RegisterRequest;
import io.parley.contracts.proto.UserProfile;
import io.parley.platform.rpc.GrpcErrors;
import jakarta.inject.Singleton;

/** gRPC face of accounts for the gateway's HTTP API. */
@Singleton
final class AccountEndpoint extends AccountServiceGrpc.AccountServiceImplBase {
    private final AccountService accounts;

    AccountEndpoint(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void register(RegisterRequest request, StreamObserver<UserProfile> observer) {
        GrpcErrors.respond(observer, () -> profile(accounts.register(request.getPhone(),
                request.getDisplayName(), request.getPassword())));
    }

    @Override
    public void login(LoginRequest request, StreamObserver<UserProfile> observer) {
        GrpcErrors.respond(observer, () -> profile(accounts.login(request.getPhone(),
                request.getPassword())));
    }

    @Override
    public void getUser(GetUserRequest request, StreamObserver<UserProfile> observer) {
        GrpcErrors.respond(observer, () -> profile(accounts.get(request.getUserId())));
    }

    @Override
    public void findByPhone(FindByPhoneRequest request, StreamObserver<UserProfile> observer) {
        GrpcErrors.respond(observer, () -> profile(accounts.findByPhone(request.getPhone())));
    }

    private static UserProfile profile(User user) {
        return UserProfile.newBuilder()
                .setUserId(user.id())
                .setPhone(user.phone())
                .setDisplayName(user.displayName())
                .setCreatedAtMs(user.createdAt().toEpochMilli())
                .build();
    }
}
