from .. import util
from ..util import helper as h
from . import low
M = 'mid:' + h()
