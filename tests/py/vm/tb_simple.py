# An uncaught exception deep in calls: traceback with source lines and 3.11 carets.
def divide(a, b):
    return a / b

def average(values):
    total = 0
    for v in values:
        total = total + v
    return divide(total, len(values) - len(values))

def report(data):
    print('computing')
    result = average(data['numbers'])
    return result

report({'numbers': [1, 2, 3]})
