# SystemExit with a message prints it on stderr and exits with status 1.
print("stdout is flushed before exiting")
raise SystemExit("fatal: giving up")
