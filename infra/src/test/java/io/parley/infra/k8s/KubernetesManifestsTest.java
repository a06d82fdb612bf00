package io.parley.infra.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * infra/k8s renders with the real {@code kubectl kustomize} into objects of the Kubernetes API's
 * types (no unknown field, no wrong type) that fit together: probes on the health endpoints,
 * resources on every container, Services, autoscalers, the disruption budget and the Ingress
 * pointing at what exists, every referenced ConfigMap and Secret key present, placeholders only in
 * the Secrets, and the external parts named by the host names the services are given.
 */
class KubernetesManifestsTest {
    private static final Path K8S = Path.of(System.getProperty("parley.root", ".."))
            .toAbsolutePath().normalize().resolve("infra/k8s");
    private static final Set<String> HEALTH = Set.of("/health/readiness", "/health/liveness",
            "/health");

    @Test
    void stagingOverlayRendersIntoValidObjectsThatFitTogether() throws Exception {
        Manifests m = Manifests.render(K8S.resolve("overlays/staging"));
        List<String> problems = check(m);
        assertEquals(List.of(), problems);
        assertTrue(m.named(Deployment.class, "gateway").getSpec().getReplicas() >= 2);
        for (String scaled : List.of("logic", "session", "job")) {
            HorizontalPodAutoscaler hpa = m.named(HorizontalPodAutoscaler.class, scaled);
            assertTrue(hpa != null && hpa.getSpec().getScaleTargetRef().getName().equals(scaled),
                    "an autoscaler for " + scaled);
        }
        m.all(Deployment.class).forEach(d -> assertEquals("parley-staging",
                d.getMetadata().getNamespace(), "the overlay's namespace"));
    }

    @Test
    void externalPartsRenderAndAreWhereTheServicesLookForThem() throws Exception {
        Manifests ext = Manifests.render(K8S.resolve("external"));
        assertEquals(List.of(), check(ext));
        Map<String, String> config = Manifests.render(K8S.resolve("base"))
                .named(ConfigMap.class, "parley-config").getData();
        String kafka = name(ext.custom, "Kafka");
        assertTrue(config.get("IM_KAFKA_BOOTSTRAP_SERVERS").startsWith(kafka
                + "-kafka-bootstrap:"), "Strimzi's bootstrap Service: <cluster>-kafka-bootstrap");
        assertTrue(config.get("DATASOURCES_DEFAULT_URL").contains("//" + name(ext.custom,
                "MariaDB") + "-primary:3306/"), "the MariaDB operator's primary Service");
        StatefulSet etcd = ext.named(StatefulSet.class, "etcd");
        assertEquals(3, etcd.getSpec().getReplicas());
        assertEquals("http://etcd-0.etcd:2379,http://etcd-1.etcd:2379,http://etcd-2.etcd:2379",
                config.get("IM_ETCD_ENDPOINTS"), "one endpoint per member of the StatefulSet");
        assertTrue(config.get("REDIS_URI").startsWith("redis-sentinel://parley-redis:26379/"));
    }

    @Test
    void aBrokenManifestIsRefused(@TempDir Path copy) throws Exception {
        copyTree(K8S, copy);
        Path gateway = copy.resolve("base/gateway.yaml");
        Files.writeString(gateway, Files.readString(gateway)
                .replaceFirst("readinessProbe:", "readinesProbe:")
                .replaceFirst("replicas: 2", "replicas: two"));
        Path logic = copy.resolve("base/logic.yaml");
        Files.writeString(logic, Files.readString(logic)
                .replace("name: parley-db", "name: parley-dbx"));
        Manifests m = Manifests.render(copy.resolve("overlays/staging"));
        String problems = String.join("\n", check(m));
        assertTrue(problems.contains("Deployment gateway: Cannot deserialize value of type "
                + "`java.lang.Integer` from String \"two\""), problems);

        Files.writeString(gateway, Files.readString(gateway)
                .replace("replicas: two", "replicas: 2"));
        problems = String.join("\n", check(Manifests.render(copy.resolve("overlays/staging"))));
        assertTrue(problems.contains("fields the API does not have: [readinesProbe]"), problems);
        assertTrue(problems.contains("logic: Secret parley-dbx is not in the manifests"), problems);
    }

