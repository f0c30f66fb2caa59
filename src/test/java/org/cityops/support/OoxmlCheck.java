package org.cityops.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.DocumentDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.FtrDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.HdrDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.NumberingDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.SettingsDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * What makes Word say a .docx "needs repair", checked without Word: every WordprocessingML part (document, styles,
 * numbering, settings, headers, footers) validated against the ECMA-376 schemas that POI's XMLBeans classes were
 * compiled from, and every internal relationship (images, styles, …) pointing at a part that exists.
 */
public final class OoxmlCheck {

    private static final String WML = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

    private OoxmlCheck() {}

    /** The problems found, each naming its part; empty = a valid document. */
    public static List<String> problems(byte[] docx) throws Exception {
        List<String> problems = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(docx))) {
            for (PackagePart part : pkg.getParts()) {
                if (part.isRelationshipPart()) {
                    continue;
                }
                String name = part.getPartName().getName();
                String type = part.getContentType();
                XmlObject xml = parse(type, part);
                if (xml != null) {
                    List<XmlError> errors = new ArrayList<>();
                    if (!xml.validate(new XmlOptions().setErrorListener(errors)) && errors.isEmpty()) {
                        problems.add(name + ": invalid");
                    }
                    errors.forEach(e -> problems.add(name + ": " + e));
                }
                if (type.startsWith(WML)) {
                    for (String id : referencedRelationships(part)) {
                        if (part.getRelationship(id) == null) {
                            problems.add(name + ": refers to relationship " + id + ", which the part does not have");
                        }
                    }
                }
                for (PackageRelationship rel : part.getRelationships()) {
                    if (rel.getTargetMode() == TargetMode.EXTERNAL) {
                        continue;
                    }
                    var target = PackagingURIHelper.createPartName(
                            PackagingURIHelper.resolvePartUri(part.getPartName().getURI(), rel.getTargetURI()));
                    if (pkg.getPart(target) == null) {
                        problems.add(name + ": relationship " + rel.getId() + " points at a missing part "
                                + target.getName());
                    }
                }
            }
            if (pkg.getPartsByContentType(WML + "document.main+xml").isEmpty()) {
                problems.add("no main document part");
            }
        }
        return problems;
    }

    private static final String RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** The relationship ids a part's XML refers to (r:id, r:embed, r:link, r:pict … of any prefix bound to it). */
    static java.util.Set<String> referencedRelationships(PackagePart part) throws Exception {
        String xml;
        try (InputStream in = part.getInputStream()) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        java.util.Set<String> ids = new java.util.TreeSet<>();
        var prefixes = java.util.regex.Pattern.compile(
                        "xmlns:([A-Za-z0-9_.-]+)=\"" + java.util.regex.Pattern.quote(RELS_NS) + "\"")
                .matcher(xml);
        while (prefixes.find()) {
            var refs = java.util.regex.Pattern.compile(
                            "\\s" + java.util.regex.Pattern.quote(prefixes.group(1)) + ":[A-Za-z]+=\"([^\"]*)\"")
                    .matcher(xml);
            while (refs.find()) {
                ids.add(refs.group(1));
            }
        }
        return ids;
    }

    private static XmlObject parse(String type, PackagePart part) throws Exception {
        if (!type.startsWith(WML)) {
            return null;
        }
        String kind = type.substring(WML.length());
        try (InputStream in = part.getInputStream()) {
            return switch (kind) {
                case "document.main+xml" -> DocumentDocument.Factory.parse(in);
                case "styles+xml" -> StylesDocument.Factory.parse(in);
                case "numbering+xml" -> NumberingDocument.Factory.parse(in);
                case "settings+xml" -> SettingsDocument.Factory.parse(in);
                case "header+xml" -> HdrDocument.Factory.parse(in);
                case "footer+xml" -> FtrDocument.Factory.parse(in);
                default -> null;
            };
        }
    }
}
