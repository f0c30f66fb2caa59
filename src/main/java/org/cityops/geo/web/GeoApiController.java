package org.cityops.geo.web;

import java.io.IOException;
import java.util.List;
import org.cityops.geo.GridCode;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.geo.internal.GridImportRejectedException;
import org.cityops.geo.internal.GridImportService;
import org.cityops.geo.internal.GridIndex;
import org.cityops.geo.internal.ImportMode;
import org.cityops.geo.internal.ImportReport;
import org.cityops.geo.internal.StrTreeGridLocator;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.platform.web.ApiProblemHandler;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Unit grids (单元网格) over JSON: locate a point, read grids for a map, import a layer (ADMIN).
 * The grid layer is the city's reference map and is readable by all staff; each feature says whether it lies
 * in the caller's area scope ({@code inScope}).
 */
@RestController
@RequestMapping("/api/v1/geo")
@PreAuthorize(GeoRoles.ALL_STAFF)
class GeoApiController {

    private final GridLocator locator;
    private final StrTreeGridLocator index;
    private final GridImportService imports;
    private final int maxFeatures;
    private final int simplifyAbove;

    GeoApiController(
            GridLocator locator,
            StrTreeGridLocator index,
            GridImportService imports,
            @Value("${cityops.geo.map-max-features:3000}") int maxFeatures,
            @Value("${cityops.geo.map-simplify-above:800}") int simplifyAbove) {
        this.locator = locator;
        this.index = index;
        this.imports = imports;
        this.maxFeatures = maxFeatures;
        this.simplifyAbove = simplifyAbove;
    }

    /** Point → grid → community → street → district. */
    @GetMapping("/locate")
    GridLocation locate(@RequestParam double lat, @RequestParam double lon) {
        checkRange(lat, -90, 90, "lat", "纬度应在 -90..90 之间 lat must be between -90 and 90");
        checkRange(lon, -180, 180, "lon", "经度应在 -180..180 之间 lon must be between -180 and 180");
        return locator.locate(lat, lon)
                .orElseThrow(() -> new NotFoundException(
                        "该位置不在本市任何单元网格内 the point (" + lat + ", " + lon + ") lies in no grid of the city"));
    }

    /** Grids meeting a box, as a GeoJSON FeatureCollection (at most the configured count; simplified when many). */
    @GetMapping("/grids")
    ObjectNode grids(@CurrentActor(required = false) StaffMember me, @RequestParam String bbox) {
        Envelope box = parseBbox(bbox);
        GridIndex current = index.index();
        List<GridIndex.Entry> found = current.query(box);
        boolean truncated = found.size() > maxFeatures;
        List<GridIndex.Entry> shown = truncated ? found.subList(0, maxFeatures) : found;
        double tolerance = shown.size() > simplifyAbove ? Math.max(box.getWidth(), box.getHeight()) / 2000 : 0;
        ObjectNode fc = GeoJsonWriter.collection();
        ArrayNode features = (ArrayNode) fc.get("features");
        for (GridIndex.Entry e : shown) {
            Geometry g = tolerance > 0 ? TopologyPreservingSimplifier.simplify(e.geometry(), tolerance) : e.geometry();
            ObjectNode f = GeoJsonWriter.feature(e.location(), g);
            ((ObjectNode) f.get("properties")).put("inScope", me != null && me.coversArea(e.code()));
            features.add(f);
        }
        fc.put("total", found.size());
        fc.put("truncated", truncated);
        fc.put("simplified", tolerance > 0);
        return fc;
    }

    @GetMapping("/grids/{code}")
    ObjectNode grid(@PathVariable String code) {
        GridCode gridCode = GridCode.parse(code);
        GridIndex.Entry e = index.index()
                .byCode(gridCode.value())
                .orElseThrow(() -> new NotFoundException("网格不存在 no grid " + gridCode, "code"));
        return GeoJsonWriter.feature(e.location(), e.geometry());
    }

    /** Imports a GeoJSON FeatureCollection sent as the request body. */
    @PostMapping(
            path = "/grids/import",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ImportReport> importBody(
            @CurrentActor StaffMember me,
            @RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String mode) {
        ImportMode m = ImportMode.parse(mode);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(imports.importGeoJson(me, body == null ? new byte[0] : body, m, "api"));
    }

    /** Imports a GeoJSON file sent as multipart part {@code file}. */
    @PostMapping(path = "/grids/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ImportReport> importFile(
            @CurrentActor StaffMember me,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String mode)
            throws IOException {
        ImportMode m = ImportMode.parse(mode);
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        return ResponseEntity.status(HttpStatus.CREATED).body(imports.importGeoJson(me, file.getBytes(), m, name));
    }

    /** A rejected import: 400 problem detail listing every bad feature (index, code, field, reason). */
    @ExceptionHandler(GridImportRejectedException.class)
    ProblemDetail rejected(GridImportRejectedException e) {
        ProblemDetail pd = ApiProblemHandler.problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
        pd.setTitle("Grid import rejected");
        pd.setProperty("errors", e.report().problems());
        pd.setProperty("moreErrors", e.report().moreProblems());
        pd.setProperty("featureCount", e.report().featureCount());
        return pd;
    }

    private static void checkRange(double v, double min, double max, String field, String message) {
        if (!(v >= min && v <= max)) {
            throw new InvalidInputException(message, field);
        }
    }

    static Envelope parseBbox(String bbox) {
        String[] parts = bbox.split(",");
        String msg = "bbox 应为 minLon,minLat,maxLon,maxLat bbox must be minLon,minLat,maxLon,maxLat";
        if (parts.length != 4) {
            throw new InvalidInputException(msg, "bbox");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(msg, "bbox");
            }
        }
        checkRange(v[0], -180, 180, "bbox", msg + " (lon -180..180)");
        checkRange(v[2], -180, 180, "bbox", msg + " (lon -180..180)");
        checkRange(v[1], -90, 90, "bbox", msg + " (lat -90..90)");
        checkRange(v[3], -90, 90, "bbox", msg + " (lat -90..90)");
        if (v[0] > v[2] || v[1] > v[3]) {
            throw new InvalidInputException(msg + " (min ≤ max)", "bbox");
        }
        return new Envelope(v[0], v[2], v[1], v[3]);
    }
}
