import sys as _sys
x = 10
y = 20
_private = 30
def g(): return 'g'
class K: pass
