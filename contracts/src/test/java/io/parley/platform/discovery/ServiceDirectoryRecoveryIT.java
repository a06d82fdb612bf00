package io.parley.platform.discovery;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The directory's watch survives an etcd restart that lost its data: the list is read again and
 * the watch re-established, so instances registered afterwards appear and vanished ones go.
 */
class ServiceDirectoryRecoveryIT {
    private static final String NS = "/parley-recovery-test";

    @Test
    void watchRecoversAfterEtcdRestartsWithoutItsData() throws Exception {
        try (LocalEtcd etcdServer = new LocalEtcd().start(false);
             ApplicationContext ctx = ApplicationContext.run(Map.of(
                     "im.etcd.endpoints", etcdServer.endpoint(), "im.etcd.namespace", NS,
                     "im.etcd.register", "false"))) {
            ServiceDirectory directory = ctx.getBean(ServiceDirectory.class);
            Client etcd = ctx.getBean(Client.class);
            JsonMapper json = ctx.getBean(JsonMapper.class);

            put(etcd, json, "before");
            await(() -> ids(directory).equals(List.of("before")), "first instance seen");
            // A second write moves the revision on, so a watch resumed at the old revision on a
            // fresh etcd would miss the first writes there.
            put(etcd, json, "before");
            put(etcd, json, "before");

            etcdServer.stop();
            etcdServer.start(true);
            put(etcd, json, "after");

            await(() -> ids(directory).equals(List.of("after")), "list rebuilt after restart");
            put(etcd, json, "later");
            await(() -> ids(directory).size() == 2, "watch live again after restart");
        }
    }

    private static List<String> ids(ServiceDirectory directory) {
        return directory.instances("echo").stream().map(ServiceInstance::instanceId).sorted().toList();
    }

    private static void put(Client etcd, JsonMapper json, String id) throws Exception {
        ServiceInstance instance = new ServiceInstance("echo", id, "127.0.0.1", 1, 2, "now");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                etcd.getKVClient().put(ByteSequence.from(NS + "/services/echo/" + id,
                        StandardCharsets.UTF_8), ByteSequence.from(json.writeValueAsBytes(instance)))
                        .get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(200); // the client is still reconnecting to the restarted etcd
            }
        }
        throw new IllegalStateException("etcd took no put of " + id + " within 30 s", last);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("timed out waiting: " + what);
    }
}
