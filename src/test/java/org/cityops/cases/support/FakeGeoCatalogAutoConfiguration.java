package org.cityops.cases.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.cityops.catalog.Catalog;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.CategoryView;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.Urgency;
import org.cityops.catalog.WorkingCalendar;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * TEST ONLY stand-ins for the geo and catalog modules while their implementations are not merged. Registered
 * as an auto-configuration (META-INF/spring/...AutoConfiguration.imports in test resources), so every bean
 * backs off as soon as the real module provides one. Remove this class and the imports file once geo and
 * catalog are in main.
 */
@AutoConfiguration
public class FakeGeoCatalogAutoConfiguration {

    /** The demo city in a box: 7 longitude bands = 7 districts; each band's south/north half = street 001/002. */
    static final double SOUTH = 31.30, NORTH = 32.10, WEST = 119.10, EAST = 120.30;
    static final String[][] DISTRICTS = {
            {"320481", "溧阳市"}, {"320413", "金坛区"}, {"320412", "武进区"}, {"320404", "钟楼区"},
            {"320402", "天宁区"}, {"320411", "新北区"}, {"320491", "常州经开区"}};

    @Bean
    @ConditionalOnMissingBean(GridLocator.class)
    GridLocator fakeGridLocator() {
        return (lat, lon) -> {
            if (lat < SOUTH || lat >= NORTH || lon < WEST || lon >= EAST) {
                return Optional.empty();
            }
            int band = (int) ((lon - WEST) / ((EAST - WEST) / DISTRICTS.length));
            String[] d = DISTRICTS[Math.min(band, DISTRICTS.length - 1)];
            String street = d[0] + (lat < (SOUTH + NORTH) / 2 ? "001" : "002");
            String community = street + "001";
            return Optional.of(new GridLocation(community + "001", community, "社区" + community, street,
                    "街道" + street, d[0], d[1]));
        };
    }

    static final List<CategoryView> CATEGORIES = List.of(
            new CategoryView(9001, "GB/T 47678.5", CategoryKind.EVENT, "06010", "EVENT:06010", "暴露垃圾", "市容环境类",
                    "垃圾暴露", "垃圾清除", true),
            new CategoryView(9002, "GB/T 47678.5", CategoryKind.EVENT, "06013", "EVENT:06013", "道路破损", "市容环境类",
                    "路面破损", "修复", true),
            new CategoryView(9003, "GB/T 47678.5", CategoryKind.EVENT, "09006", "EVENT:09006", "占道经营", "街面秩序类",
                    "占道经营", "清理", true),
            new CategoryView(9004, "GB/T 47678.5", CategoryKind.COMPONENT, "01001", "COMPONENT:01001", "供水井盖",
                    "市政公用设施", "井盖缺损", "修复", true));

    @Bean
    @ConditionalOnMissingBean(Catalog.class)
    Catalog fakeCatalog() {
        return new Catalog() {
            @Override
            public Optional<CategoryView> resolve(String code) {
                return CATEGORIES.stream().filter(c -> c.qualifiedCode().equals(code) || c.code().equals(code))
                        .findFirst();
            }

            @Override
            public Optional<CategoryView> category(long id) {
                return CATEGORIES.stream().filter(c -> c.id() == id).findFirst();
            }

            @Override
            public List<CategoryView> activeCategories() {
                return CATEGORIES;
            }

            @Override
            public TimeLimit limit(long categoryId, ProcessStage stage, Urgency urgency) {
                Duration d = switch (stage) {
                    case VERIFY, FILE, DISPATCH -> Duration.ofHours(1);
                    case HANDLE -> urgency == Urgency.CRITICAL ? Duration.ofHours(4)
                            : urgency == Urgency.URGENT ? Duration.ofHours(8) : Duration.ofHours(24);
                    case CHECK -> Duration.ofHours(4);
                    case CLOSE -> Duration.ofHours(2);
                };
                return new TimeLimit(d, TimeBasis.NATURAL);
            }

            @Override
            public Optional<String> responsibleDepartment(long categoryId, String areaCode) {
                return areaCode == null || areaCode.length() < 6 ? Optional.empty()
                        : Optional.of("QCGJ-" + areaCode.substring(0, 6));
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(WorkingCalendar.class)
    WorkingCalendar fakeWorkingCalendar() {
        return new WorkingCalendar() {
            @Override
            public Instant deadline(Instant start, TimeLimit limit) {
                return start.plus(limit.duration());
            }

            @Override
            public Duration elapsed(Instant from, Instant to, TimeBasis basis) {
                return Duration.between(from, to);
            }
        };
    }
}
