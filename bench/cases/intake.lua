-- wrk script: case intake through the API (POST /api/v1/cases), every request a new case.
-- TOKEN (bearer for operator1) and CATEGORY come from the environment (see run.sh).
local token = os.getenv("TOKEN")
local category = os.getenv("CATEGORY") or "EVENT:06010"
local counter = 0

request = function()
  counter = counter + 1
  local lat = 31.70 + math.random() * 0.15
  local lon = 119.85 + math.random() * 0.20
  local body = string.format(
    '{"channel":"HOTLINE","categoryCode":"%s","description":"压测案卷 %d-%d","lat":%.6f,"lon":%.6f,' ..
    '"address":"压测路%d号","urgency":"NORMAL","reporter":{"name":"压测","phone":"13800000000"}}',
    category, counter, math.random(1, 1000000000), lat, lon, counter)
  return wrk.format("POST", "/api/v1/cases",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors(status)=%d p50=%.1fms p95=%.1fms p99=%.1fms rps=%.0f\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
