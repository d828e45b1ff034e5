from .. import gamma
from ..gamma import where
from . import B
D = (gamma.G, B, where())
