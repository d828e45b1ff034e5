# Helper module for compiler/imports.py.
from . import leaf
from .leaf import LEAF as L
value = leaf.LEAF + 1

def helper():
    return "helper %d" % (L + 1)
