# a whole program with a syntax error: nothing runs
print("start")

def f(a, b):
    return a +* b

print(f(1, 2))
