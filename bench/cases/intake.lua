-- wrk script: case intake through the API (POST /api/v1/cases), every request a new case at a point inside
-- a real grid. TOKEN (bearer of operator1), CATEGORY and POINTS (a file of "lat lon" lines, written by
-- run.sh from geo_grid) come from the environment.
local token = os.getenv("TOKEN")
local category = os.getenv("CATEGORY") or "06010"
local points = {}
for line in io.lines(os.getenv("POINTS")) do
  local lat, lon = line:match("^(%S+)%s+(%S+)$")
  if lat then points[#points + 1] = { lat, lon } end
end
local counter = 0

request = function()
  counter = counter + 1
  local p = points[math.random(1, #points)]
  local body = string.format(
    '{"channel":"HOTLINE","categoryCode":"%s","description":"压测案卷 %d-%d","lat":%s,"lon":%s,' ..
    '"address":"压测路%d号","urgency":"NORMAL","reporter":{"name":"压测","phone":"13800000000"}}',
    category, counter, math.random(1, 1000000000), p[1], p[2], counter)
  return wrk.format("POST", "/api/v1/cases",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors(status)=%d p50=%.1fms p95=%.1fms p99=%.1fms rps=%.0f\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
