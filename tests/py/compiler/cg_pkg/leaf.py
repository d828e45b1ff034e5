# Helper module for compiler/imports.py.
LEAF = 41
_hidden = 0
visible = "v"
