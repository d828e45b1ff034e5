from ... import T
from ...util import U
from .leaf import LEAF
L = (T, U, LEAF, __package__, __name__)
