# Single inheritance: overriding, attribute lookup through the MRO, isinstance/issubclass.
class Animal:
    sound = "..."
    legs = 4

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def describe(self):
        return f"{type(self).__name__}({self.name}, legs={self.legs})"


class Dog(Animal):
    sound = "woof"


class Bird(Animal):
    sound = "tweet"
    legs = 2

    def speak(self):
        return Animal.speak(self) + "!"


class Puppy(Dog):
    def __init__(self, name, age):
        Dog.__init__(self, name)
        self.age = age

    def describe(self):
        return Animal.describe(self) + f" age={self.age}"


for a in [Animal("x"), Dog("rex"), Bird("tweety"), Puppy("bit", 1)]:
    print(a.speak(), "|", a.describe())

print(Puppy.__mro__)
print(Puppy.__bases__, Puppy.__base__)
print(issubclass(Puppy, Dog), issubclass(Puppy, Animal), issubclass(Dog, Puppy))
print(issubclass(Puppy, (Bird, Dog)), issubclass(Puppy, (Bird,)))
print(isinstance(Puppy("a", 1), (int, Animal)), isinstance(3, (str, (float, int))))
print(issubclass(bool, int), issubclass(int, object), issubclass(type, object))
print(isinstance(type, type), isinstance(object, type), issubclass(object, type))
print(sorted(c.__name__ for c in Animal.__subclasses__()))
print(Dog.__subclasses__())

# overriding later affects subclasses
Animal.legs = 6
print(Dog("d").legs, Bird("b").legs)
Dog.speak = lambda self: "overridden"
print(Puppy("p", 2).speak(), Dog("d").speak(), Bird("b").speak())
del Dog.speak
print(Puppy("p", 2).speak())

# inheriting __init__ and __repr__
class Base:
    def __init__(self, v=0):
        self.v = v
    def __repr__(self):
        return f"{type(self).__name__}<{self.v}>"
class Derived(Base):
    pass
print(Derived(5), [Derived(), Base(1)])
print(str(Derived(7)))

# errors
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(int, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, (int, 1))
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(1, (int, 1)))
for bad in (bool, type(None), type(len)):
    try:
        class X(bad):
            pass
    except TypeError as e:
        print(type(e).__name__, e)
try:
    class Y(Dog, Dog):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Z(1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
