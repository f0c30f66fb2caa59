package org.cityops.enforcement.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cityops.enforcement.document.DocumentContent.Block;
import org.cityops.enforcement.document.DocumentContent.Field;
import org.cityops.enforcement.document.DocumentContent.Heading;
import org.cityops.enforcement.document.DocumentContent.Paragraph;
import org.cityops.enforcement.document.DocumentContent.Signature;

/**
 * The templates (文书格式): each type's content filled from the case or the structure. Plain Java; the wording
 * follows the usual 城管执法文书 layout and is the bureau's to adapt (it is not an official 格式文本).
 */
public final class DocumentTemplates {

    private DocumentTemplates() {}

    public static DocumentContent forCase(DocumentType type, CaseFacts f, int round) {
        if (type.owner() != DocumentType.Owner.CASE) {
            throw new IllegalArgumentException(type + " is not a case document");
        }
        List<Block> b = new ArrayList<>();
        b.add(new Field("案件编号", f.caseNumber()));
        switch (type) {
            case FILING_APPROVAL -> {
                b.add(new Field(
                        "案件来源", f.source() + (f.sourceCaseNumber() == null ? "" : "（" + f.sourceCaseNumber() + "）")));
                b.add(new Field("发现日期", date(f.discoveredOn())));
                party(b, f);
                b.add(new Field("违法行为", f.itemName()));
                b.add(new Field("违法地点", f.address()));
                b.add(new Heading("案情摘要"));
                b.add(new Paragraph(f.description()));
                b.add(new Field("违反条款", f.clause()));
                b.add(new Paragraph("经初步核查，当事人涉嫌违法，符合立案条件（《中华人民共和国行政处罚法》第五十四条），建议立案调查。"));
                b.add(new Field("承办人", f.handler()));
            }
            case SITE_INSPECTION -> {
                b.add(new Field("检查次序", "第" + round + "次"));
                b.add(new Field("检查时间", date(f.today())));
                b.add(new Field("检查地点", f.address()));
                party(b, f);
                b.add(new Field("执法人员", f.handler()));
                b.add(new Paragraph("执法人员出示执法证件，表明身份，告知当事人有申请回避的权利。"));
                b.add(new Heading("现场情况"));
                b.add(new Paragraph(f.description()));
                b.add(new Signature("当事人（签名）：　　　　执法人员（签名）：　　　　"));
            }
            case INQUIRY -> {
                b.add(new Field("询问次序", "第" + round + "次"));
                b.add(new Field("询问时间", date(f.today())));
                b.add(new Field("询问地点", f.address()));
                party(b, f);
                b.add(new Field("询问人", f.handler()));
                b.add(new Paragraph("问：我们是城市管理综合行政执法人员，现依法向你了解有关情况，你应当如实回答，" + "你有申请回避的权利，听清楚了吗？"));
                b.add(new Paragraph("答：听清楚了。"));
                b.add(new Paragraph("问：请说明" + f.itemName() + "的有关情况。"));
                b.add(new Paragraph("答：（据实记录）"));
                b.add(new Signature("以上笔录我已看过，与我所说相符。被询问人（签名）：　　　　"));
            }
            case RECTIFICATION_ORDER -> {
                addressee(b, f);
                b.add(new Paragraph("经查，你（单位）在" + f.address() + "的行为（" + f.itemName() + "）违反了" + f.clause() + "。依据"
                        + f.basis() + "，现责令你（单位）立即（或于收到本通知书之日起七日内）改正上述违法行为。"));
                b.add(new Paragraph("逾期不改正的，本机关将依法处理。"));
                stamp(b, f);
            }
            case PRIOR_NOTICE -> {
                addressee(b, f);
                b.add(new Paragraph("经查，你（单位）" + f.description() + "，违反了" + f.clause() + "。依据" + f.basis()
                        + "，本机关拟对你（单位）作出如下行政处罚：" + penalty(f) + "。"));
                b.add(new Paragraph(
                        "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩，" + "请于收到本告知书之日起三个工作日内向本机关提出；逾期未提出的，视为放弃此权利。"));
                stamp(b, f);
            }
            case HEARING_NOTICE -> {
                addressee(b, f);
                b.add(new Paragraph("本机关拟对你（单位）作出" + penalty(f) + "的行政处罚。根据《中华人民共和国行政处罚法》"
                        + "第六十三条、第六十四条的规定，你（单位）有要求举行听证的权利，请于收到本告知书之日起五个工作日内"
                        + "提出；逾期未提出的，视为放弃听证权利。"));
                stamp(b, f);
            }
            case DECISION -> {
                party(b, f);
                b.add(new Heading("违法事实和证据"));
                b.add(new Paragraph(f.description() + "。以上事实有现场检查笔录、询问笔录、现场照片等证据证实。"));
                b.add(new Heading("处罚依据和内容"));
                b.add(new Paragraph("你（单位）的行为违反了" + f.clause() + "。依据" + f.basis() + "，参照本机关自由裁量基准（"
                        + (f.tier() == null ? "—" : f.tier()) + "），决定给予如下行政处罚：" + penalty(f) + "。"));
                b.add(new Paragraph("罚款自收到本决定书之日起十五日内缴至指定银行；到期不缴纳的，每日按罚款数额的百分之三加处罚款" + "（《中华人民共和国行政处罚法》第七十二条）。"));
                b.add(new Paragraph("如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内依法提起行政诉讼。"));
                stamp(b, f);
            }
            case SERVICE_RECEIPT -> {
                b.add(new Field("送达次序", "第" + round + "次"));
                b.add(new Field("受送达人", f.partyName()));
                b.add(new Field("送达文书", "行政处罚决定书"));
                b.add(new Field("送达地点", f.address()));
                b.add(new Field("送达方式", "直接送达"));
                b.add(new Field("送达人", f.handler()));
                b.add(new Signature("受送达人（签名）：　　　　　年　月　日"));
            }
            case CLOSING_APPROVAL -> {
                party(b, f);
                b.add(new Field("违法行为", f.itemName()));
                b.add(new Field("处罚决定", penalty(f)));
                b.add(new Field("立案日期", date(f.stepDates().get("立案"))));
                b.add(new Field("决定日期", date(f.stepDates().get("作出处罚决定"))));
                b.add(new Field(
                        "执行情况",
                        f.stepDates().containsKey("缴纳罚款")
                                ? "已缴纳（" + date(f.stepDates().get("缴纳罚款")) + "）"
                                : f.stage()));
                b.add(new Paragraph("本案处罚决定已执行完毕，符合结案条件，建议结案。"));
                b.add(new Field("承办人", f.handler()));
            }
            default -> throw new IllegalArgumentException(type.name());
        }
        return new DocumentContent(f.authority() + type.label(), null, b);
    }

