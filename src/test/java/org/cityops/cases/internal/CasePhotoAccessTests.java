package org.cityops.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.org.StaffMember;
import org.cityops.platform.NotFoundException;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CasePhotoAccessTests {

    @Autowired
    CaseService cases;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    static final StaffMember OPERATOR = CaseFixtures.OPERATOR;
    static final StaffMember INSPECTOR = CaseFixtures.INSPECTOR;
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    long newCase() {
        return CaseFixtures.newCase(cases, locator, catalog, "照片测试");
    }

    @Test
    void the_public_sees_handling_photos_only_never_report_or_check_photos() {
        long id = newCase();
        long report = cases.addPhoto(id, "REPORT", PNG, OPERATOR);
        long handled = cases.addPhoto(id, "HANDLED", PNG, INSPECTOR);
        long check = cases.addPhoto(id, "CHECK", PNG, INSPECTOR);

        assertThatThrownBy(() -> cases.photo(id, report, null)).isInstanceOf(NotFoundException.class);
        assertThat(cases.photo(id, handled, null).data()).isEqualTo(PNG);
        assertThatThrownBy(() -> cases.photo(id, check, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void staff_who_see_the_case_get_every_kind_of_photo() {
        long id = newCase();
        long check = cases.addPhoto(id, "CHECK", PNG, INSPECTOR);

        assertThat(cases.photo(id, check, INSPECTOR).kind()).isEqualTo("CHECK");
        assertThat(cases.photo(id, check, OPERATOR).kind()).isEqualTo("CHECK");
    }
}
