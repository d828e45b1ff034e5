# ExceptionGroup.split / subgroup / derive
eg = ExceptionGroup("top", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3), KeyError(4)])])
eg.add_note("a note")
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(m.__notes__, r.exceptions)
print(repr(eg.subgroup(LookupError)), eg.subgroup(OSError))
print(eg.subgroup(ExceptionGroup) is eg, eg.split(Exception)[0] is eg)
print(repr(eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(repr(eg.split((TypeError, KeyError))))
try:
    eg.split(1)
except TypeError as e:
    print(e)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
print(repr(MyEG("mine", [ValueError(1), TypeError(2)]).split(ValueError)))
print(repr(BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()]).split(Exception)))
