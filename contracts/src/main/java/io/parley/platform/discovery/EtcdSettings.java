package io.parley.platform.discovery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotEmpty;

import java.time.Duration;
import java.util.List;

/**
 * Where etcd is and how instances live in it.
 *
 * @param endpoints client URLs of the etcd cluster
 * @param namespace key prefix of everything this project writes
 * @param leaseTtl  how long an instance stays registered after its process dies
 */
@ConfigurationProperties("im.etcd")
public record EtcdSettings(
        @Bindable(defaultValue = "http://127.0.0.1:2379") @NotEmpty List<String> endpoints,
        @Bindable(defaultValue = "/parley") String namespace,
        @Bindable(defaultValue = "10s") Duration leaseTtl) {

    String servicePrefix(String service) {
        return namespace + "/services/" + service + "/";
    }
}
