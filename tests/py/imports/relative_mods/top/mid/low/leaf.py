from . import __name__ as pkgname_seen
LEAF = 'leaf in ' + __package__
