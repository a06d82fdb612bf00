package io.parley.infra.cluster;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link Cluster} for the whole test run (the first class that needs it pays the
 * start-up) and stops it when the run ends. Test classes receive it as a parameter.
 */
public final class ClusterExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(ClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    private static Cluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("cluster",
                k -> new Resource(new Cluster()), Resource.class).cluster;
    }

    private record Resource(Cluster cluster) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            cluster.close();
        }
    }
}
