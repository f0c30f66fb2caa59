package org.cityops.catalog.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.CategoryView;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.Urgency;
import org.cityops.platform.ClusterChanges;
import org.cityops.platform.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The catalogue other modules read. The whole catalogue is held in memory as a {@link CatalogSnapshot};
 * edits reload it when their transaction ends, and it is reloaded at the latest every few minutes. Several app
 * nodes: an edit is also announced ({@link ClusterChanges}, topic {@value #TOPIC}), so the other nodes reload within
 * one {@code cityops.cluster.sync-interval} rather than after up to five minutes.
 */
@Service
public class CatalogService implements Catalog {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    static final String TOPIC = "catalog";

    private final CatalogStore store;
    private final ClusterChanges cluster;
    private volatile CatalogSnapshot snapshot;
    private volatile long loadedAtNanos;
    /** Bumped by every invalidation, so that a load racing with an edit does not cache the old state. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    CatalogService(CatalogStore store, ClusterChanges cluster) {
        this.store = store;
        this.cluster = cluster;
        cluster.onOtherNodes(TOPIC, changed -> forget());
    }

    public CatalogSnapshot snapshot() {
        CatalogSnapshot s = snapshot;
        if (s == null || System.nanoTime() - loadedAtNanos > MAX_AGE.toNanos()) {
            synchronized (this) {
                s = snapshot;
                if (s == null || System.nanoTime() - loadedAtNanos > MAX_AGE.toNanos()) {
                    long gen = generation.get();
                    s = store.load();
                    if (gen == generation.get()) {
                        snapshot = s;
                        loadedAtNanos = System.nanoTime();
                    }
                }
            }
        }
        return s;
    }

    /** The catalogue was edited here: reloaded on the next read, on this node and (announced) on the others. */
    public void invalidate() {
        forget();
        cluster.announce(TOPIC, "catalog");
    }

    private void forget() {
        generation.incrementAndGet();
        snapshot = null;
    }

    @Override
    public Optional<CategoryView> resolve(String categoryCode) {
        return snapshot().resolve(categoryCode).map(Category::view);
    }

    @Override
    public Optional<CategoryView> category(long id) {
        return snapshot().byId(id).map(Category::view);
    }

    @Override
    public List<CategoryView> activeCategories() {
        return snapshot().active().stream().map(Category::view).toList();
    }

    /** @throws NotFoundException for an unknown category id */
    @Override
    public TimeLimit limit(long categoryId, ProcessStage stage, Urgency urgency) {
        CatalogSnapshot s = snapshot();
        require(s, categoryId);
        return s.limit(categoryId, stage, urgency);
    }

    @Override
    public Optional<String> responsibleDepartment(long categoryId, String areaCode) {
        CatalogSnapshot s = snapshot();
        return s.byId(categoryId).flatMap(c -> s.route(c, areaCode)).map(RoutingRule::departmentCode);
    }

    @Override
    public Optional<org.cityops.catalog.RouteChoice> route(long categoryId, String areaCode) {
        CatalogSnapshot s = snapshot();
        return s.byId(categoryId)
                .flatMap(c -> s.route(c, areaCode))
                .map(r -> new org.cityops.catalog.RouteChoice(
                        r.id(), r.selector(), r.areaPrefix(), r.departmentCode(), r.note()));
    }

    public Category require(long id) {
        return require(snapshot(), id);
    }

    private static Category require(CatalogSnapshot s, long id) {
        return s.byId(id).orElseThrow(() -> new NotFoundException("分类不存在 no category " + id));
    }

    /** Search criteria; null or blank means any. */
    public record Filter(String q, CategoryKind kind, String standard, String majorCode, Boolean active) {}

    public List<Category> search(Filter f) {
        String q = f.q() == null || f.q().isBlank() ? null : f.q().trim().toUpperCase(Locale.ROOT);
        String standard =
                f.standard() == null || f.standard().isBlank() ? null : CategoryCodes.normalizeStandard(f.standard());
        String major = f.majorCode() == null || f.majorCode().isBlank()
                ? null
                : f.majorCode().trim();
        return snapshot().all().stream()
                .filter(c -> f.kind() == null || c.kind() == f.kind())
                .filter(c -> standard == null || c.standard().equals(standard))
                .filter(c -> major == null || c.majorCode().equals(major))
                .filter(c -> f.active() == null || c.active() == f.active())
                .filter(c -> q == null
                        || c.qualifiedCode().contains(q)
                        || c.code().contains(q)
                        || c.name().toUpperCase(Locale.ROOT).contains(q)
                        || c.majorName().toUpperCase(Locale.ROOT).contains(q))
                .sorted(java.util.Comparator.comparing(Category::standard)
                        .thenComparing(Category::kind)
                        .thenComparing(Category::code))
                .toList();
    }
}
