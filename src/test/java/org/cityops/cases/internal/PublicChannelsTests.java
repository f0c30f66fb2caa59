package org.cityops.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.cityops.cases.CaseChannel;
import org.junit.jupiter.api.Test;

class PublicChannelsTests {

    @Test
    void citizenAndOpen311CasesArePublicAndTheHotlineIsConfigurable() {
        PublicChannels withHotline = new PublicChannels(true);
        PublicChannels withoutHotline = new PublicChannels(false);
        assertThat(withHotline.names()).containsExactly("CITIZEN", "HOTLINE", "OPEN311");
        assertThat(withoutHotline.names()).containsExactly("CITIZEN", "OPEN311");
        assertThat(withoutHotline.isPublic(CaseChannel.HOTLINE)).isFalse();
        assertThat(withoutHotline.isPublic(CaseChannel.CITIZEN)).isTrue();
    }

    @Test
    void internalChannelsAreNeverPublic() {
        for (PublicChannels p : new PublicChannels[] {new PublicChannels(true), new PublicChannels(false)}) {
            for (CaseChannel internal :
                    new CaseChannel[] {CaseChannel.INSPECTOR, CaseChannel.ALERT, CaseChannel.LEADER, CaseChannel.MEDIA
                    }) {
                assertThat(p.isPublic(internal)).as(internal.name()).isFalse();
            }
            assertThat(p.isPublic(null)).isFalse();
        }
    }
}
