package org.cityops.muck.alarm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.muck.engine.AlarmType;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Alarm → case rule table: which case category an alarm type becomes, and whether the platform sends it by itself
 * (auto) or a supervisor sends it with a click (manual). The default codes are the catalog's local construction-waste
 * categories of the demo catalogue ({@code LOCAL:E:ZT01} 建筑垃圾违规运输, {@code LOCAL:E:ZT02} 建筑垃圾乱倒乱卸);
 * override them with {@code cityops.muck.case-category.<ALARM_TYPE>} and the mode with
 * {@code cityops.muck.case-auto.<ALARM_TYPE>=true|false}.
 */
@Component
public class CaseRules {

    /** 建筑垃圾乱倒乱卸 (catalog local extension) */
    public static final String SPILL = "LOCAL:E:ZT02";
    /** 建筑垃圾违规运输 (catalog local extension) */
    public static final String ILLEGAL_TRANSPORT = "LOCAL:E:ZT01";
    /** 渣土运输车辆未安装密闭装置 (GB/T 47678.5 08011, unverified list): the category of UNSEALED alarms */
    public static final String UNSEALED = "E08011";

    private static final Map<AlarmType, String> DEFAULT_CATEGORY = new EnumMap<>(AlarmType.class);
    private static final Set<AlarmType> DEFAULT_AUTO = EnumSet.of(AlarmType.ILLEGAL_UNLOADING, AlarmType.NO_PERMIT);

    static {
        for (AlarmType t : AlarmType.values()) {
            DEFAULT_CATEGORY.put(t, ILLEGAL_TRANSPORT);
        }
        DEFAULT_CATEGORY.put(AlarmType.ILLEGAL_UNLOADING, SPILL);
        DEFAULT_CATEGORY.put(AlarmType.UNSEALED, UNSEALED);
    }

    public record Rule(AlarmType type, String label, String categoryCode, boolean auto) {}

    private final Environment env;

    CaseRules(Environment env) {
        this.env = env;
    }

    public String category(AlarmType type) {
        return env.getProperty("cityops.muck.case-category." + type.name(), DEFAULT_CATEGORY.get(type));
    }

    public boolean auto(AlarmType type) {
        return env.getProperty("cityops.muck.case-auto." + type.name(), Boolean.class, DEFAULT_AUTO.contains(type));
    }

    public List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        for (AlarmType t : AlarmType.values()) {
            rules.add(new Rule(t, t.label(), category(t), auto(t)));
        }
        return rules;
    }
}
