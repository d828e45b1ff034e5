# dumps/loads from several threads at once on shared objects (the free-threaded
# builds run them in parallel).
import pickle, threading, collections
class P:
    def __init__(self, i): self.i = i; self.l = [i, str(i)]
shared = {'k': [P(i) for i in range(50)], 'od': collections.OrderedDict(a=1)}
errs = []
def work(n):
    for j in range(4):
        for p in range(6):
            r = pickle.loads(pickle.dumps(shared, p))
            if [x.i for x in r['k']] != list(range(50)) or r['od'] != shared['od']:
                errs.append((n, j, p))
ts = [threading.Thread(target=work, args=(n,)) for n in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print('errors', errs)
