package org.cityops.stats.web;

import java.util.Optional;
import java.util.Set;
import org.cityops.platform.StartPage;
import org.springframework.stereotype.Component;

/** A leader (领导) signs in to the one-page summary of their area, not to the navigation tiles. */
@Component
class LeaderStartPage implements StartPage {

    @Override
    public Optional<String> pathFor(Set<String> roles) {
        return roles.contains("LEADER") ? Optional.of("/leader") : Optional.empty();
    }
}
