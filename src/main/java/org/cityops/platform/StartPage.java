package org.cityops.platform;

import java.util.Optional;
import java.util.Set;

/**
 * A module may claim the start page of some users (e.g. the statistics module sends leaders to their summary
 * instead of the navigation tiles). The first bean (by {@link org.springframework.core.annotation.Order}) that
 * answers wins; nobody answering keeps the tiles.
 */
public interface StartPage {

    /** @param roles the user's role names without Spring's ROLE_ prefix */
    Optional<String> pathFor(Set<String> roles);
}
