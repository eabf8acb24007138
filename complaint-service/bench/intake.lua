-- wrk script of intake.sh: every connection files reports as residents of the six communities in turn. The requests
-- are built once per thread (tokens signed in advance), so the load tool does no work per request.
local requests = {}
local next_request = 0

local function read(path)
  local file = assert(io.open(path, "r"))
  local text = file:read("*a")
  file:close()
  return text
end

function init(args)
  local body = read(os.getenv("BENCH_BODY")):gsub("%s+$", "")
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    local community, token = line:match("^(%S+) (%S+)$")
    local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
    requests[#requests + 1] = wrk.format("POST", nil, headers, (body:gsub("@COMMUNITY@", community)))
  end
  next_request = math.random(#requests)
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
