package org.cityops.muck.registry;

/** Told after a registry change has committed (the alarm engine rebuilds its world from the registry). */
public interface RegistryChangeListener {

    void registryChanged();
}
