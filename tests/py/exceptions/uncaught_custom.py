# an uncaught custom exception with a custom __str__, and one with notes
class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail
    def __str__(self):
        return f"[{self.code}] {self.detail}"

def run():
    e = AppError(7, "it broke")
    e.add_note("note one")
    e.add_note("note two")
    raise e

print("running")
run()
