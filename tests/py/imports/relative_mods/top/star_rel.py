from .util import *
STAR = sorted(k for k in dir() if not k.startswith('__'))
