"""Serialisation of the objects sent between processes (pickle)."""

import io
import pickle

__all__ = ['ForkingPickler', 'register', 'dumps', 'loads']

HIGHEST_PROTOCOL = pickle.HIGHEST_PROTOCOL


class ForkingPickler(pickle.Pickler):
    """Pickler subclass used by multiprocessing."""
    _extra_reducers = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self._extra_reducers:
            self.dispatch_table = dict(self._extra_reducers)

    @classmethod
    def register(cls, type, reduce):
        """Register a reduce function for a type."""
        cls._extra_reducers[type] = reduce

    @classmethod
    def dumps(cls, obj, protocol=None):
        if not cls._extra_reducers:
            return pickle.dumps(obj, protocol)
        buf = io.BytesIO()
        cls(buf, protocol).dump(obj)
        return buf.getvalue()

    loads = staticmethod(pickle.loads)


register = ForkingPickler.register


def dumps(obj, protocol=None):
    return ForkingPickler.dumps(obj, protocol)


loads = pickle.loads
