# __notes__ lines, an empty message and an exception raised in a generator.
def gen():
    yield 1
    raise ValueError()

try:
    for v in gen():
        pass
except ValueError as e:
    e.add_note('first note')
    e.add_note('second\nnote')
    raise
