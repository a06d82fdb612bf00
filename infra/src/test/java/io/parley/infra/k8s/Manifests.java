package io.parley.infra.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A kustomization rendered by the real {@code kubectl kustomize} and read into the Kubernetes
 * API's own types (fabric8's models, generated from the API's OpenAPI schema): a value of the
 * wrong type or a field the API does not have (a typo such as {@code readinesProbe}) is a problem;
 * so is a kind this project does not expect. Custom resources (Strimzi, the MariaDB operator) are
 * kept as maps for the checks that know them.
 */
final class Manifests {
    /** The built-in kinds the manifests use, by {@code apiVersion/kind}. */
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);
    private static final List<String> CUSTOM = List.of("kafka.strimzi.io/v1beta2/Kafka",
            "kafka.strimzi.io/v1beta2/KafkaNodePool", "k8s.mariadb.com/v1alpha1/MariaDB");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    final List<HasMetadata> objects = new ArrayList<>();
    final List<Map<String, Object>> custom = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    /** Renders {@code dir} with {@code kubectl kustomize} and reads every object in it. */
    static Manifests render(Path dir) throws IOException, InterruptedException {
        Manifests m = new Manifests();
        String yaml = kustomize(dir);
        for (Object doc : new Yaml().loadAll(yaml)) {
            if (doc instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                m.read(object);
            }
        }
        return m;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name))
                .findFirst().orElse(null);
    }

    private void read(Map<String, Object> object) {
        String type = object.get("apiVersion") + "/" + object.get("kind");
        String name = object.get("metadata") instanceof Map<?, ?> meta
                ? String.valueOf(meta.get("name")) : "(no name)";
        String where = type + " " + name;
        if (CUSTOM.contains(type)) {
            custom.add(object);
            return;
        }
        Class<? extends HasMetadata> model = TYPES.get(type);
        if (model == null) {
            problems.add(where + ": not a kind these manifests are checked for");
            return;
        }
        try {
            HasMetadata typed = JSON.convertValue(object, model);
            unknownFields(typed, where, problems);
            objects.add(typed);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * fabric8's models keep fields the API does not define in {@code additionalProperties}
     * instead of refusing them; any found there, at any depth, is reported with its path.
     */
    static void unknownFields(Object node, String path, List<String> out) {
        if (node == null || !node.getClass().getName().startsWith("io.fabric8.")) {
            if (node instanceof Collection<?> list) {
                int i = 0;
                for (Object item : list) {
                    unknownFields(item, path + "[" + i++ + "]", out);
                }
            } else if (node instanceof Map<?, ?> map) {
                map.forEach((k, v) -> unknownFields(v, path + "." + k, out));
            }
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + ": fields the API does not have: " + extra.keySet());
                }
            } else {
                unknownFields(value, path + "." + field(getter.getName()), out);
            }
        }
    }

    private static String field(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }

    /** kubectl on PATH, or PARLEY_KUBECTL; infra/scripts/lib.sh ensure_kubectl installs it. */
    private static String kustomize(Path dir) throws IOException, InterruptedException {
        String kubectl = System.getenv().getOrDefault("PARLEY_KUBECTL", "kubectl");
        Process p;
        try {
            p = new ProcessBuilder(kubectl, "kustomize", dir.toString()).start();
        } catch (IOException e) {
            throw new IllegalStateException("no kubectl (" + kubectl + "): run `source "
                    + "infra/scripts/lib.sh; ensure_kubectl` (Debian's kubernetes-client)", e);
        }
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("kubectl kustomize " + dir + " took over 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err.join());
        }
        return out.join();
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
