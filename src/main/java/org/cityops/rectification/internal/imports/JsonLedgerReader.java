package org.cityops.rectification.internal.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.rectification.InspectionKind;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;
import org.cityops.rectification.internal.Deadlines;
import org.cityops.rectification.internal.LedgerDraft;
import org.cityops.rectification.internal.LedgerDraft.CategoryDraft;
import org.cityops.rectification.internal.LedgerDraft.MeasureDraft;
import org.cityops.rectification.internal.LedgerDraft.ProblemDraft;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a ledger in the shape of the seed fixture ({@code seed-rectification.json}): inspection, categories →
 * problems → measures. Unknown keys are ignored; Chinese column names are accepted as keys too. Every error is
 * collected with its JSON path; any error refuses the whole file.
 */
public final class JsonLedgerReader {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public LedgerDraft read(byte[] json) {
        Object root;
        try {
            root = MAPPER.readValue(json, Object.class);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            String where = loc == null ? "$" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new LedgerImportException(
                    List.of(new ImportError(where, null, "不是合法的 JSON not valid JSON: " + e.getOriginalMessage())));
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new LedgerImportException(List.of(new ImportError("$", null, "应为 JSON 对象 expected a JSON object")));
        }
        List<ImportError> errors = new ArrayList<>();
        Map<?, ?> insp = top.get("inspection") instanceof Map<?, ?> m ? m : Map.of();
        String name = text(insp, "name", "巡察名称");
        if (name == null) {
            name = text(top, "name", "title");
        }
        if (name == null) {
            errors.add(new ImportError("$.inspection", "name", "缺少巡察名称 missing inspection name"));
        }
        String body = text(insp, "inspecting_body", "inspectingBody", "巡察组");
        if (body == null && name != null && name.contains(" ")) {
            body = name.substring(0, name.indexOf(' '));
        }
        String kindText = text(insp, "kind", "类型");
        InspectionKind kind = InspectionKind.parse(kindText != null ? kindText : name);
        if (kind == null && kindText == null) {
            kind = InspectionKind.PATROL;
        }
        if (kind == null) {
            errors.add(new ImportError("$.inspection", "kind", "未知的巡察类型 unknown kind: " + text(insp, "kind")));
        }
        String period = firstNonNull(text(insp, "period_text", "periodText"), text(insp, "period", "巡察时间"));
        LocalDate feedback = null;
        String fb = text(insp, "feedback_date", "feedbackDate", "反馈日期");
        if (fb != null) {
            try {
                feedback = Deadlines.parse(fb).date();
            } catch (IllegalArgumentException e) {
                errors.add(new ImportError("$.inspection", "feedback_date", e.getMessage()));
            }
        }
        List<CategoryDraft> categories = new ArrayList<>();
        Map<Integer, String> seenNumbers = new HashMap<>();
        List<?> cats = top.get("categories") instanceof List<?> l ? l : null;
        if (cats == null || cats.isEmpty()) {
            errors.add(new ImportError("$", "categories", "缺少问题类别 no categories"));
            cats = List.of();
        }
        for (int ci = 0; ci < cats.size(); ci++) {
            String cpath = "categories[" + ci + "]";
            if (!(cats.get(ci) instanceof Map<?, ?> cat)) {
                errors.add(new ImportError(cpath, null, "应为对象 expected an object"));
                continue;
            }
            Integer seq = integer(cat, errors, cpath, "no", "seq");
            String ctitle = text(cat, "title", "问题类别");
            if (ctitle == null) {
                errors.add(new ImportError(cpath, "title", "缺少类别标题 missing category title"));
            }
            if (cat.get("measures") != null) {
                errors.add(new ImportError(cpath, "measures", "整改措施必须属于某个问题 a measure must belong to a problem"));
            }
            List<ProblemDraft> problems = new ArrayList<>();
            List<?> probs = cat.get("problems") instanceof List<?> pl ? pl : List.of();
            for (int pi = 0; pi < probs.size(); pi++) {
                String ppath = cpath + ".problems[" + pi + "]";
                if (!(probs.get(pi) instanceof Map<?, ?> prob)) {
                    errors.add(new ImportError(ppath, null, "应为对象 expected an object"));
                    continue;
                }
                Integer no = integer(prob, errors, ppath, "no", "number", "序号");
                if (no == null) {
                    errors.add(new ImportError(ppath, "no", "缺少问题序号 missing problem number"));
                } else if (seenNumbers.containsKey(no)) {
                    errors.add(new ImportError(
                            ppath,
                            "no",
                            "问题序号重复 duplicate problem number " + no + " (已在 already at " + seenNumbers.get(no) + ")"));
                } else {
                    seenNumbers.put(no, ppath);
                }
                String ptitle = text(prob, "title", "问题描述", "description");
                if (ptitle == null) {
                    errors.add(new ImportError(ppath, "title", "缺少问题描述 missing problem title"));
                }
                ProblemStatus pstatus = null;
                String ps = text(prob, "status", "问题状态");
                if (ps != null) {
                    pstatus = ProblemStatus.parse(ps);
                    if (pstatus == null) {
                        errors.add(new ImportError(ppath, "status", "未知的问题状态 unknown status '" + ps + "'"));
                    }
                }
                List<MeasureDraft> measures = new ArrayList<>();
                List<?> ms = prob.get("measures") instanceof List<?> ml ? ml : List.of();
                for (int mi = 0; mi < ms.size(); mi++) {
                    String mpath = ppath + ".measures[" + mi + "]";
                    if (!(ms.get(mi) instanceof Map<?, ?> mm)) {
                        errors.add(new ImportError(mpath, null, "应为对象 expected an object"));
                        continue;
                    }
                    MeasureDraft md = measure(mm, mpath, errors);
                    if (md != null) {
                        measures.add(md);
                    }
                }
                problems.add(new ProblemDraft(no == null ? 0 : no, ptitle, pstatus, measures));
            }
            categories.add(new CategoryDraft(seq == null ? ci + 1 : seq, ctitle, problems));
        }
        if (!errors.isEmpty()) {
            throw new LedgerImportException(errors);
        }
        return new LedgerDraft(
                name, body, kind, period, feedback, text(top, "organization"), text(top, "title"), categories);
    }

