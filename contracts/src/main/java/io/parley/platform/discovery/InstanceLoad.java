package io.parley.platform.discovery;

/**
 * How busy this instance is, published in its registry entry so that others can prefer the least
 * loaded one (browsers choosing a gateway). A service that has one provides it as a bean.
 */
@FunctionalInterface
public interface InstanceLoad {
    int current();
}
