# Chained exceptions: __cause__, then __context__, each with its traceback.
class ConfigError(Exception):
    pass

def load(d, key):
    return d[key]

def parse(d):
    try:
        return load(d, 'port') + 1
    except KeyError as e:
        raise ConfigError('missing port') from e

def main():
    try:
        parse({})
    except ConfigError:
        value = int('not a number')
    return value

main()
