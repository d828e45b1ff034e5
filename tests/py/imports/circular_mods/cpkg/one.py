from . import two
def f(): return 'one+' + two.g()
