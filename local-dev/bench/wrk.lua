-- wrk script for the TradeCore benchmarks. Two modes, chosen by the first script argument:
--   wrk ... -s wrk.lua <url> -- update <users.lua>   profile updates, each by a random benchmark user with its own
--                                                    token and a display name never sent before, so every request
--                                                    appends an event (the streams grow through the run)
--   wrk ... -s wrk.lua <url> -- register <run-id>    registrations with unique usernames
--   wrk ... -s wrk.lua <url> -- order <traders.lua> <SYM,SYM,...>
--                                                    market buys of 1 share of a random symbol by a random
--                                                    benchmark trader on their funded paper account
-- Counts responses by status in every thread and prints them at the end, with a RESULT line for bench/run.sh.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

-- Per thread (each has its own Lua state): thread_id (set above), statuses, counter and the mode's data.
statuses = {}
counter = 0

function init(args)
  mode = args[1]
  if mode == "update" then
    users = dofile(args[2])
  elseif mode == "register" then
    run = args[2]
  elseif mode == "order" then
    traders = dofile(args[2])
    symbols = {}
    for symbol in string.gmatch(args[3], "[^,]+") do table.insert(symbols, symbol) end
  else
    error("wrk.lua: first argument must be 'update', 'register' or 'order', not " .. tostring(mode))
  end
  math.randomseed(os.time() * 100 + thread_id)
end

function request()
  counter = counter + 1
  if mode == "update" then
    local user = users[math.random(#users)]
    return wrk.format("POST", "/api/users/" .. user[1] .. "/update-profile",
      { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. user[2] },
      '{"displayName":"bench ' .. thread_id .. "." .. counter .. '"}')
  end
  if mode == "order" then
    local trader = traders[math.random(#traders)]
    return wrk.format("POST", "/api/orders/place",
      { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. trader[2] },
      '{"accountId":"' .. trader[1] .. '","symbol":"' .. symbols[math.random(#symbols)]
        .. '","side":"buy","quantity":1,"type":"market","timeInForce":"day"}')
  end
  local name = "r" .. run .. "t" .. thread_id .. "n" .. counter
  return wrk.format("POST", "/api/users/create", { ["Content-Type"] = "application/json" },
    '{"username":"' .. name .. '","email":"' .. name .. '@bench.example.com","password":"bench-password-0123"}')
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts, non2xx, listed = {}, 0, {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  for status, n in pairs(counts) do
    if status < 200 or status > 299 then non2xx = non2xx + n end
    table.insert(listed, status .. ":" .. n)
  end
  table.sort(listed)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("statuses %s; socket errors connect %d read %d write %d timeout %d\n",
    table.concat(listed, " "), e.connect, e.read, e.write, e.timeout))
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d statuses=%s\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, non2xx, e.connect + e.read + e.write + e.timeout,
    table.concat(listed, ",")))
end
