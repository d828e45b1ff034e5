# insertion order survives deletes, re-inserts, resizes, popitem
d = {}
for i in range(20):
    d[str(i)] = i
for i in range(0, 20, 3):
    del d[str(i)]
d["0"] = "again"
print(list(d.items()))
d.update({"5": "five", "new": 1})
print(list(d))
e = dict.fromkeys(range(10))
e.pop(3)
e[3] = "back"
print(list(e))
big = {i: i for i in range(10000)}
for i in range(0, 10000, 2):
    del big[i]
print(len(big), list(big)[:5], list(big)[-2:], big[9999])
for i in range(5):
    big[-i] = i
print(list(big)[-5:])
p = {"x": 1, "y": 2, "z": 3}
print(p.popitem(), p.popitem())
p["w"] = 4
print(p, p.popitem())
q = {}
for i in range(50):
    q[i] = i
    if i % 3 == 0:
        q.pop(i // 2, None)
print(list(q)[:20])
keys = [(i * 7919) % 1000 for i in range(500)]
r = {}
for k in keys:
    r[k] = k
print(list(r)[:10] == keys[:10], len(r))
s = {1: "a", 2: "b"}
s[1] = "A"
print(s)
t = dict(zip(range(8), range(8)))
del t[0]
t[0] = 0
print(t)
u = {}
for round_ in range(3):
    for i in range(100):
        u[i] = round_
    for i in range(100):
        del u[i]
print(u, len(u))
u[1] = 1
print(u)
print(list({-1: 0, -2: 0, 2**62: 0, 0.5: 0}))
