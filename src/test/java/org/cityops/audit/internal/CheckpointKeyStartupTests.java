package org.cityops.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.cityops.CityopsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.NestedExceptionUtils;

/** The production profile does not start without a checkpoint key, and says why. */
class CheckpointKeyStartupTests {

    @Test
    void theProdProfileRefusesToStartWithoutACheckpointKey() {
        Throwable failure = catchThrowable(() -> new SpringApplication(CityopsApplication.class)
                .run(
                        "--spring.profiles.active=prod",
                        "--spring.datasource.url=jdbc:h2:mem:prod-without-key;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa",
                        "--cityops.audit.checkpoint-key=",
                        "--cityops.audit.checkpoint-key-file=",
                        "--server.port=0",
                        "--cityops.telemetry.jt808.port=0",
                        "--logging.file.name=",
                        "--spring.main.banner-mode=off")
                .close());

        assertThat(failure).isNotNull();
        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .isInstanceOf(CheckpointKeyException.class)
                .hasMessageContaining("neither cityops.audit.checkpoint-key nor cityops.audit.checkpoint-key-file");
        assertThat(new CheckpointKeyFailureAnalyzer().analyze(failure).getAction())
                .contains("CITYOPS_AUDIT_CHECKPOINT_KEY");
    }
}
