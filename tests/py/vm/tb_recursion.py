# Uncaught RecursionError: the repeated frames collapse into one line.
def walk(node):
    return walk(node + 1)

def start():
    walk(0)

start()
