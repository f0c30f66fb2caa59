package org.cityops.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.catalog.internal.Category;
import org.cityops.catalog.internal.CategoryAdmin;
import org.cityops.catalog.internal.CategoryDraft;
import org.cityops.catalog.internal.LimitKey;
import org.cityops.catalog.internal.RoutingAdmin;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CatalogTests {

    static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100000));

    @Autowired
    Catalog catalog;

    @Autowired
    CategoryAdmin categories;

    @Autowired
    RoutingAdmin routing;

    /** A fresh LOCAL category with a unique code. */
    Category newLocalCategory(String major) {
        String code = major + SEQ.incrementAndGet();
        return categories.create(new CategoryDraft(
                "LOCAL", CategoryKind.EVENT, code, "测试分类 " + code, major, "测试大类", "立案条件", "结案条件", true));
    }

    @Test
    void aQualifiedCodeResolvesInAnyCaseAndWithTheLongAlias() {
        assertThat(catalog.resolve("E06010"))
                .get()
                .extracting(CategoryView::name)
                .isEqualTo("暴露垃圾");
        assertThat(catalog.resolve("e06010"))
                .get()
                .extracting(CategoryView::qualifiedCode)
                .isEqualTo("E06010");
        assertThat(catalog.resolve("47678:E:06010"))
                .get()
                .extracting(CategoryView::code)
                .isEqualTo("06010");
        assertThat(catalog.resolve("C01001")).get().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CategoryKind.COMPONENT);
            assertThat(c.name()).isEqualTo("供水井盖");
            assertThat(c.majorName()).isEqualTo("市政公用设施");
            assertThat(c.standard()).isEqualTo("GB/T 47678.5");
        });
        assertThat(catalog.resolve("30428:C:0101"))
                .get()
                .extracting(CategoryView::name)
                .isEqualTo("上水井盖");
        assertThat(catalog.resolve("LOCAL:E:ZT01"))
                .get()
                .extracting(CategoryView::name)
                .isEqualTo("建筑垃圾违规运输");
    }

    @Test
    void aPlainCodeResolvesOnlyWhenUniqueAmongActiveCategories() {
        assertThat(catalog.resolve("06010"))
                .get()
                .extracting(CategoryView::qualifiedCode)
                .isEqualTo("E06010");
        assertThat(catalog.resolve("01001")).as("部件 and 事项 share 01001").isEmpty();
        assertThat(catalog.resolve("0101")).as("30428 部件 and 事件 share 0101").isEmpty();
        assertThat(catalog.resolve("99999")).isEmpty();
        assertThat(catalog.resolve("")).isEmpty();
        assertThat(catalog.resolve(null)).isEmpty();
        assertThat(catalog.resolve("X06010")).isEmpty();
    }

    @Test
    void aDeactivatedCategoryIsFoundByItsQualifiedCodeOnly() {
        Category c = newLocalCategory("DA");
        assertThat(catalog.resolve(c.code())).isPresent();
        categories.setActive(c.id(), false);
        assertThat(catalog.resolve(c.code())).isEmpty();
        assertThat(catalog.resolve(c.qualifiedCode()))
                .get()
                .extracting(CategoryView::active)
                .isEqualTo(false);
        assertThat(catalog.activeCategories()).noneMatch(v -> v.id() == c.id());
    }

    @Test
    void theDemoCatalogueHasEveryTranscribedCategory() {
        List<CategoryView> all = catalog.activeCategories();
        assertThat(all.stream().filter(c -> c.standard().equals("GB/T 47678.5")).count())
                .isGreaterThanOrEqualTo(403);
        assertThat(all)
                .anyMatch(c -> c.qualifiedCode().equals("E08011") && c.name().contains("渣土运输车辆"));
        assertThat(catalog.resolve("E06014").orElseThrow().filingCondition()).contains("遗撒");
    }

    @Test
    void everyDemoCategoryFindsADepartmentInEveryDistrict() {
        for (CategoryView c : catalog.activeCategories()) {
            for (String district : List.of("320402", "320404", "320411", "320412", "320413", "320481", "320491")) {
                assertThat(catalog.responsibleDepartment(c.id(), district + "001001"))
                        .as(c.qualifiedCode())
                        .isPresent();
            }
        }
    }

    @Test
    void demoRoutingSendsTerritorialCasesToTheDistrictBureauAndProfessionalOnesToTheirDepartment() {
        long stall = catalog.resolve("E09006").orElseThrow().id();
        assertThat(catalog.responsibleDepartment(stall, "320402001001")).contains("QCGJ-320402");
        assertThat(catalog.responsibleDepartment(stall, "320411")).contains("QCGJ-320411");
        assertThat(catalog.responsibleDepartment(stall, "")).contains("CGJ");
        long garbage = catalog.resolve("E06010").orElseThrow().id();
        assertThat(catalog.responsibleDepartment(garbage, "320404002")).contains("HWC");
        long muck = catalog.resolve("LOCAL:E:ZT01").orElseThrow().id();
        assertThat(catalog.responsibleDepartment(muck, "320412")).contains("ZFZD");
        long tree = catalog.resolve("E04002").orElseThrow().id();
        assertThat(catalog.responsibleDepartment(tree, "320481")).contains("GYGL");
    }

    @Test
    void theDocumentedExampleRoutesHoldForEveryDistrict() {
        Map<String, String> examples = Map.of(
                "E09006", "320402", "E07001", "320404", "E09009", "320411", "E06036", "320412", "E06013", "320413",
                "E06028", "320481", "E09010", "320491");
        examples.forEach((code, district) -> assertThat(catalog.responsibleDepartment(
                        catalog.resolve(code).orElseThrow().id(), district + "001001"))
                .as(code)
                .contains("QCGJ-" + district));
        long spill = catalog.resolve("E06014").orElseThrow().id();
        assertThat(catalog.responsibleDepartment(spill, "320402")).contains("HWC");
        long uncovered = catalog.resolve("E08011").orElseThrow().id();
        assertThat(catalog.responsibleDepartment(uncovered, "320402")).contains("ZFZD");
    }

    @Test
    void theMostSpecificRoutingRuleWins() {
        Category c = newLocalCategory("RS");
        Category sibling = newLocalCategory("RS");
        routing.create(c.qualifiedCode(), "", "SZSS", "city-wide");
        routing.create(c.qualifiedCode(), "320402", "YYFZ", "district");
        routing.create(c.qualifiedCode(), "320402001", "FQWCL", "street");
        routing.create("LOCAL:E:RS*", "320404", "GYGL", "major in a district");

        assertThat(catalog.responsibleDepartment(c.id(), "320402001002")).contains("FQWCL");
        assertThat(catalog.responsibleDepartment(c.id(), "320402002001")).contains("YYFZ");
        assertThat(catalog.responsibleDepartment(c.id(), "320411001")).contains("SZSS");
        assertThat(catalog.responsibleDepartment(c.id(), "320404001"))
                .as("one category beats its major even city-wide")
                .contains("SZSS");
        assertThat(catalog.responsibleDepartment(sibling.id(), "320404001")).contains("GYGL");
        assertThat(catalog.responsibleDepartment(sibling.id(), "320411001")).contains("QCGJ-320411");
    }

    @Test
    void routingRulesNeedAKnownDepartmentAreaAndCategory() {
        Category c = newLocalCategory("RV");
        assertThatThrownBy(() -> routing.create(c.qualifiedCode(), "", "NOPE", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NOPE");
        assertThatThrownBy(() -> routing.create(c.qualifiedCode(), "3204", "CGJ", null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> routing.create(c.qualifiedCode(), "329999", "CGJ", null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> routing.create("LOCAL:E:NOSUCH1", "", "CGJ", null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> routing.create("E0*", "", "CGJ", null)).isInstanceOf(InvalidInputException.class);
        routing.create(c.qualifiedCode(), "", "CGJ", null);
        assertThatThrownBy(() -> routing.create(c.qualifiedCode().toLowerCase(), "", "HWC", null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void limitsFallBackToTheCatalogueDefaults() {
        Category c = newLocalCategory("LF");
        assertThat(catalog.limit(c.id(), ProcessStage.HANDLE, Urgency.NORMAL))
                .isEqualTo(new TimeLimit(Duration.ofHours(8), TimeBasis.WORKING));
        assertThat(catalog.limit(c.id(), ProcessStage.HANDLE, Urgency.CRITICAL))
                .isEqualTo(new TimeLimit(Duration.ofHours(2), TimeBasis.NATURAL));
        categories.setLimits(
                c.id(),
                Map.of(
                        new LimitKey(ProcessStage.HANDLE, Urgency.NORMAL),
                        new TimeLimit(Duration.ofHours(30), TimeBasis.NATURAL)));
        assertThat(catalog.limit(c.id(), ProcessStage.HANDLE, Urgency.NORMAL))
                .isEqualTo(new TimeLimit(Duration.ofHours(30), TimeBasis.NATURAL));
        assertThat(catalog.limit(c.id(), ProcessStage.HANDLE, Urgency.URGENT))
                .isEqualTo(new TimeLimit(Duration.ofHours(4), TimeBasis.WORKING));
        assertThat(catalog.limit(c.id(), ProcessStage.VERIFY, Urgency.NORMAL))
                .isEqualTo(new TimeLimit(Duration.ofHours(1), TimeBasis.WORKING));
    }

    @Test
    void sanitationCategoriesRunOnNaturalHours() {
        long garbage = catalog.resolve("E06010").orElseThrow().id();
        assertThat(catalog.limit(garbage, ProcessStage.HANDLE, Urgency.NORMAL))
                .isEqualTo(new TimeLimit(Duration.ofHours(12), TimeBasis.NATURAL));
    }

    @Test
    void anUnknownCategoryHasNoLimitAndNoDepartment() {
        assertThatThrownBy(() -> catalog.limit(-1, ProcessStage.HANDLE, Urgency.NORMAL))
                .isInstanceOf(NotFoundException.class);
        assertThat(catalog.responsibleDepartment(-1, "320402")).isEmpty();
        assertThat(catalog.category(-1)).isEmpty();
    }

    @Test
    void categoryCodesMustFitTheirStandard() {
        assertThatThrownBy(() -> categories.create(new CategoryDraft(
                        "GB/T 47678.5", CategoryKind.EVENT, "0601", "x", null, "大类", null, null, true)))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "code");
        assertThatThrownBy(() -> categories.create(new CategoryDraft(
                        "GB/T 47678.5", CategoryKind.EVENT, "06010", "重复", null, "市容环境类", null, null, true)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> categories.create(new CategoryDraft(
                        "GB/T 47678.5", CategoryKind.EVENT, "11001", "x", "12", "大类", null, null, true)))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "majorCode");
    }
}
