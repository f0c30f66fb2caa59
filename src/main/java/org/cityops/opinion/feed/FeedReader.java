package org.cityops.opinion.feed;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an RSS 2.0 or Atom 1.0 feed with a secure StAX parser: no DTD (a document that declares one is refused
 * as a whole, so neither an external entity nor an entity expansion bomb is ever resolved), no external entities,
 * no coalescing tricks. The whole document is read before anything is returned: a malformed feed gives a
 * {@link FeedException} and no entries. Titles are cut to 200 characters, summaries stripped of markup and cut to
 * 2,000; an entry without a title, or without both guid/id and link, makes the feed malformed.
 */
public final class FeedReader {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final int MAX_ENTRIES = 500;

    private static final XMLInputFactory FACTORY = factory();

    private FeedReader() {}

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows the JAXP property; SUPPORT_DTD=false already covers it
        }
        return f;
    }

    /** The entries of one feed document, in document order. */
    public static List<FeedEntry> read(InputStream in) throws FeedException {
        List<FeedEntry> out = new ArrayList<>();
        XMLStreamReader r = null;
        try {
            synchronized (FACTORY) {
                r = FACTORY.createXMLStreamReader(in);
            }
            String root = null;
            Builder current = null;
            StringBuilder text = null;
            String field = null;
            int depth = 0;
            int entryDepth = -1;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD ->
                        throw new FeedException("订阅源含有DTD，已拒绝 the feed declares a DTD (refused)");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new FeedException("订阅源含有未声明的实体 the feed uses an undeclared entity");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        String name = r.getLocalName();
                        String ns = r.getNamespaceURI();
                        if (root == null) {
                            if ("rss".equals(name)) {
                                root = "rss";
                            } else if ("feed".equals(name) && ATOM.equals(ns)) {
                                root = "atom";
                            } else {
                                throw new FeedException(
                                        "不是RSS 2.0或Atom订阅源 not an RSS 2.0 or Atom feed: <" + name + ">");
                            }
                        } else if (current == null
                                && (("rss".equals(root) && "item".equals(name))
                                        || ("atom".equals(root) && "entry".equals(name) && ATOM.equals(ns)))) {
                            current = new Builder();
                            entryDepth = depth;
                            if (out.size() >= MAX_ENTRIES) {
                                throw new FeedException("订阅源条目过多 more than " + MAX_ENTRIES + " entries");
                            }
                        } else if (current != null && depth == entryDepth + 1) {
                            field = name;
                            text = new StringBuilder();
                            if ("atom".equals(root) && "link".equals(name)) {
                                String rel = r.getAttributeValue(null, "rel");
                                String href = r.getAttributeValue(null, "href");
                                if (href != null && (rel == null || "alternate".equals(rel)) && current.link == null) {
                                    current.link = href.strip();
                                }
                            }
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (text != null) {
                            text.append(r.getText());
                            if (text.length() > 100_000) {
                                throw new FeedException("订阅条目过长 an entry's field is too long");
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (current != null && depth == entryDepth + 1 && field != null) {
                            current.put(root, field, text.toString().strip());
                            field = null;
                            text = null;
                        } else if (current != null && depth == entryDepth) {
                            out.add(current.build(out.size() + 1));
                            current = null;
                            entryDepth = -1;
                        }
                        depth--;
                    }
                    default -> {
                        // comments, processing instructions: nothing to take
                    }
                }
            }
            if (root == null) {
                throw new FeedException("订阅源为空 empty feed");
            }
            return out;
        } catch (XMLStreamException e) {
            throw new FeedException("订阅源格式错误 malformed feed: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a stream the caller owns
                }
            }
        }
    }

    private static final class Builder {
        String guid;
        String title;
        String link;
        String summary;
        Instant published;

        void put(String root, String field, String value) throws FeedException {
            if (value.isEmpty()) {
                return;
            }
            if ("rss".equals(root)) {
                switch (field) {
                    case "title" -> title = value;
                    case "link" -> link = value;
                    case "guid" -> guid = value;
                    case "description" -> summary = value;
                    case "pubDate" -> published = rfc1123(value);
                    default -> {}
                }
            } else {
                switch (field) {
                    case "title" -> title = value;
                    case "id" -> guid = value;
                    case "summary" -> summary = value;
                    case "content" -> {
                        if (summary == null) {
                            summary = value;
                        }
                    }
                    case "published" -> published = iso(value);
                    case "updated" -> {
                        if (published == null) {
                            published = iso(value);
                        }
                    }
                    default -> {}
                }
            }
        }

        FeedEntry build(int n) throws FeedException {
            if (title == null) {
                throw new FeedException("第" + n + "条缺少标题 entry " + n + " has no title");
            }
            String key = guid != null ? guid : link;
            if (key == null) {
                throw new FeedException("第" + n + "条缺少标识和链接 entry " + n + " has neither guid nor link");
            }
            String t = title.length() > 200 ? title.substring(0, 200) : title;
            String s = summary == null ? null : plain(summary);
            if (s != null && s.length() > 2000) {
                s = s.substring(0, 2000);
            }
            return new FeedEntry(key.length() > 500 ? key.substring(0, 500) : key, t, link, s, published);
        }
    }

    /** Markup removed, white space folded (a description often carries HTML). */
    static String plain(String html) {
        String s = html.replaceAll("(?s)<[^>]*>", " ")
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .strip();
        return s.isEmpty() ? null : s;
    }

    private static Instant rfc1123(String v) throws FeedException {
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT))
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new FeedException("发布时间格式错误 bad pubDate: " + v);
        }
    }

    private static Instant iso(String v) throws FeedException {
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new FeedException("时间格式错误 bad date: " + v);
        }
    }
}
