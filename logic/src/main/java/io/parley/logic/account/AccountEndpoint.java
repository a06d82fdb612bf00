package io.parley.logic.account;

import io.grpc.stub.StreamObserver;
import io.parley.contracts.proto.AccountServiceGrpc;
import io.parley.contracts.proto.FindByPhoneRequest;
import io.parley.contracts.proto.GetUserRequest;
import io.parley.contracts.proto.LoginRequest;
import io.parley.contracts.proto.RegisterRequest;
import io.parley.contracts.proto.SearchUsersRequest;
import io.parley.contracts.proto.UpdateProfileRequest;
import io.parley.contracts.proto.UserPage;
import io.parley.contracts.proto.UserProfile;
import io.parley.logic.page.Page;
import io.parley.platform.rpc.GrpcErrors;
import jakarta.inject.Singleton;

/** gRPC face of accounts and profiles for the gateway's HTTP API. */
@Singleton
final class AccountEndpoint extends AccountServiceGrpc.AccountServiceImplBase {
    private final AccountService accounts;
    private final ProfileService profiles;
    private final UserSearch search;

    AccountEndpoint(AccountService accounts, ProfileService profiles, UserSearch search) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.search = search;
    }

    @Override
    public void register(RegisterRequest request, StreamObserver<UserProfile> observer) {
        GrpcErrors.respond(observer, () -> proto(Profile.of(accounts.register(request.getPhone(),
                request.getDisplayName(), request.getPassword()))));
    }

    @Override
    public void login(LoginRequest request, StreamObserver<UserProfile> observer) {
        GrpcErrors.respond(observer, () -> proto(Profile.of(accounts.login(request.getPhone(),
                request.getPassword()))));
    }

    @Override
    public void getUser(GetUserRequest request, StreamObserver<UserProfile> observer) {
        GrpcErrors.respond(observer, () -> proto(profiles.get(request.getUserId())));
    }

    @Override
    public void findByPhone(FindByPhoneRequest request, StreamObserver<UserProfile> observer) {
        GrpcErrors.respond(observer, () -> proto(Profile.of(
                accounts.findByPhone(request.getPhone()))));
    }

    @Override
    public void updateProfile(UpdateProfileRequest request, StreamObserver<UserProfile> observer) {
        GrpcErrors.respond(observer, () -> proto(profiles.update(request.getUserId(),
                new ProfileChange(
                        request.hasDisplayName() ? request.getDisplayName() : null,
                        request.hasAvatarUrl() ? request.getAvatarUrl() : null,
                        request.hasBio() ? request.getBio() : null))));
    }

    @Override
    public void searchUsers(SearchUsersRequest request, StreamObserver<UserPage> observer) {
        GrpcErrors.respond(observer, () -> {
            Page<Profile> page = search.search(request.getPhone(), request.getNamePrefix(),
                    request.getLimit(), request.getCursor());
            return UserPage.newBuilder()
                    .addAllUsers(page.items().stream().map(AccountEndpoint::proto).toList())
                    .setNextCursor(page.nextCursor() == null ? "" : page.nextCursor())
                    .build();
        });
    }

    private static UserProfile proto(Profile p) {
        return UserProfile.newBuilder()
                .setUserId(p.userId())
                .setPhone(p.phone())
                .setDisplayName(p.displayName())
                .setAvatarUrl(p.avatarUrl() == null ? "" : p.avatarUrl())
                .setBio(p.bio() == null ? "" : p.bio())
                .setCreatedAtMs(p.createdAtMs())
                .build();
    }
}
