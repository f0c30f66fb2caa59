package org.cityops.rectification.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.cityops.rectification.IndicatorSource;
import org.cityops.rectification.IndicatorValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Indicators this module provides itself (it reads only its own tables): the number of the ledger's measures
 * (of an inspection, optionally of one status and lead department), and a manual indicator whose value a person
 * states. The cases module can contribute e.g. "cases received/closed of a category in an area and period" the
 * same way (see docs/rectification.md).
 */
@Configuration(proxyBeanMethods = false)
class LedgerIndicators {

    static final String MEASURE_COUNT = "rectification.measure-count";
    static final String MANUAL = "manual";

    @Bean
    IndicatorSource measureCountIndicator(JdbcClient jdbc, Clock clock) {
        return new IndicatorSource() {
            @Override
            public String key() {
                return MEASURE_COUNT;
            }

            @Override
            public String label() {
                return "台账整改措施数 measures of the ledger";
            }

            @Override
            public List<String> parameters() {
                return List.of("inspection", "status", "department");
            }

            @Override
            public IndicatorValue current(Map<String, String> p) {
                String insp = p.get("inspection");
                if (insp == null) {
                    throw new IllegalArgumentException("inspection missing");
                }
                String status = p.get("status");
                String dept = p.get("department");
                long n = jdbc.sql("SELECT COUNT(*) FROM rect_measure WHERE inspection_id = :i"
                                + (status == null ? "" : " AND status = :s")
                                + (dept == null ? "" : " AND lead_department = :d"))
                        .param("i", Long.parseLong(insp))
                        .params(status == null ? Map.of() : Map.of("s", status))
                        .params(dept == null ? Map.of() : Map.of("d", dept))
                        .query(Long.class)
                        .single();
                return new IndicatorValue(n, n + " 条", clock.instant());
            }
        };
    }

    @Bean
    IndicatorSource manualIndicator(Clock clock) {
        return new IndicatorSource() {
            @Override
            public String key() {
                return MANUAL;
            }

            @Override
            public String label() {
                return "人工填报 stated by hand";
            }

            @Override
            public List<String> parameters() {
                return List.of("value", "text");
            }

            @Override
            public IndicatorValue current(Map<String, String> p) {
                String value = p.get("value");
                String text = p.get("text");
                if (value == null && text == null) {
                    throw new IllegalArgumentException("value or text missing");
                }
                Long v = value == null ? null : Long.parseLong(value);
                return new IndicatorValue(v, text != null ? text : value, clock.instant());
            }
        };
    }
}
