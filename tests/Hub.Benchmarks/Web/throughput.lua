-- wrk script for the throughput benchmark (ThroughputBenchmark.cs starts wrk with it).
--
-- Every request is what the "Send my request" button of "check your answers" posts (POST /refer/check):
-- the browser's journey cookie with a person's complete answers, the form token the check page
-- carries (each journey has its own, so each request is a new referral) and the antiforgery token.
-- The journeys are made before wrk starts with the hub's own code and keys (JourneyMint.cs), one a
-- line in HUB_JOURNEYS: "hub-referral=...<TAB>form token"; each is sent once, never again. The
-- antiforgery cookie and token come from one GET of /refer (HUB_COOKIE, HUB_TOKEN); they stay valid
-- for the whole session. HUB_TARGET=bare posts the same requests (same cookies, same body) to the
-- bare-insert yardstick instead; HUB_TARGET=page to the fair yardstick, a Razor Pages POST with
-- antiforgery doing one insert (302 like the send).
--
-- No new request starts after HUB_ACTIVE_MS, nor once this thread's journeys are used up for the send
-- (counted: the run is then void; the yardsticks go round them again): wrk runs a few seconds longer, so every request it sent has its answer
-- when it stops and the responses counted here match the rows stored.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } hub_timespec;
  int clock_gettime(int clock_id, hub_timespec *tp);
]]
local clock = ffi.new("hub_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

-- Read in every Lua state wrk makes (it also calls request() once on its first thread to check it).
local target = os.getenv("HUB_TARGET") or "form"
local cookie = os.getenv("HUB_COOKIE") or ""
local antiforgery = os.getenv("HUB_TOKEN") or ""
local journeys_file = os.getenv("HUB_JOURNEYS")
local thread_count = tonumber(os.getenv("HUB_THREADS") or "1")
local active_ms = tonumber(os.getenv("HUB_ACTIVE_MS") or "10000")
local paths = { bare = "/benchmark/insert", page = "/benchmark/forminsert", form = "/refer/check" }
local path = paths[target] or paths.form
local success = target == "bare" and 204 or 302
local location = target == "form" and "/refer/sent" or nil

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

local function encode(value)
  return (string.gsub(value, "[^%w%-%._~ ]", function(c) return string.format("%%%02X", string.byte(c)) end):gsub(" ", "+"))
end

function init(args)
  stop_at = now_ms() + active_ms
  sent, ok, other, exhausted = 0, 0, 0, 0
  statuses = {}
  -- This thread's share of the journeys: lines thread_number, thread_number + threads, ...
  journeys, next_journey = {}, 1
  local line_number = 0
  for line in io.lines(journeys_file) do
    if line_number % thread_count == (thread_number or 1) - 1 then
      local journey_cookie, form_token = line:match("^([^\t]+)\t(.+)$")
      table.insert(journeys, { cookie = cookie .. "; " .. journey_cookie, token = form_token })
    end
    line_number = line_number + 1
  end
  af_field = "&Website=&__RequestVerificationToken=" .. encode(antiforgery)
end

function delay()
  if now_ms() >= stop_at or exhausted > 0 then
    return 3600000 -- this connection sends nothing more; wrk ends before the hour is up
  end
  return 0
end

function request()
  -- wrk calls request() once on its first thread, right after init(), to check the script: not sent.
  if thread_number == 1 and not checked then
    checked = true
    return wrk.format("POST", path, { ["Content-Type"] = "application/x-www-form-urlencoded" }, "")
  end
  if next_journey > #journeys and target ~= "form" then
    next_journey = 1 -- the yardsticks store no referral: the same requests again are the same work
  elseif next_journey > #journeys then
    -- Used up (wrk builds a request before it asks delay() when to send it): this one carries no
    -- journey, is answered as an expired form and counted among the other answers; the run is void.
    exhausted = exhausted + 1
    sent = sent + 1
    return wrk.format("POST", path, { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, "FormToken=00000000-0000-4000-8000-000000000000" .. af_field)
  end
  local journey = journeys[next_journey]
  next_journey = next_journey + 1
  sent = sent + 1
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = journey.cookie,
  }, "FormToken=" .. journey.token .. af_field)
end

function response(status, headers, body)
  if status == success and (location == nil or headers["Location"] == location) then
    ok = ok + 1
  else
    other = other + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total_sent, total_ok, total_other, total_exhausted = 0, 0, 0, 0
  local by_status = {}
  for _, thread in ipairs(threads) do
    total_sent = total_sent + thread:get("sent")
    total_ok = total_ok + thread:get("ok")
    total_other = total_other + thread:get("other")
    total_exhausted = total_exhausted + thread:get("exhausted")
    for status, count in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + count
    end
  end
  local others = {}
  for status, count in pairs(by_status) do
    table.insert(others, status .. ":" .. count)
  end
  -- One line for ThroughputBenchmark.cs to read; latencies in microseconds.
  io.write(string.format(
    "HUB-RESULT threads=%d active_ms=%d sent=%d ok=%d other=%d exhausted=%d others=%s connect=%d read=%d write=%d timeout=%d p50=%d p95=%d p99=%d max=%d\n",
    #threads, active_ms, total_sent, total_ok, total_other, total_exhausted, table.concat(others, ","),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
