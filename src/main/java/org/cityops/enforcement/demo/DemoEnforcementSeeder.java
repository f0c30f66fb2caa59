package org.cityops.enforcement.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cityops.enforcement.discretion.Tier;
import org.cityops.enforcement.discretion.TierBenchmark;
import org.cityops.enforcement.discretion.ViolationCatalogue;
import org.cityops.enforcement.discretion.ViolationItem;
import org.cityops.enforcement.file.CaseSource;
import org.cityops.enforcement.file.EnforcementCase;
import org.cityops.enforcement.file.EnforcementCases;
import org.cityops.enforcement.file.NewEnforcementCase;
import org.cityops.enforcement.party.PartyKind;
import org.cityops.enforcement.procedure.Step;
import org.cityops.enforcement.procedure.StepInput;
import org.cityops.enforcement.procedure.SuspensionKind;
import org.cityops.org.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: an illustrative violation catalogue (示例基准, not the bureau's) and enforcement cases at
 * every stage, made through the same service the API calls, with dates in the past so the clocks show every state.
 */
@Component
@Profile("demo")
@Order(77)
class DemoEnforcementSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEnforcementSeeder.class);

    /** Points inside the demo grids (centres of lattice cells of the geo module's synthetic layer). */
    record Place(String name, double lat, double lon) {}

    static final List<Place> PLACES = List.of(
            new Place("天宁区青龙街道某小区楼顶", 31.80715, 119.93837),
            new Place("武进区湖塘镇某村", 31.77475, 119.91293),
            new Place("新北区河海街道某商铺前", 31.83955, 119.88749),
            new Place("钟楼区某路口", 31.80715, 119.87053),
            new Place("经开区戚墅堰某工地", 31.80715, 120.00621),
            new Place("天宁区某巷", 31.80625, 119.94049),
            new Place("武进区牛塘镇某厂区", 31.77385, 119.91505),
            new Place("新北区三井街道某院内", 31.83865, 119.88961));

    static final String[] PERSONS = {
        "320402197503120014",
        "320411198206050022",
        "32041219900918003X",
        "320404196811200049",
        "320413199502140054",
        "320481198807300065"
    };
    static final String[] UNITS = {"91320402MA1N2XK00G", "91350100M000100Y43"};

    private final JdbcClient jdbc;
    private final ViolationCatalogue catalogue;
    private final EnforcementCases cases;

    DemoEnforcementSeeder(JdbcClient jdbc, ViolationCatalogue catalogue, EnforcementCases cases) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.cases = cases;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM enf_violation_item")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        for (ViolationItem item : items()) {
            catalogue.save(item);
        }
        LocalDate t = cases.today();
        // 待立案: a 违建 clue found on patrol three days ago
        open(
                CaseSource.PATROL,
                null,
                PartyKind.PERSON,
                "张某",
                PERSONS[0],
                "WJ-001",
                0,
                "楼顶违法搭建彩钢板房约30平方米",
                t.minusDays(3));
        // 调查取证: transferred from a 12319 违建 case
        long filed = open(
                CaseSource.TRANSFER,
                "DEMO-12319-0001",
                PartyKind.PERSON,
                "李某",
                PERSONS[1],
                "WJ-001",
                1,
                "12319移送：村民反映宅基地上违法加层",
                t.minusDays(20));
        step(filed, Step.FILE, StepInput.on(t.minusDays(18)).note("经核查，符合立案条件"));
        // 已告知: the statement period runs
        long notified = open(
                CaseSource.COMPLAINT,
                null,
                PartyKind.PERSON,
                "王某",
                PERSONS[2],
                "SR-001",
                2,
                "占用人行道摆摊经营",
                t.minusDays(10));
        step(notified, Step.FILE, StepInput.on(t.minusDays(9)));
        step(
                notified,
                Step.NOTIFY,
                StepInput.on(t.minusDays(1)).penalty("GENERAL", new BigDecimal("200"), null, null, false));
        // 法制审核中: a unit's 违建 with a fine that carries the right to a hearing, waived
        long review = open(
                CaseSource.ASSIGNED,
                null,
                PartyKind.UNIT,
                "常州某建设有限公司",
                UNITS[0],
                "WJ-001",
                4,
                "工地内未经许可搭建临时建筑",
                t.minusDays(60));
        step(review, Step.FILE, StepInput.on(t.minusDays(58)));
        step(
                review,
                Step.NOTIFY,
                StepInput.on(t.minusDays(20)).penalty("SEVERE", new BigDecimal("80000"), null, null, true));
        step(review, Step.WAIVE, StepInput.on(t.minusDays(19)).note("当事人书面放弃陈述申辩和听证"));
        step(review, Step.SUBMIT_REVIEW, StepInput.on(t.minusDays(18)));
        // 中止: 鉴定 under way
        long suspended = open(
                CaseSource.PATROL,
                null,
                PartyKind.PERSON,
                "赵某",
                PERSONS[3],
                "WJ-001",
                5,
                "违法建设面积待测绘鉴定",
                t.minusDays(40));
        step(suspended, Step.FILE, StepInput.on(t.minusDays(39)));
        step(
                suspended,
                Step.SUSPEND,
                StepInput.on(t.minusDays(10))
                        .note("委托测绘机构鉴定违建面积")
                        .suspension(SuspensionKind.APPRAISAL, t.plusDays(10)));
        // 待送达
        long decided = open(
                CaseSource.PATROL, null, PartyKind.PERSON, "钱某", PERSONS[4], "LJ-001", 3, "向路边倾倒装修垃圾", t.minusDays(30));
        step(decided, Step.FILE, StepInput.on(t.minusDays(29)));
        step(
                decided,
                Step.NOTIFY,
                StepInput.on(t.minusDays(20)).penalty("GENERAL", new BigDecimal("1000"), null, null, false));
        step(decided, Step.STATEMENT, StepInput.on(t.minusDays(19)).note("当事人称系首次，请求从轻"));
        step(decided, Step.DECIDE, StepInput.on(t.minusDays(2)).note("维持拟处罚决定"));
        // 待履行, overdue: the late fee runs
        long overdue = open(
                CaseSource.COMPLAINT,
                null,
                PartyKind.PERSON,
                "孙某",
                PERSONS[5],
                "SR-001",
                6,
                "店外占道经营，经劝阻不改",
                t.minusDays(80));
        step(overdue, Step.FILE, StepInput.on(t.minusDays(79)));
        step(
                overdue,
                Step.NOTIFY,
                StepInput.on(t.minusDays(70)).penalty("SERIOUS", new BigDecimal("400"), null, null, false));
        step(overdue, Step.WAIVE, StepInput.on(t.minusDays(69)));
        step(overdue, Step.DECIDE, StepInput.on(t.minusDays(60)));
        step(overdue, Step.SERVE, StepInput.on(t.minusDays(58)).note("直接送达，当事人签收"));
        // 已结案: paid in time
        long closed = open(
                CaseSource.PATROL,
                null,
                PartyKind.UNIT,
                "常州某餐饮管理有限公司",
                UNITS[1],
                "SR-001",
                7,
                "店外占道堆放物品",
                t.minusDays(50));
        step(closed, Step.FILE, StepInput.on(t.minusDays(49)));
        step(
                closed,
                Step.NOTIFY,
                StepInput.on(t.minusDays(45)).penalty("MINOR", new BigDecimal("100"), null, null, false));
        step(closed, Step.WAIVE, StepInput.on(t.minusDays(45)));
        step(closed, Step.DECIDE, StepInput.on(t.minusDays(44)));
        step(closed, Step.SERVE, StepInput.on(t.minusDays(43)));
        step(closed, Step.PAY, StepInput.on(t.minusDays(40)).amount(new BigDecimal("100")));
        step(closed, Step.CLOSE, StepInput.on(t.minusDays(39)).note("罚款已缴纳，案件办结"));
        // 不予处罚: 首违不罚
        long lenient = open(
                CaseSource.PATROL,
                null,
                PartyKind.PERSON,
                "周某",
                PERSONS[0],
                "SR-001",
                2,
                "首次占道经营，当场整改",
                t.minusDays(15));
        step(lenient, Step.FILE, StepInput.on(t.minusDays(15)));
        step(
                lenient,
                Step.NOT_PUNISH,
                StepInput.on(t.minusDays(14)).note("初次违法、危害后果轻微并已当场改正").firstOffence(true, true, true));
        log.info("Demo enforcement: {} violation items, 9 cases at every stage", items().size());
    }

    private long open(
            CaseSource source,
            String sourceNumber,
            PartyKind kind,
            String party,
            String id,
            String item,
            int place,
            String description,
            LocalDate discovered) {
        Place p = PLACES.get(place);
        EnforcementCase c = cases.open(
                new NewEnforcementCase(
                        source,
                        sourceNumber,
                        kind,
                        party,
                        id,
                        null,
                        item,
                        description,
                        p.lat(),
                        p.lon(),
                        p.name(),
                        discovered,
                        null,
                        false),
                StaffMember.SYSTEM);
        return c.id();
    }

    private void step(long id, Step step, StepInput in) {
        cases.step(id, step, in, StaffMember.SYSTEM);
    }

    /** 示例基准: illustrative tiers, not the bureau's published benchmark (docs/enforcement.md). */
    static List<ViolationItem> items() {
        return List.of(
                new ViolationItem(
                        "WJ-001",
                        "未取得建设工程规划许可证进行建设（违法建设）",
                        "《中华人民共和国城乡规划法》第四十条第一款",
                        "《中华人民共和国城乡规划法》第六十四条",
                        "责令停止建设、限期改正、罚款、限期拆除",
                        List.of(
                                tier(Tier.MINOR, "面积20平方米以下，能够及时改正", "1000", "5000"),
                                tier(Tier.GENERAL, "面积20至100平方米，尚可采取改正措施", "5000", "20000"),
                                tier(Tier.SERIOUS, "面积100至300平方米，或经责令停止建设仍继续施工", "20000", "50000"),
                                tier(Tier.SEVERE, "面积300平方米以上，或严重影响规划实施", "50000", "100000"))),
                new ViolationItem(
                        "SR-001",
                        "擅自占用城市道路、人行道摆摊经营（占道经营）",
                        "《城市市容和环境卫生管理条例》第十四条",
                        "《城市市容和环境卫生管理条例》第三十六条",
                        "警告、罚款",
                        List.of(
                                tier(Tier.MINOR, "首次被发现，经劝阻及时改正", "0", "100"),
                                tier(Tier.GENERAL, "经劝阻后改正", "100", "300"),
                                tier(Tier.SERIOUS, "经劝阻拒不改正或多次违法", "300", "500"))),
                new ViolationItem(
                        "LJ-001",
                        "随意倾倒、抛撒、堆放建筑垃圾",
                        "《中华人民共和国固体废物污染环境防治法》第六十三条",
                        "《中华人民共和国固体废物污染环境防治法》第一百一十一条",
                        "责令改正、罚款",
                        List.of(
                                tier(Tier.MINOR, "数量较少，及时清理", "200", "1000"),
                                tier(Tier.GENERAL, "数量较大或未及时清理", "1000", "5000"),
                                tier(Tier.SERIOUS, "造成环境污染或拒不清理", "5000", "50000"))));
    }

    private static TierBenchmark tier(Tier t, String conditions, String min, String max) {
        return new TierBenchmark(t, conditions, new BigDecimal(min), new BigDecimal(max));
    }
}
