# "coroutine ... was never awaited" RuntimeWarnings on stderr when a never-started
# coroutine is destroyed (once per location, like the default warning filter).
import sys


async def job(x):
    return x


class Holder:
    async def method(self):
        pass


print('start')
sys.stdout.flush()
job(1)                      # dropped at once
print('after first')
sys.stdout.flush()
c = job(2)
del c                       # dropped by del
for i in range(3):
    job(i)                  # the same location warns once
Holder().method()           # qualified name
c = job(3)
c.close()                   # closing a never-started coroutine does not warn
c = None
c = job(4)
try:
    c.send(None)
except StopIteration:
    pass
c = None                    # started: no warning


def inner():
    job(5)                  # location inside a function


inner()
print('end')