    private static MeasureDraft measure(Map<?, ?> m, String path, List<ImportError> errors) {
        String text = text(m, "text", "整改措施", "measure");
        String title = text(m, "title", "措施名称");
        if (text == null) {
            errors.add(new ImportError(path, "text", "缺少措施内容 missing measure text"));
            return null;
        }
        boolean derived = Boolean.TRUE.equals(m.get("derived_title"));
        Deadlines.Deadline deadline = Deadlines.Deadline.NONE;
        try {
            deadline = Deadlines.parse(text(m, "deadline", "整改时限"));
        } catch (IllegalArgumentException e) {
            errors.add(new ImportError(path, "deadline", e.getMessage()));
        }
        boolean longTerm = deadline.longTerm() || Boolean.TRUE.equals(m.get("long_term"));
        MeasureStatus status = MeasureStatus.NOT_STARTED;
        String st = text(m, "status", "整改状态");
        if (st != null) {
            status = MeasureStatus.parse(st);
            if (status == null) {
                errors.add(new ImportError(path, "status", "未知的措施状态 unknown status '" + st + "'"));
            }
        }
        Integer subNo = m.get("sub_no") instanceof Number n ? n.intValue() : null;
        return new MeasureDraft(
                subNo,
                title,
                derived || title == null,
                text,
                text(m, "leader", "responsible_leader", "责任领导"),
                text(m, "lead_department", "牵头部门"),
                list(m, "cooperating_departments", "配合部门"),
                deadline.date(),
                longTerm,
                text(m, "expected_outcome", "预期成效"),
                status,
                text(m, "progress", "整改进展"),
                text(m, "leader_username", "leaderUsername"));
    }

    static String text(Map<?, ?> map, String... keys) {
        for (String k : keys) {
            Object v = map.get(k);
            if (v != null && !(v instanceof Map) && !(v instanceof List)) {
                String s = v.toString().trim();
                if (!s.isEmpty()) {
                    return s;
                }
            }
        }
        return null;
    }

    private static Integer integer(Map<?, ?> map, List<ImportError> errors, String path, String... keys) {
        for (String k : keys) {
            Object v = map.get(k);
            if (v instanceof Number n) {
                return n.intValue();
            }
            if (v instanceof String s && !s.isBlank()) {
                try {
                    return Integer.parseInt(s.trim());
                } catch (NumberFormatException e) {
                    errors.add(new ImportError(path, k, "应为整数 expected a whole number, got '" + s + "'"));
                    return null;
                }
            }
        }
        return null;
    }

    static List<String> list(Map<?, ?> map, String... keys) {
        for (String k : keys) {
            Object v = map.get(k);
            if (v instanceof List<?> l) {
                return l.stream()
                        .filter(x -> x != null && !x.toString().isBlank())
                        .map(x -> x.toString().trim())
                        .toList();
            }
            if (v instanceof String s && !s.isBlank()) {
                return splitNames(s);
            }
        }
        return List.of();
    }

    static List<String> splitNames(String s) {
        return java.util.Arrays.stream(s.split("[、,,;;/\\n]"))
                .map(String::trim)
                .filter(x -> !x.isEmpty())
                .toList();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
