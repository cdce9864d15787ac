-- wrk script for the throughput benchmark (ThroughputBenchmark.cs starts wrk with it).
--
-- Every request is a distinct, valid, invented self-referral, posted as the "Send my request"
-- button of the check-your-answers page posts it: the answers, a fresh form token (the form's
-- protection against a double submit keys on it, so each request is a new referral) and the
-- antiforgery token. The antiforgery cookie and token come from one GET of /refer, made by the
-- benchmark before wrk starts (HUB_COOKIE, HUB_TOKEN); they stay valid for the whole session.
-- HUB_TARGET=bare posts the same bodies to the bare-insert yardstick instead; HUB_TARGET=page to the
-- fair yardstick, a Razor Pages POST with antiforgery doing the same one insert (302 like the send).
--
-- No new request starts after HUB_ACTIVE_MS: wrk runs a few seconds longer, so every request it
-- sent has its answer when it stops and the responses counted here match the rows stored.

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

-- Read in every Lua state wrk makes (it also calls request() once in its own state to check it).
local target = os.getenv("HUB_TARGET") or "form"
local cookie = os.getenv("HUB_COOKIE") or ""
local antiforgery = os.getenv("HUB_TOKEN") or ""
local active_ms = tonumber(os.getenv("HUB_ACTIVE_MS") or "10000")
local paths = { bare = "/benchmark/insert", page = "/benchmark/forminsert", form = "/refer?handler=send" }
local path = paths[target] or paths.form
local success = target == "bare" and 204 or 302

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  math.randomseed((thread_number or 0) * 7919 + os.time())
  stop_at = now_ms() + active_ms
  sent, ok, other = 0, 0, 0
  statuses = {}
end

function delay()
  if now_ms() >= stop_at then
    return 3600000 -- this connection sends nothing more; wrk ends before the hour is up
  end
  return 0
end

local function pick(list)
  return list[math.random(#list)]
end

local function encode(value)
  return (string.gsub(value, "[^%w%-%._~ ]", function(c) return string.format("%%%02X", string.byte(c)) end):gsub(" ", "+"))
end

local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = c == "x" and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

-- Invented answers. Phone numbers come from Ofcom's ranges kept for drama, so none is anyone's.
local drama_numbers = { "07700 900", "020 7946 0", "0113 496 0", "0121 496 0", "0161 496 0", "0117 496 0", "01632 960" }
local names = { "Sam", "Alex", "Jo", "Chris", "Priya", "Tomasz", "Ade", "Mei", "Rosa", "Dan", "Aisha", "Kofi", "" }
local happening = {
  "I have not been sleeping well for a few weeks.",
  "Work has been really stressful and I feel on edge most of the day.",
  "Since my mum died I have found it hard to get going in the mornings.",
  "I keep worrying about money and the rent.",
  "I feel lonely since I moved here and do not know anyone.",
  "My GP suggested I get in touch.",
  "Things have been building up and I would like to talk to someone.",
  "I have had panic attacks on the bus and now avoid going out.",
}
local helps = {
  "Someone to talk to.", "Help with money and benefits.", "Meeting people nearby.",
  "Advice about housing.", "A peer support group.", "",
}
local areas = { "SE1", "SE5", "SE11", "SE17", "SW8", "SW9" }
local letters = { "A", "B", "D", "E", "F", "G", "H", "J", "L", "N", "P", "Q", "R", "S", "T", "U", "W", "X", "Y", "Z" }
local ethnic = { "A", "B", "C", "D", "F", "H", "J", "K", "M", "N", "R", "S", "prefer-not-to-say", "" }
local genders = { "woman", "man", "non-binary", "prefer-not-to-say", "" }
local orientations = { "heterosexual", "gay-or-lesbian", "bisexual", "prefer-not-to-say", "" }

local function answers()
  local fields = {}
  local function add(name, value)
    if value ~= nil and value ~= "" then
      table.insert(fields, "Answers." .. name .. "=" .. encode(value))
    end
  end
  local roll = math.random(100)
  local method = roll <= 45 and "Phone" or roll <= 65 and "Text" or roll <= 85 and "Email" or "TheyWillCallUs"
  add("ContactMethod", method)
  if method == "Phone" or method == "Text" then
    add("Phone", pick(drama_numbers) .. string.format("%03d", math.random(0, 999)))
    add("SafeToLeaveMessage", math.random(2) == 1 and "yes" or "no")
  elseif method == "Email" then
    add("Email", "person" .. math.random(1, 100000000) .. "@example.org")
  end
  add("PreferredName", pick(names))
  local story = pick(happening)
  for _ = 1, math.random(0, 2) do
    story = story .. " " .. pick(happening)
  end
  add("WhatIsHappening", story)
  add("WhatWouldHelp", pick(helps))
  if math.random(100) <= 30 then
    add("BirthDay", tostring(math.random(1, 28)))
    add("BirthMonth", tostring(math.random(1, 12)))
    add("BirthYear", tostring(math.random(1940, 2006)))
  end
  if math.random(100) <= 40 then
    add("Postcode", pick(areas) .. " " .. math.random(1, 9) .. pick(letters) .. pick(letters))
  end
  add("EthnicCategory", pick(ethnic))
  add("Gender", pick(genders))
  add("SexualOrientation", pick(orientations))
  add("ConsentToShare", math.random(100) <= 80 and "yes" or "no")
  table.insert(fields, "FormToken=" .. uuid())
  table.insert(fields, "__RequestVerificationToken=" .. encode(antiforgery))
  return table.concat(fields, "&")
end

function request()
  -- wrk calls request() once on its first thread, right after init(), to check the script: not sent.
  if thread_number == 1 and not checked then
    checked = true
  else
    sent = (sent or 0) + 1
  end
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, answers())
end

function response(status, headers, body)
  if status == success then
    ok = ok + 1
  else
    other = other + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total_sent, total_ok, total_other = 0, 0, 0
  local by_status = {}
  for _, thread in ipairs(threads) do
    total_sent = total_sent + thread:get("sent")
    total_ok = total_ok + thread:get("ok")
    total_other = total_other + thread:get("other")
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
    "HUB-RESULT threads=%d active_ms=%d sent=%d ok=%d other=%d others=%s connect=%d read=%d write=%d timeout=%d p50=%d p95=%d p99=%d max=%d\n",
    #threads, active_ms, total_sent, total_ok, total_other, table.concat(others, ","),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
