# Several producers and consumers over Queue, LifoQueue and PriorityQueue at once:
# every item is consumed exactly once.
import queue
import threading

results = {}
lock = threading.Lock()


def run(q, name):
    got = []

    def producer(k):
        for i in range(150):
            q.put(k * 1000 + i)

    def consumer():
        mine = []
        while True:
            x = q.get()
            if x is None:
                q.task_done()
                break
            mine.append(x)
            q.task_done()
        with lock:
            got.extend(mine)

    cs = [threading.Thread(target=consumer) for _ in range(3)]
    ps = [threading.Thread(target=producer, args=(k,)) for k in range(3)]
    for t in cs + ps:
        t.start()
    for t in ps:
        t.join()
    q.join()
    for _ in cs:
        q.put(None if name != "prio" else None)
    for t in cs:
        t.join()
    results[name] = (len(got), sum(got), sorted(got) == sorted(k * 1000 + i for k in range(3)
                                                          for i in range(150)))


class NoneLast(queue.PriorityQueue):
    # None sorts after every number
    def _put(self, item):
        super()._put((item is None, item or 0))

    def _get(self):
        flag, item = super()._get()
        return None if flag else item


runners = [threading.Thread(target=run, args=(q, n)) for q, n in
           [(queue.Queue(7), "fifo"), (queue.LifoQueue(7), "lifo"), (NoneLast(7), "prio")]]
for r in runners:
    r.start()
for r in runners:
    r.join()
for name in sorted(results):
    print(name, results[name])
