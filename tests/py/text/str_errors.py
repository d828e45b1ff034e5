# an uncaught UnicodeDecodeError ends the program with a traceback
data = b"ok\xffbad"
print(data[:2].decode())
text = data.decode("utf-8")
print("not reached", text)
