package org.cityops.platform;

/** Tells who is acting now. The org module implements it from the security context. */
public interface ActorProvider {

    Actor current();
}
