-- wrk script for bench/verify: every connection verifies one person after another by IIN, as an
-- officer in the field would. The IINs (VERIFY_IINS, one per line, written by
-- qorgau_bench_seed_orders) alternate between people under an order and people who are not.
-- The session cookie and CSRF token of a logged-in police inspector come from VERIFY_COOKIE and
-- VERIFY_CSRF. The same script drives nginx, which ignores the body and the headers.
local iins = {}
for line in io.lines(os.getenv("VERIFY_IINS")) do iins[#iins + 1] = line end
local headers = {
  ["Content-Type"] = "application/json",
  ["Cookie"] = os.getenv("VERIFY_COOKIE"),
  ["X-CSRF-Token"] = os.getenv("VERIFY_CSRF"),
}
local path = wrk.path
local next_index = 0
local threads = {}

setup = function(thread)
  threads[#threads + 1] = thread
end

init = function(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  next_index = math.random(#iins)
end

request = function()
  next_index = next_index % #iins + 1
  return wrk.format("POST", path, headers, '{"iin":"' .. iins[next_index] .. '"}')
end

found = 0
failures = 0
response = function(status, response_headers, body)
  if status ~= 200 then
    failures = failures + 1
  elseif body:find('"under_active_order":true', 1, true) then
    found = found + 1
  end
end

done = function(summary, latency, requests)
  local all_found, all_failures = 0, 0
  for _, thread in ipairs(threads) do
    all_found = all_found + thread:get("found")
    all_failures = all_failures + thread:get("failures")
  end
  io.write(string.format("wrk: requests=%d non200=%d found=%d p99_us=%d\n", summary.requests,
    all_failures, all_found, latency:percentile(99)))
end
