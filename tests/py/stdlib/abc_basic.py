from abc import ABC, abstractmethod, ABCMeta
class A(ABC):
    @abstractmethod
    def f(self): pass
    @abstractmethod
    def g(self): pass
class B(A):
    def f(self): return 1
try: A()
except TypeError as e: print(e)
try: B()
except TypeError as e: print(e)
class C(B):
    def g(self): return 2
print(C().f(), isinstance(C(), A), issubclass(C, A))
A.register(int)
print(isinstance(3, A), issubclass(str, A))
print(sorted(B.__abstractmethods__))
