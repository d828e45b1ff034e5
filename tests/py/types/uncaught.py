# An uncaught exception from a dunder method: traceback on stderr, exit status 1.
class Broken:
    def __add__(self, other):
        return self.missing + other

print("before")
Broken() + 1
print("not reached")
