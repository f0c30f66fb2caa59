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
 * (auto) or a supervisor sends it with a click (manual). The category codes are placeholders until the catalog
 * defines the construction-waste categories; override them with {@code cityops.muck.case-category.<ALARM_TYPE>}
 * and the mode with {@code cityops.muck.case-auto.<ALARM_TYPE>=true|false}.
 */
@Component
public class CaseRules {

    /** 道路遗撒 / 乱倒 (placeholder code) */
    public static final String SPILL = "MUCK-SPILL";
    /** 违规运输 (placeholder code) */
    public static final String ILLEGAL_TRANSPORT = "MUCK-ILLEGAL-TRANSPORT";
    /** 渣土运输车辆未密闭 (placeholder code; no sensor rule raises it yet) */
    public static final String UNSEALED = "MUCK-UNSEALED";

    private static final Map<AlarmType, String> DEFAULT_CATEGORY = new EnumMap<>(AlarmType.class);
    private static final Set<AlarmType> DEFAULT_AUTO = EnumSet.of(AlarmType.ILLEGAL_UNLOADING, AlarmType.NO_PERMIT);

    static {
        for (AlarmType t : AlarmType.values()) {
            DEFAULT_CATEGORY.put(t, ILLEGAL_TRANSPORT);
        }
        DEFAULT_CATEGORY.put(AlarmType.ILLEGAL_UNLOADING, SPILL);
    }

    public record Rule(AlarmType type, String label, String categoryCode, boolean auto) {
    }

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
