import warnings
def f():
    warnings.warn("deprecated thing", DeprecationWarning, stacklevel=2)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("first")
    f()
    warnings.warn(UserWarning("instance"))
    warnings.warn("rt", RuntimeWarning)
    print(len(w), [(type(x.message).__name__, str(x.message), x.category.__name__, x.lineno) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try: warnings.warn("boom")
    except UserWarning as e: print("raised", e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("ignore")
    warnings.warn("hidden")
    print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default")
    for i in range(3): warnings.warn("once per location")
    print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="skip")
    warnings.warn("skip me"); warnings.warn("keep me")
    print([str(x.message) for x in w])
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "code line"))
try: warnings.simplefilter("bogus")
except AssertionError as e: print(e)
try: warnings.warn("x", int)
except TypeError as e: print(e)
warnings.warn("to stderr")
