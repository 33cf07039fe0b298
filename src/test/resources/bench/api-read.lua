-- api_read benchmark: GET /api/transactions over many filters and real cursors (paths from api-read-paths.py).
--   BENCH_TOKEN=fsk_... BENCH_PATHS=paths.txt wrk -t2 -c16 -d30s --latency -s api-read.lua http://127.0.0.1:3000
local paths = {}
local token = os.getenv("BENCH_TOKEN")
for line in io.lines(os.getenv("BENCH_PATHS") or "paths.txt") do
  paths[#paths + 1] = line
end

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed + os.time())
end

function request()
  return wrk.format("GET", paths[math.random(1, #paths)], { ["Authorization"] = "Bearer " .. token })
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. "\n")
  end
end
