-- Street-front map at scale (issue 19): the 门前三包 layer's bounding-box query reads the four box columns from the
-- index (as sf_park_area's), not only the latitudes.
CREATE INDEX sf_zone_bbox_idx ON sf_zone (min_lat, max_lat, min_lon, max_lon);
DROP INDEX sf_zone_box_idx;
