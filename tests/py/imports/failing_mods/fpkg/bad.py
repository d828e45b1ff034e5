import fpkg.good
raise RuntimeError('bad submodule')
