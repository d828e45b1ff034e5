import operator as op
from operator import itemgetter, attrgetter, methodcaller
print(op.add(1, 2), op.sub(5, 3), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10), op.neg(3), op.pos(-3), op.abs(-4))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.invert(5), op.inv(5), op.lshift(1, 4), op.rshift(16, 2), op.not_(0), op.truth([]), op.truth([1]))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.ge(1, 2), op.gt(3, 2), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'), op.getitem('abc', 1), op.getitem([1, 2, 3], slice(1, None)))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l)
print(op.index(5), op.index(True), op.length_hint([1, 2]), op.length_hint(iter(range(7))), op.length_hint(object(), 3))
try: op.index(1.5)
except TypeError as e: print(e)
try: op.indexOf([1], 2)
except ValueError as e: print(e)
try: op.concat(1, 2)
except TypeError as e: print(e)
x = [1]; y = op.iadd(x, [2]); print(x, y is x, op.iadd(1, 2), op.isub(5, 1), op.imul([0], 2), op.itruediv(1, 4), op.ifloordiv(9, 2), op.imod(9, 4), op.ipow(3, 3), op.ilshift(1, 3), op.irshift(8, 1), op.iand(7, 2), op.ior(1, 2), op.ixor(3, 1), op.iconcat([1], [2]))
print(op.__add__(1, 2), op.__getitem__('ab', 0), op.__not__(1), op.__lt__(1, 2), op.call(max, 1, 5))
g = itemgetter(1); print(g('abc'), g([4, 5]), itemgetter(0, 2)('abc'), itemgetter('k')({'k': 1}), repr(itemgetter(1, 'a')))
class A: pass
a = A(); a.b = A(); a.b.c = 42; a.x = 1
print(attrgetter('x')(a), attrgetter('b.c')(a), attrgetter('x', 'b.c')(a), repr(attrgetter('b.c')))
try: attrgetter('nope')(a)
except AttributeError as e: print(e)
print(methodcaller('upper')('abc'), methodcaller('split', ',')('a,b'), methodcaller('replace', 'a', 'b', 1)('aaa'), repr(methodcaller('f', 1, k=2)))
print(sorted([(1, 'b'), (0, 'c'), (1, 'a')], key=itemgetter(1)), sorted(['bb', 'a', 'ccc'], key=len))
class M:
    def __matmul__(self, o): return 'matmul'
    def __imatmul__(self, o): return 'imatmul'
print(op.matmul(M(), 1), op.imatmul(M(), 1))
class H:
    def __length_hint__(self): return 12
print(op.length_hint(H()))
