from . import one
from . import two
