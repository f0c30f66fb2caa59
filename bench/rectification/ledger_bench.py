#!/usr/bin/env python3
"""Load benchmark of the rectification ledger against a running cityops (not a test; prints numbers).

  python3 bench/rectification/ledger_bench.py [base_url]   (default http://127.0.0.1:18105)

1. report of the demo seed ledger (43 problems, 115 measures): .docx and .html, 20 times each;
2. imports a generated ledger of 10,000 measures (10 categories x 200 problems x 5 measures) and times
   200 list requests (page of 50) with rotating filters: none, category, department, leader, status,
   overdue, due soon, problem status. Prints p50/p95/max in ms.
"""
import json, random, statistics, sys, time, urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:18105"


def call(method, path, token=None, body=None, ctype="application/json"):
    req = urllib.request.Request(BASE + path, method=method, data=body)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if body is not None:
        req.add_header("Content-Type", ctype)
    with urllib.request.urlopen(req, timeout=300) as r:
        return r.read()


def token(user):
    body = json.dumps({"username": user, "password": "cityops-demo"}).encode()
    return json.loads(call("POST", "/api/v1/auth/token", body=body))["access_token"]


def timed(fn, n):
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    out.sort()
    return out


def show(name, ms):
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    print(f"{name:48s} n={len(ms):4d} p50={statistics.median(ms):7.1f} ms  p95={p95:7.1f} ms  max={ms[-1]:7.1f} ms")


def main():
    leader, office = token("leader1"), token("rectify1")
    inspections = json.loads(call("GET", "/api/v1/rectification/inspections", leader))
    seed = [i for i in inspections if i["name"] == "市委第一巡察组 巡察“回头看”"][0]["id"]
    call("GET", f"/api/v1/rectification/inspections/{seed}/report.docx", leader)  # warm up
    show("seed report.docx (43 problems, 115 measures)",
         timed(lambda: call("GET", f"/api/v1/rectification/inspections/{seed}/report.docx", leader), 20))
    show("seed report.html",
         timed(lambda: call("GET", f"/api/v1/rectification/inspections/{seed}/report.html", leader), 20))

    depts = ["市环卫处", "市城管执法支队", "市公园管理中心", "办公室", "机关党委", "天宁区城管局"]
    leaders = ["局长", "副局长甲", "副局长乙", "副局长丙"]
    statuses = ["未启动", "推进中", "已完成"]
    rnd = random.Random(42)
    cats, n = [], 0
    for c in range(1, 11):
        probs = []
        for p in range(200):
            n += 1
            ms = []
            for m in range(5):
                d = rnd.randint(-30, 120)
                ms.append({"title": f"措施{n}-{m}", "text": f"第{n}条问题的第{m + 1}条整改措施。",
                           "leader": rnd.choice(leaders), "lead_department": rnd.choice(depts),
                           "cooperating_departments": [rnd.choice(depts)],
                           "deadline": time.strftime("%Y-%m-%d", time.localtime(time.time() + d * 86400)),
                           "status": rnd.choice(statuses)})
            probs.append({"no": n, "title": f"问题{n}", "measures": ms})
        cats.append({"no": c, "title": f"类别{c}", "problems": probs})
    ledger = {"inspection": {"name": f"bench-{int(time.time())}", "kind": "督查"}, "categories": cats}
    t = time.perf_counter()
    # JSON bodies are limited to 1 MB (cityops.web.max-body-bytes): a big ledger goes up as a file
    boundary = "----cityopsbench"
    payload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.json\"\r\n"
               f"Content-Type: application/json\r\n\r\n").encode() + json.dumps(ledger).encode() + \
        f"\r\n--{boundary}--\r\n".encode()
    res = json.loads(call("POST", "/api/v1/rectification/inspections/import", office, payload,
                          "multipart/form-data; boundary=" + boundary))
    print(f"import of {res['measures']} measures: {(time.perf_counter() - t) * 1000:.0f} ms")
    big = res["inspectionId"]
    filters = ["", "&department=" + urllib.parse.quote("市环卫处"), "&leader=" + urllib.parse.quote("局长"),
               "&status=COMPLETED", "&overdue=true", "&dueSoon=true", "&problemStatus=INITIAL_PROGRESS",
               "&department=" + urllib.parse.quote("办公室") + "&status=IN_PROGRESS&page=3"]
    i = [0]

    def listing():
        f = filters[i[0] % len(filters)]
        i[0] += 1
        call("GET", f"/api/v1/rectification/inspections/{big}/measures?size=50{f}", leader)

    listing()
    show("10,000-measure ledger: list + filter (page of 50)", timed(listing, 200))
    show("10,000-measure ledger: summary", timed(
        lambda: call("GET", f"/api/v1/rectification/inspections/{big}/summary", leader), 20))


if __name__ == "__main__":
    import urllib.parse
    main()
