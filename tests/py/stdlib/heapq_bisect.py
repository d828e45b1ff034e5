import heapq, bisect, random
h = []
for x in [5, 1, 8, 3, 9, 2, 7]: heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(len(h))])
l = [9, 4, 7, 1, 0, 3]; heapq.heapify(l); print(l, heapq.heapreplace(l, 5), l, heapq.heappushpop(l, -1), heapq.heappushpop(l, 6), l)
print(heapq.nlargest(3, [1, 8, 2, 9, 3]), heapq.nsmallest(2, [5, 1, 4, 0]), heapq.nlargest(2, ['a', 'bbb', 'cc'], key=len), heapq.nsmallest(3, range(10), key=lambda x: -x), heapq.nlargest(1, [3, 1]), heapq.nsmallest(10, [2, 1]), heapq.nlargest(0, [1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge([5, 3], [4, 1], reverse=True)), list(heapq.merge(['a', 'ccc'], ['bb'], key=len)), list(heapq.merge()))
try: heapq.heappop([])
except IndexError as e: print(e)
pairs = [(2, 'b'), (1, 'z'), (1, 'a')]; heapq.heapify(pairs); print([heapq.heappop(pairs) for _ in range(3)])
r = random.Random(3); data = [r.randrange(1000) for _ in range(200)]
hh = []
for v in data: heapq.heappush(hh, v)
print([heapq.heappop(hh) for _ in range(200)] == sorted(data), heapq.nsmallest(5, data), heapq.nlargest(5, data))
a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect_right(a, 9), bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3))
bisect.insort(a, 4); bisect.insort_left(a, 2); bisect.insort_right(a, 0); print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1]); print(recs)
try: bisect.bisect_left(a, 1, -1)
except ValueError as e: print(e)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'): return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
for f in (lambda: heapq.heappush((), 1), lambda: heapq.heappop(()), lambda: heapq.heapify(()), lambda: heapq.heapreplace((), 1), lambda: heapq.heappushpop((), 1), lambda: heapq.heapreplace([], 1)):
    try: f()
    except Exception as e: print(type(e).__name__, e)
