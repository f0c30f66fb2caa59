-- wrk script: an authenticated GET (PATH and TOKEN from the environment); prints p50/p95/p99.
local token = os.getenv("TOKEN")
local path = os.getenv("PATH_UNDER_TEST") or "/api/v1/cases/queue"

request = function()
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors(status)=%d p50=%.1fms p95=%.1fms p99=%.1fms rps=%.0f\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
