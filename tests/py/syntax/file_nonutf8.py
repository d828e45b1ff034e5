# this file is not valid UTF-8 and has no coding declaration, so nothing runs
print("start")
s = "café"
