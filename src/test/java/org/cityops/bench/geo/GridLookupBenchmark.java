package org.cityops.bench.geo;

import java.util.concurrent.TimeUnit;
import org.cityops.geo.GridLocation;
import org.cityops.geo.internal.GridIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point → grid lookup over ≥ 40,000 grid polygons on one thread: the production index (STRtree over envelopes +
 * PreparedGeometry point-in-polygon, {@link GridIndex#locateOrNull}) against a brute-force scan of every grid
 * ({@link GridIndex#locateByScan}, PreparedGeometry per grid, which also rejects by envelope first). Run with
 * {@code bench/geo/run.sh}; the PostgreSQL comparison is {@link GridLookupPgBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class GridLookupBenchmark {

    @Param({"200"}) // 200 × 200 = 40,000 grids
    int side;

    GridIndex index;
    double[][] points;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticGridLayer layer = new SyntheticGridLayer(side);
        index = layer.index();
        points = layer.points(1 << 16, 7);
    }

    private double[] nextPoint() {
        double[] p = points[next];
        next = (next + 1) & (points.length - 1);
        return p;
    }

    @Benchmark
    public GridLocation strTreeLookup() {
        double[] p = nextPoint();
        return index.locateOrNull(p[0], p[1]);
    }

    @Benchmark
    public GridLocation bruteForceScan() {
        double[] p = nextPoint();
        return index.locateByScan(p[0], p[1]);
    }
}
