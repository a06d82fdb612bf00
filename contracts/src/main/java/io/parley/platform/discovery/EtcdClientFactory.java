package io.parley.platform.discovery;

import io.etcd.jetcd.Client;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** One etcd client per process, shared by registration, discovery and id leases. */
@Factory
final class EtcdClientFactory {
    @Singleton
    @Bean(preDestroy = "close")
    Client etcdClient(EtcdSettings settings) {
        return Client.builder().endpoints(settings.endpoints().toArray(String[]::new)).build();
    }
}
