package org.cityops.platform;

/**
 * A module's own durable event channel (beside Spring Modulith's registry), counted by {@link PendingEvents}:
 * how many events it has that some consumer has not yet taken. The cases module's event log implements it.
 */
public interface EventBacklog {

    long pending();
}
