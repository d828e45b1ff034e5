import fnmatch, glob, os
names = ['a.py', 'b.txt', 'abc.py', '.hidden', 'data1.csv', 'data22.csv', 'x[1].txt', 'READ.me', 'dir/sub.py', '']
for pat in ['*.py', '?.*', 'a*', '*', 'data?.csv', 'data[0-9]*.csv', '[!a]*', '[ab]*', '*[.]me', 'x[[]1].txt', '*.*', '[', '[]]', '[!]]', 'a*c*', '*/*', '[z-a]*', '**.py']:
    print(repr(pat), fnmatch.filter(names, pat))
print(fnmatch.fnmatch('FOO.PY', '*.py'), fnmatch.fnmatchcase('FOO.PY', '*.py'), fnmatch.fnmatchcase('abc', 'a?c'), fnmatch.fnmatchcase('ac', 'a?c'))
for pat in ['*.py', 'a?b', '[!abc]x', '[a-c]', 'x*y*z', '[]-]', '[^a]', 'a.b']:
    print(repr(pat), fnmatch.translate(pat))
base = 'globtest_%d' % os.getpid()
os.makedirs(os.path.join(base, 'sub', 'deep'))
for p in ['a.txt', 'b.py', '.hid.py', 'sub/c.py', 'sub/d.txt', 'sub/deep/e.py']:
    fd = os.open(os.path.join(base, p), os.O_WRONLY | os.O_CREAT, 0o644); os.close(fd)
R = lambda l: sorted(x.replace(base, 'B') for x in l)
print(R(glob.glob(base + '/*')), R(glob.glob(base + '/*.py')), R(glob.glob(base + '/*/*.py')))
print(R(glob.glob(base + '/**/*.py', recursive=True)), sorted(glob.glob('**', root_dir=base, recursive=True)))
print(sorted(glob.glob('*.txt', root_dir=base)), glob.glob(base + '/nomatch*'), R(glob.glob(base + '/a.txt')), R(glob.glob(base + '/*', include_hidden=True)))
print(glob.escape('a*b?[c]'), glob.has_magic('x[y]'), glob.has_magic('plain'))
for dp, dn, fn in os.walk(base, topdown=False):
    for f in fn: os.remove(os.path.join(dp, f))
    os.rmdir(dp)
print(os.path.exists(base))
