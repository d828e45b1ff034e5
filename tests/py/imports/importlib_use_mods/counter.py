import sys
sys._counter_runs = getattr(sys, '_counter_runs', 0) + 1
RUNS = sys._counter_runs
try:
    KEPT
except NameError:
    KEPT = 'first'
else:
    KEPT = 'kept ' + KEPT