    /** Everything wrong with one rendering: the type check's problems and the ones below. */
    static List<String> check(Manifests m) {
        List<String> out = new ArrayList<>(m.problems);
        m.all(Deployment.class).forEach(d -> workload(m, d.getMetadata().getName(),
                d.getSpec().getTemplate(), out));
        m.all(StatefulSet.class).forEach(s -> workload(m, s.getMetadata().getName(),
                s.getSpec().getTemplate(), out));
        for (Service s : m.all(Service.class)) {
            List<PodTemplateSpec> pods = podsMatching(m, s.getSpec().getSelector());
            if (pods.isEmpty()) {
                out.add("Service " + s.getMetadata().getName() + ": selects no pods");
            }
            for (ServicePort port : s.getSpec().getPorts()) {
                String target = port.getTargetPort() == null ? null
                        : port.getTargetPort().getStrVal();
                if (target != null && pods.stream().noneMatch(p -> portNames(p).contains(target))) {
                    out.add("Service " + s.getMetadata().getName() + ": no container port "
                            + target);
                }
            }
        }
        for (HorizontalPodAutoscaler h : m.all(HorizontalPodAutoscaler.class)) {
            if (m.named(Deployment.class, h.getSpec().getScaleTargetRef().getName()) == null) {
                out.add("HPA " + h.getMetadata().getName() + ": no Deployment to scale");
            }
            if (h.getSpec().getMinReplicas() > h.getSpec().getMaxReplicas()) {
                out.add("HPA " + h.getMetadata().getName() + ": min above max");
            }
        }
        for (PodDisruptionBudget b : m.all(PodDisruptionBudget.class)) {
            if (podsMatching(m, b.getSpec().getSelector().getMatchLabels()).isEmpty()) {
                out.add("PDB " + b.getMetadata().getName() + ": selects no pods");
            }
        }
        for (Ingress i : m.all(Ingress.class)) {
            if (i.getSpec().getTls() == null || i.getSpec().getTls().isEmpty()) {
                out.add("Ingress " + i.getMetadata().getName() + ": no TLS");
            }
            i.getSpec().getRules().forEach(r -> r.getHttp().getPaths().forEach(p -> {
                IngressServiceBackend b = p.getBackend().getService();
                Service s = m.named(Service.class, b.getName());
                if (s == null || s.getSpec().getPorts().stream()
                        .noneMatch(sp -> sp.getName().equals(b.getPort().getName()))) {
                    out.add("Ingress " + i.getMetadata().getName() + ": no Service port "
                            + b.getName() + "/" + b.getPort().getName());
                }
            }));
        }
        for (Secret s : m.all(Secret.class)) {
            if (s.getData() != null && !s.getData().isEmpty()) {
                out.add("Secret " + s.getMetadata().getName() + ": data instead of placeholders");
            }
            Map.copyOf(s.getStringData() == null ? Map.of() : s.getStringData()).forEach((k, v) -> {
                if (!v.startsWith("REPLACE")) {
                    out.add("Secret " + s.getMetadata().getName() + "/" + k
                            + ": not a placeholder (no real secrets in the repository)");
                }
            });
        }
        return out;
    }

    private static void workload(Manifests m, String name, PodTemplateSpec pod, List<String> out) {
        for (Container c : pod.getSpec().getContainers()) {
            String where = name + "/" + c.getName();
            if (c.getImage() == null || c.getImage().isBlank()) {
                out.add(where + ": no image");
            }
            var res = c.getResources();
            if (res == null || res.getRequests() == null || !res.getRequests().containsKey("cpu")
                    || !res.getRequests().containsKey("memory") || res.getLimits() == null
                    || !res.getLimits().containsKey("memory")) {
                out.add(where + ": needs cpu and memory requests and a memory limit");
            }
            probe(where + " readiness", c.getReadinessProbe(), pod, out);
            probe(where + " liveness", c.getLivenessProbe(), pod, out);
            for (EnvFromSource from : c.getEnvFrom()) {
                if (from.getConfigMapRef() != null
                        && m.named(ConfigMap.class, from.getConfigMapRef().getName()) == null) {
                    out.add(where + ": ConfigMap " + from.getConfigMapRef().getName()
                            + " is not in the manifests");
                }
            }
            for (EnvVar env : c.getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    var ref = env.getValueFrom().getSecretKeyRef();
                    Secret s = m.named(Secret.class, ref.getName());
                    if (s == null && m.all(Secret.class).isEmpty()) {
                        continue; // a rendering without the Secrets (external/): checked with base
                    }
                    if (s == null) {
                        out.add(name + ": Secret " + ref.getName() + " is not in the manifests");
                    } else if (s.getStringData() == null
                            || !s.getStringData().containsKey(ref.getKey())) {
                        out.add(name + ": Secret " + ref.getName() + " has no key " + ref.getKey());
                    }
                }
            }
        }
    }

    private static void probe(String where, Probe probe, PodTemplateSpec pod, List<String> out) {
        if (probe == null || probe.getHttpGet() == null) {
            out.add(where + " probe: missing (an HTTP GET of a health endpoint)");
            return;
        }
        if (!HEALTH.contains(probe.getHttpGet().getPath())) {
            out.add(where + " probe: " + probe.getHttpGet().getPath() + " is no health endpoint");
        }
        String port = probe.getHttpGet().getPort().getStrVal();
        if (port != null && !portNames(pod).contains(port)) {
            out.add(where + " probe: no container port named " + port);
        }
    }

    private static List<PodTemplateSpec> podsMatching(Manifests m, Map<String, String> selector) {
        return Stream.concat(
                m.all(Deployment.class).stream().map(d -> d.getSpec().getTemplate()),
                m.all(StatefulSet.class).stream().map(s -> s.getSpec().getTemplate()))
                .filter(t -> selector != null && !selector.isEmpty()
                        && t.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
    }

    private static Set<String> portNames(PodTemplateSpec pod) {
        return Set.copyOf(pod.getSpec().getContainers().stream()
                .flatMap(c -> c.getPorts().stream()).map(ContainerPort::getName)
                .filter(n -> n != null).toList());
    }

    @SuppressWarnings("unchecked")
    private static String name(List<Map<String, Object>> custom, String kind) {
        return custom.stream().filter(o -> kind.equals(o.get("kind")))
                .map(o -> String.valueOf(((Map<String, Object>) o.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
