import sys
sys._flaky_runs = getattr(sys, '_flaky_runs', 0) + 1
if sys._flaky_runs == 1:
    raise KeyError('first time fails')
OK = sys._flaky_runs
