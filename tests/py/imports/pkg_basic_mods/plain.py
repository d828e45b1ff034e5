VALUE = 42
def _private(): return 1
