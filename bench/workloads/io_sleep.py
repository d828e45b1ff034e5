# I/O-bound: every thread sleeps 1 ms SIZE times. time.sleep detaches, so N threads should
# take as long as one (efficiency 100%) in every strategy.
import time

from _common import main


def job(n):
    for _ in range(n):
        time.sleep(0.001)
    return n


main("io_sleep", job, 200)
