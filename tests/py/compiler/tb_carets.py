def compute(d):
    return d["a"]["b"] + 1

def outer(v):
    return compute(
        {"a": v})

outer({"x": 1})
