# The program's end waits for non-daemon threads (threading._shutdown); daemon threads
# are abandoned.
import threading
import time


def late():
    time.sleep(0.05)
    print("non-daemon thread finished after the main thread")


def never():
    threading.Event().wait()


threading.Thread(target=late).start()
threading.Thread(target=never, daemon=True).start()
print("main thread done")
