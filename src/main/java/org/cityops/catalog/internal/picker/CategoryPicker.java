package org.cityops.catalog.internal.picker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cityops.catalog.CategoryUsage;
import org.cityops.catalog.internal.CatalogService;
import org.cityops.catalog.internal.CatalogSnapshot;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The category picker: searches the active categories of the city's code sets, the caller's most used first.
 * The search index follows the catalogue (rebuilt when the catalogue reloads); a user's usage is kept a minute.
 */
@Service
public class CategoryPicker {

    /** At most this many categories in the "most used" group. */
    public static final int FREQUENT = 8;

    private static final long USAGE_MAX_AGE_NANOS = 60_000_000_000L;
    private static final int USAGE_CACHE_SIZE = 10_000;

    private record Built(CatalogSnapshot from, CategoryIndex index) {}

    private record Usage(long at, Map<Long, Long> uses) {}

    private final CatalogService catalog;
    private final PickerSettings settings;
    private final ObjectProvider<CategoryUsage> usageSource;
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private volatile Built built;

    CategoryPicker(CatalogService catalog, PickerSettings settings, ObjectProvider<CategoryUsage> usageSource) {
        this.catalog = catalog;
        this.settings = settings;
        this.usageSource = usageSource;
    }

    public List<String> codeSets() {
        return settings.codeSets();
    }

    /** Search as {@code username} (null: nobody's usage); at most {@code limit} categories. */
    public CategoryIndex.Result search(String query, String username, int limit) {
        return index().search(query, settings.codeSets(), usageOf(username), limit, FREQUENT);
    }

    CategoryIndex index() {
        CatalogSnapshot s = catalog.snapshot();
        Built b = built;
        if (b == null || b.from() != s) {
            b = new Built(s, CategoryIndex.of(s.active()));
            built = b;
        }
        return b.index();
    }

    Map<Long, Long> usageOf(String username) {
        CategoryUsage source = usageSource.getIfAvailable();
        if (username == null || source == null) {
            return Map.of();
        }
        long now = System.nanoTime();
        Usage u = usage.get(username);
        if (u == null || now - u.at() > USAGE_MAX_AGE_NANOS) {
            if (usage.size() > USAGE_CACHE_SIZE) {
                usage.clear();
            }
            u = new Usage(now, Map.copyOf(source.mostUsed(username, FREQUENT * 2)));
            usage.put(username, u);
        }
        return u.uses();
    }

    /** Forgets the cached usage (tests, or after a bulk change). */
    public void forgetUsage() {
        usage.clear();
    }
}
