-- wrk script: cycles through pre-signed webhooks (gen_bodies.py), each thread its own slice, so every
-- request carries a server_message_id no other request used. Usage: wrk ... -s webhook.lua URL -- FILE THREADS
local thread_count = 0

function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  local path, threads = args[1], tonumber(args[2])
  requests, step, next_index, sent = {}, threads, tid + 1, 0
  local n = 0
  for line in io.lines(path) do
    local signature, body = line:match("^(%x+)\t(.*)$")
    n = n + 1
    if (n - 1) % threads == tid then
      requests[#requests + 1] = wrk.format("POST", "/webhook/douyin",
        { ["Content-Type"] = "application/json", ["X-Douyin-Signature"] = signature }, body)
    end
  end
  next_index = 1
end

function request()
  local r = requests[next_index]
  next_index = next_index + 1
  if next_index > #requests then next_index = 1 end  -- wrapped: the rest are duplicates (see run.sh check)
  return r
end
