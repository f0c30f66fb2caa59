package org.cityops.catalog.internal.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.internal.Category;
import org.cityops.catalog.internal.CategoryCodes;
import org.junit.jupiter.api.Test;

class CategoryIndexTests {

    static long ids = 1;

    static Category event(String standard, String code, String qualified, String name, String major, String majorName) {
        return new Category(
                ids++, standard, CategoryKind.EVENT, code, qualified, name, major, majorName, null, null, true, 0);
    }

    static final Category BLLJ = event(CategoryCodes.GB47678, "06010", "E06010", "暴露垃圾", "06", "市容环境");
    static final Category JCLJ = event(CategoryCodes.GB47678, "06011", "E06011", "积存垃圾渣土", "06", "市容环境");
    static final Category ZDJY = event(CategoryCodes.GB47678, "09006", "E09006", "占道经营", "09", "街面秩序");
    static final Category XGG = event(CategoryCodes.GB47678, "07001", "E07001", "非法小广告", "07", "宣传广告");
    static final Category BLLJ_30428 = event(CategoryCodes.GB30428, "0102", "30428:E:0102", "暴露垃圾", "01", "市容环境");
    static final Category ZT01 = event(CategoryCodes.LOCAL, "ZT01", "LOCAL:E:ZT01", "建筑垃圾违规运输", "ZT", "渣土");
    static final Category OFF = new Category(
            ids++,
            CategoryCodes.GB47678,
            CategoryKind.EVENT,
            "06099",
            "E06099",
            "停用的垃圾分类",
            "06",
            "市容环境",
            null,
            null,
            false,
            0);

    static final CategoryIndex INDEX = CategoryIndex.of(List.of(BLLJ, JCLJ, ZDJY, XGG, BLLJ_30428, ZT01, OFF));
    static final List<String> DEFAULT_SETS = List.of(CategoryCodes.GB47678, CategoryCodes.LOCAL);

    static List<String> codes(CategoryIndex.Result r) {
        return r.groups().stream()
                .flatMap(g -> g.items().stream())
                .map(h -> h.category().qualifiedCode())
                .toList();
    }

    @Test
    void pinyinInitialsFindTheName() {
        assertThat(codes(INDEX.search("bllj", DEFAULT_SETS, Map.of(), 50, 8))).containsExactly("E06010");
        assertThat(codes(INDEX.search("ZDJY", DEFAULT_SETS, Map.of(), 50, 8))).containsExactly("E09006");
        // initials inside a name: 建筑垃圾违规运输 has ljwg at its third character
        assertThat(codes(INDEX.search("ljwg", DEFAULT_SETS, Map.of(), 50, 8))).containsExactly("LOCAL:E:ZT01");
    }

    @Test
    void aPolyphonicCharacterMatchesEitherReading() {
        List<String> initials = PinyinInitials.of("行道树");
        assertThat(initials.get(0)).contains("h").contains("x");
        assertThat(PinyinInitials.find(initials, "xds")).isZero();
        assertThat(PinyinInitials.find(initials, "hds")).isZero();
        assertThat(PinyinInitials.primary(PinyinInitials.of("暴露垃圾"))).isEqualTo("bllj");
    }

    @Test
    void codesAndNamesAreFoundTooWithTheBestMatchFirst() {
        assertThat(codes(INDEX.search("06010", DEFAULT_SETS, Map.of(), 50, 8))).containsExactly("E06010");
        assertThat(codes(INDEX.search("e0601", DEFAULT_SETS, Map.of(), 50, 8))).containsExactly("E06010", "E06011");
        assertThat(codes(INDEX.search("垃圾", DEFAULT_SETS, Map.of(), 50, 8)))
                .containsExactly("E06010", "E06011", "LOCAL:E:ZT01");
        assertThat(codes(INDEX.search("占道经营", DEFAULT_SETS, Map.of(), 50, 8))).containsExactly("E09006");
        assertThat(codes(INDEX.search("市容", DEFAULT_SETS, Map.of(), 50, 8))).containsExactly("E06010", "E06011");
        assertThat(codes(INDEX.search("没有这个", DEFAULT_SETS, Map.of(), 50, 8))).isEmpty();
    }

    @Test
    void onlyTheCitysCodeSetsAndActiveCategoriesAreOffered() {
        assertThat(codes(INDEX.search("暴露垃圾", DEFAULT_SETS, Map.of(), 50, 8))).containsExactly("E06010");
        assertThat(codes(INDEX.search("暴露垃圾", List.of(CategoryCodes.GB30428), Map.of(), 50, 8)))
                .containsExactly("30428:E:0102");
        assertThat(codes(INDEX.search("", List.of(), Map.of(), 50, 8)))
                .hasSize(6)
                .doesNotContain("E06099");
    }

    @Test
    void theCallersMostUsedComeFirstThenTheRestGroupedByMajor() {
        CategoryIndex.Result r = INDEX.search("", DEFAULT_SETS, Map.of(ZDJY.id(), 5L, XGG.id(), 9L), 50, 8);
        assertThat(r.groups().get(0).frequent()).isTrue();
        assertThat(r.groups().get(0).items())
                .extracting(h -> h.category().qualifiedCode())
                .containsExactly("E07001", "E09006");
        assertThat(r.groups().subList(1, r.groups().size()))
                .extracting(CategoryIndex.Group::majorName)
                .containsExactly("市容环境", "渣土");
        assertThat(r.groups().get(1).items())
                .extracting(h -> h.category().code())
                .containsExactly("06010", "06011");
        // each category once
        assertThat(codes(r)).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void aSearchKeepsMostUsedFirstAmongItsMatches() {
        CategoryIndex.Result r = INDEX.search("垃圾", DEFAULT_SETS, Map.of(ZT01.id(), 1L, ZDJY.id(), 7L), 50, 8);
        assertThat(r.groups().get(0).frequent()).isTrue();
        assertThat(r.groups().get(0).items())
                .extracting(h -> h.category().qualifiedCode())
                .containsExactly("LOCAL:E:ZT01");
        assertThat(codes(r)).containsExactly("LOCAL:E:ZT01", "E06010", "E06011");
    }

    @Test
    void theAnswerIsCutAtTheLimitAndSaysSo() {
        CategoryIndex.Result r = INDEX.search("", DEFAULT_SETS, Map.of(), 2, 8);
        assertThat(codes(r)).hasSize(2);
        assertThat(r.total()).isEqualTo(5);
        assertThat(r.truncated()).isTrue();
    }
}
