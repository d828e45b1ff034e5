from . import one
def g(): return 'two'
def h(): return one.f()
