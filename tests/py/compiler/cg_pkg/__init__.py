# Helper package for compiler/imports.py (relative imports, import *, __all__).
pkg_value = "pkg"
from . import leaf
from .sub import helper as h
__all__ = ["pkg_value", "star_name", "h"]
star_name = "starred"
_private = 1