    public static DocumentContent forStructure(DocumentType type, StructureFacts s) {
        if (type.owner() != DocumentType.Owner.STRUCTURE) {
            throw new IllegalArgumentException(type + " is not a structure document");
        }
        List<Block> b = new ArrayList<>();
        b.add(new Field("违建编号", s.code()));
        b.add(new Field("当事人", s.partyName() == null ? "（待查明）" : s.partyName()));
        b.add(new Field("位置", s.district() + " " + s.address()));
        b.add(new Field("类型", s.kind()));
        b.add(new Field("面积", s.areaM2().stripTrailingZeros().toPlainString() + "平方米"));
        switch (type) {
            case DEMOLITION_ORDER ->
                b.add(new Paragraph("经查，上述建筑未取得建设工程规划许可证，违反《中华人民共和国城乡规划法》"
                        + "第四十条第一款。依据该法第六十四条、第六十八条，限你（单位）于" + date(s.deadline())
                        + "前自行拆除；逾期不拆除的，本机关将依法强制拆除。"));
            case REAL_ESTATE_RESTRICTION -> {
                b.add(new Field("致", s.recipient()));
                b.add(new Paragraph("上述建筑系违法建设，本机关已依法查处。请贵单位在违法建设拆除或者整改完毕前，" + "对该不动产暂停办理转移、抵押等登记手续。整改完毕后本机关将另行函告。"));
            }
            case CREDIT_PENALTY -> {
                b.add(new Field("致", s.recipient()));
                b.add(new Paragraph("当事人逾期未履行限期拆除决定，现将其失信信息推送贵单位，请依照有关规定实施信用惩戒。"));
            }
            default -> throw new IllegalArgumentException(type.name());
        }
        b.add(new Signature(s.authority()));
        b.add(new Signature(date(s.today())));
        return new DocumentContent(s.authority() + type.label(), null, b);
    }

    private static void party(List<Block> b, CaseFacts f) {
        b.add(new Field("当事人", f.partyName() + "（" + f.partyKind() + "）"));
        b.add(new Field(
                "UNIT".equals(f.partyKind()) || "单位".equals(f.partyKind()) ? "统一社会信用代码" : "身份证件号码", f.partyId()));
        if (f.partyPhone() != null && !f.partyPhone().isBlank()) {
            b.add(new Field("联系电话", f.partyPhone()));
        }
    }

    private static void addressee(List<Block> b, CaseFacts f) {
        b.add(new Field("当事人", f.partyName()));
        b.add(new Field("证件号码", f.partyId()));
    }

    private static void stamp(List<Block> b, CaseFacts f) {
        b.add(new Signature(f.authority()));
        b.add(new Signature(date(f.today())));
    }

    static String penalty(CaseFacts f) {
        BigDecimal fine = f.fine();
        return fine == null
                ? f.penaltyKind()
                : "罚款人民币" + fine.stripTrailingZeros().toPlainString() + "元";
    }

    static String date(LocalDate d) {
        return d == null ? "—" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
