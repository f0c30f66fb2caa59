package org.cityops.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.cityops.opinion.feed.FeedEntry;
import org.cityops.opinion.feed.FeedException;
import org.cityops.opinion.feed.FeedReader;
import org.junit.jupiter.api.Test;

/** The feed reader on local files: RSS 2.0 and Atom are read; malformed, DTD and entity tricks refused whole. */
class FeedReaderTests {

    static List<FeedEntry> read(String name) throws Exception {
        try (InputStream in = FeedReaderTests.class.getResourceAsStream("/opinion/feeds/" + name)) {
            return FeedReader.read(in);
        }
    }

    @Test
    void an_rss_feed_gives_its_items_with_guid_link_plain_summary_and_time() throws Exception {
        List<FeedEntry> entries = read("rss.xml");
        assertThat(entries).hasSize(2);
        FeedEntry first = entries.get(0);
        assertThat(first.guid()).isEqualTo("rss-1");
        assertThat(first.title()).isEqualTo("市民反映某路段夜间施工噪音扰民");
        assertThat(first.link()).isEqualTo("http://feeds.example.test/post/1");
        assertThat(first.summary()).isEqualTo("夜里十一点后仍在 施工 ，严重影响休息。");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-12-07T01:30:00Z"));
    }

    @Test
    void an_rss_item_without_guid_is_keyed_by_its_link_and_predefined_entities_are_read() throws Exception {
        FeedEntry second = read("rss.xml").get(1);
        assertThat(second.guid()).isEqualTo("http://feeds.example.test/post/2");
        assertThat(second.title()).isEqualTo("网友：某小区垃圾分类亭满溢 & 异味");
    }

    @Test
    void an_atom_feed_gives_its_entries_with_the_alternate_link() throws Exception {
        List<FeedEntry> entries = read("atom.xml");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).guid()).isEqualTo("urn:test:forum:100");
        assertThat(entries.get(0).link()).isEqualTo("https://forum.example.test/t/100");
        assertThat(entries.get(0).summary()).isEqualTo("大风天晃动明显");
        assertThat(entries.get(0).published()).isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
    }

    @Test
    void a_malformed_feed_gives_no_entry_at_all_not_the_ones_before_the_break() {
        assertThatThrownBy(() -> read("malformed.xml")).isInstanceOf(FeedException.class);
    }

    @Test
    void a_feed_with_an_external_entity_is_refused_and_the_file_is_never_read() {
        assertThatThrownBy(() -> read("xxe.xml"))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("DTD");
    }

    @Test
    void an_entity_expansion_bomb_is_refused_before_any_expansion() {
        assertThatThrownBy(() -> read("billion-laughs.xml"))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("DTD");
    }

    @Test
    void an_undeclared_entity_makes_the_feed_malformed() {
        assertThatThrownBy(() -> read("undeclared-entity.xml")).isInstanceOf(FeedException.class);
    }

    @Test
    void an_entry_without_a_title_makes_the_whole_feed_malformed() {
        assertThatThrownBy(() -> read("no-title.xml"))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("title");
    }

    @Test
    void a_document_that_is_not_rss_or_atom_is_refused() {
        assertThatThrownBy(() -> read("not-a-feed.xml"))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("html");
    }
}
