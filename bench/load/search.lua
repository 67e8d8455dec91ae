-- wrk script: GET /search/default with a rotating set of names (listed and unlisted), so the
-- run is not one cached query. Set TAMIZ_KEY to send an API key.
local names = {
  "Diosdado+Cabello", "Tarek+El+Aissami", "Nicolas+Maduro", "John+Smith", "Maria+Garcia",
  "Ali+Hassan", "Vladimir+Putin", "Kim+Jong+Un", "Acme+Trading+LLC", "Ingeborg+Abrahamsen",
  "Kathryn+Barr", "Osama+bin+Laden", "Mohammed+Ali", "Banco+Nacional", "Wei+Zhang",
  "Rafael+Sarria+Diaz",
}
local i = 0
local key = os.getenv("TAMIZ_KEY")
request = function()
  i = i + 1
  local headers = {}
  if key and key ~= "" then headers["Authorization"] = "Bearer " .. key end
  return wrk.format("GET", "/search/default?q=" .. names[(i % #names) + 1] .. "&limit=5", headers)
end
