# Compile-time SyntaxWarnings (printed to stderr when the file is compiled).
def f(x):
    if x is 1:
        return "is one"
    if x is not ():
        return "not empty tuple"
    return x is None

def g():
    try:
        (1, 2)(3)
    except TypeError as e:
        print(e)
    try:
        [1, 2][1, 2]
    except TypeError as e:
        print(e)
    try:
        5[0]
    except TypeError as e:
        print(e)
    assert (False, "msg")

print(f(2))
g()
compile("x is 'a'", "<string>", "eval")
print("done")
