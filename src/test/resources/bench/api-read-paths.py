# api_read benchmark: writes the paths wrk asks for, GET /api/transactions?limit=100 over 80 random filter sets
# (account, from/to, pending) each with real cursors taken by walking its pages (big pages reach deep positions).
#   python3 api-read-paths.py http://127.0.0.1:3000 <token> paths.txt <account ids, comma-separated>
import datetime, json, random, sys, urllib.parse, urllib.request

random.seed(42)
base, token, out = sys.argv[1], sys.argv[2], sys.argv[3]
accounts = [int(a) for a in sys.argv[4].split(",")]
def get(params):
    req = urllib.request.Request(base + "/api/transactions?" + urllib.parse.urlencode(params),
                                 headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req) as r:
        return json.load(r)
def rand_range():
    end = datetime.date.today() - datetime.timedelta(days=random.randint(0, 2500))
    start = end - datetime.timedelta(days=random.choice([7, 30, 90, 365]))
    return start.isoformat(), end.isoformat()
filters = []
for i in range(80):
    f = {}
    if random.random() < 0.5: f["accountId"] = random.choice(accounts)
    r = random.random()
    if r < 0.4:
        f["from"], f["to"] = rand_range()
    elif r < 0.5:
        f["from"] = rand_range()[0]
    elif r < 0.6:
        f["to"] = rand_range()[1]
    p = random.random()
    if p < 0.2: f["pending"] = "true"
    elif p < 0.45: f["pending"] = "false"
    filters.append(f)
paths = []
for f in filters:
    # walk with big pages to reach deep positions, keeping every real cursor seen
    cursors = [None]
    cur = None
    depth = random.choice([2, 5, 20, 60])
    for _ in range(depth):
        params = dict(f, limit=500)
        if cur: params["cursor"] = cur
        page = get(params)
        cur = page["page"]["nextCursor"]
        if not cur: break
        cursors.append(cur)
    # and a few 100-row pages from the top
    cur = None
    for _ in range(3):
        params = dict(f, limit=100)
        if cur: params["cursor"] = cur
        cur = get(params)["page"]["nextCursor"]
        if not cur: break
        cursors.append(cur)
    for c in cursors:
        params = dict(f, limit=100)
        if c: params["cursor"] = c
        paths.append("/api/transactions?" + urllib.parse.urlencode(params))
random.shuffle(paths)
with open(out, "w") as fh:
    for p in paths: fh.write(p + "\n")
print(len(paths), "paths")
