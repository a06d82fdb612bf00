package io.parley.gateway.auth;

import io.parley.contracts.proto.AccountServiceGrpc;
import io.parley.contracts.proto.FindByPhoneRequest;
import io.parley.contracts.proto.GetUserRequest;
import io.parley.contracts.proto.LoginRequest;
import io.parley.contracts.proto.RegisterRequest;
import io.parley.contracts.proto.SearchUsersRequest;
import io.parley.contracts.proto.UpdateProfileRequest;
import io.parley.contracts.proto.UserPage;
import io.parley.contracts.proto.UserProfile;
import io.parley.platform.discovery.ServiceChannels;
import io.parley.platform.rpc.RpcGuard;
import io.parley.platform.rpc.RpcGuards;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/** Calls logic's account service, with deadlines, retries of reads and a circuit breaker. */
@Singleton
public final class AccountClient {
    private final AccountServiceGrpc.AccountServiceBlockingStub stub;
    private final RpcGuard guard;

    AccountClient(ServiceChannels channels, RpcGuards guards) {
        this.stub = AccountServiceGrpc.newBlockingStub(channels.channel("logic"));
        this.guard = guards.of("logic");
    }

    public UserProfile register(String phone, String displayName, String password) {
        RegisterRequest request = RegisterRequest.newBuilder().setPhone(nz(phone))
                .setDisplayName(nz(displayName)).setPassword(nz(password)).build();
        return guard.once(() -> stub().register(request));
    }

    public UserProfile login(String phone, String password) {
        LoginRequest request = LoginRequest.newBuilder().setPhone(nz(phone))
                .setPassword(nz(password)).build();
        return guard.idempotent(() -> stub().login(request));
    }

    public UserProfile user(long userId) {
        GetUserRequest request = GetUserRequest.newBuilder().setUserId(userId).build();
        return guard.idempotent(() -> stub().getUser(request));
    }

    public UserProfile byPhone(String phone) {
        FindByPhoneRequest request = FindByPhoneRequest.newBuilder().setPhone(nz(phone)).build();
        return guard.idempotent(() -> stub().findByPhone(request));
    }

    /** Sets the non-null fields; a retry writes the same values again, hence idempotent. */
    public UserProfile updateProfile(long userId, String displayName, String avatarUrl,
                                     String bio) {
        UpdateProfileRequest.Builder request = UpdateProfileRequest.newBuilder().setUserId(userId);
        if (displayName != null) {
            request.setDisplayName(displayName);
        }
        if (avatarUrl != null) {
            request.setAvatarUrl(avatarUrl);
        }
        if (bio != null) {
            request.setBio(bio);
        }
        return guard.idempotent(() -> stub().updateProfile(request.build()));
    }

    public UserPage search(String phone, String namePrefix, int limit, String cursor) {
        SearchUsersRequest request = SearchUsersRequest.newBuilder().setPhone(nz(phone))
                .setNamePrefix(nz(namePrefix)).setLimit(limit).setCursor(nz(cursor)).build();
        return guard.idempotent(() -> stub().searchUsers(request));
    }

    private AccountServiceGrpc.AccountServiceBlockingStub stub() {
        return stub.withDeadlineAfter(guard.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
