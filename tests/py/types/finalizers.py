# __del__ runs when the last reference goes; exceptions in __del__ are reported, not raised.
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

r = Res("a")
del r
print("after del a")
def scope():
    x = Res("local")
    print("in scope")
scope()
print("after scope")
l = [Res("in list")]
l.clear()
print("after clear")
r = Res("rebound")
r = Res("second")
print("after rebind")
class Sub(Res):
    pass
s = Sub("sub")
del s
class NoDelSub(Res):
    def __del__(self):
        print("override", self.name)
        super().__del__()
n = NoDelSub("n")
del r
del n
print("end")
