__all__ = ['a', '_hidden_but_listed', 'f']
a = 1
b = 2
_hidden_but_listed = 3
def f(): return 'f'
