-- wrk script for bench/rest-load: POSTs the same three-service request as DeterminationsLoad.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"asOf":"2025-03-01","applicant":{"name":"Example Cloud (Shanghai) Co., Ltd.","seat":"310115","zones":[],"registeredCapitalCny":10000000},"foreignEquityPercent":60,"services":[{"code":"B21","item":"ECOMMERCE","coverage":["CN"],"facilities":["310115"]},{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["110105","310115"]},{"code":"B25","item":"COMMUNITY","coverage":["310000"],"facilities":["440305"]}]}'

local bad = 0
function response(status, headers, body)
  if status ~= 201 then
    bad = bad + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("determinations answered: %d in %.1f s = %.0f/s; errors: %d (socket) %d (non-2xx)\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
  io.write(string.format("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
end
