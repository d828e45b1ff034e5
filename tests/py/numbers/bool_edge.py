# bool through the int machinery: methods, conversions, formatting, bitwise results.
import math
for e in ['True.__index__()', 'True.__int__()', 'True.real', 'True.numerator', 'True.denominator', 'True.imag', 'True.conjugate()', '+True', '-False', 'round(True)', 'round(True, 2)', 'math.floor(True)', 'math.trunc(True)', 'True.__trunc__()', 'int(True)', 'float(True)', 'True.as_integer_ratio()', 'True.__round__()', 'abs(False)', 'True.__format__("")', 'format(True, "d")', 'format(True, "^7")', '"%s %d %r %f" % (True, True, True, True)', 'str(True)', 'True.__getnewargs__()', 'True.to_bytes(2, "big")', 'bool.from_bytes(b"\\x01", "big")', 'bool.from_bytes(b"\\x00", "big")', 'bool(2**100)', 'True // True', 'True % 2', 'divmod(True, 2)', 'True ** -1', 'True << 100', 'hex(True)', 'math.gcd(True, True)', 'complex(True)', 'True.__sizeof__() > 0', 'int.__repr__(True)', 'int.__str__(True)' if hasattr(int, '__str__') else '1', 'True.bit_length()', 'float.__repr__(2.0)', 'bool.__and__(True, 1)', 'True & 1', '1 & True', '1 | True', 'False ^ 1', 'True.__rand__(False)', 'type(True.__or__(False))', 'type(~True)']:
    try:
        v = eval(e)
        print(e, '->', repr(v), type(v).__name__)
    except Exception as ex:
        print(e, '->', type(ex).__name__, ex)
