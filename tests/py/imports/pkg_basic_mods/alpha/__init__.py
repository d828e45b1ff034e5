import sys
LOADS = getattr(sys, "_alpha_loads", 0) + 1
sys._alpha_loads = LOADS
NAME = __name__
PKG = __package__
from . import gamma
