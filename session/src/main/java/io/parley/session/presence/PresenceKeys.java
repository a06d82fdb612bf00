package io.parley.session.presence;

/**
 * Names of presence's Redis keys, all under the deployment's namespace ({@code im.kafka.namespace},
 * the prefix logic's locks use too), so two systems sharing one Redis (a dev system and a test
 * run) never see each other's connections:
 * <ul>
 *   <li>{@code <ns>:conn:<gatewayId>/<connectionId>} = {@code userId|deviceId|connectedAtMs}</li>
 *   <li>{@code <ns>:user:<userId>:conns} = set of {@code <gatewayId>/<connectionId>}</li>
 *   <li>{@code <ns>:user:<userId>:last-seen} = epoch ms</li>
 *   <li>{@code <ns>:gateway:<id>:alive}, {@code <ns>:gateway:<id>:users}, {@code <ns>:gateways}</li>
 * </ul>
 */
record PresenceKeys(String namespace) {
    PresenceKeys {
        if (namespace == null || !namespace.matches("[A-Za-z0-9._-]{1,60}")) {
            throw new IllegalArgumentException("bad presence namespace: " + namespace);
        }
    }

    String conn(String ref) {
        return namespace + ":conn:" + ref;
    }

    String gateways() {
        return namespace + ":gateways";
    }

    String gatewayAlive(String gatewayId) {
        return namespace + ":gateway:" + gatewayId + ":alive";
    }

    String gatewayUsers(String gatewayId) {
        return namespace + ":gateway:" + gatewayId + ":users";
    }

    String lastSeen(long userId) {
        return namespace + ":user:" + userId + ":last-seen";
    }

    String userConns(long userId) {
        return namespace + ":user:" + userId + ":conns";
    }
}
