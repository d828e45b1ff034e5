# __name__ == "__main__" and module dunders.
import sys
sys.path.insert(0, __file__.rpartition('/')[0] + '/main_guard_mods')
print(__name__, __package__ is None or __package__ == '', __spec__ is None or hasattr(__spec__, 'name'))
import guarded
print(guarded.RESULT, guarded.__name__)
print(sorted(k for k in ('__name__', '__file__', '__package__', '__doc__', '__builtins__') if k in vars(guarded)))
print(guarded.__doc__, guarded.__file__.endswith('guarded.py'))
print(type(sys.modules['__main__']).__name__, sys.modules['__main__'].__name__)
if __name__ == "__main__":
    print("script is main")
