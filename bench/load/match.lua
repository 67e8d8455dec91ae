-- wrk script: POST /match/default (yente-compatible) with one Person query per request,
-- rotating names and birth dates. Set TAMIZ_KEY to send an API key.
local people = {
  {"Tarek El Aissami", "1974-11-12"}, {"Diosdado Cabello", "1963-04-15"},
  {"John Smith", "1970-01-01"}, {"Maria Garcia", "1985-06-30"}, {"Ali Hassan", "1960"},
  {"Ingeborg Abrahamsen", "1972-11-21"}, {"Kathryn Barr", "1966-07-06"},
  {"Rafael Sarria Diaz", "1965-11-11"},
}
local bodies = {}
for k, p in ipairs(people) do
  bodies[k] = string.format(
    '{"queries":{"q1":{"schema":"Person","properties":{"name":["%s"],"birthDate":["%s"]}}}}',
    p[1], p[2])
end
local i = 0
local key = os.getenv("TAMIZ_KEY")
request = function()
  i = i + 1
  local headers = {["Content-Type"] = "application/json"}
  if key and key ~= "" then headers["Authorization"] = "Bearer " .. key end
  return wrk.format("POST", "/match/default", headers, bodies[(i % #bodies) + 1])
end
