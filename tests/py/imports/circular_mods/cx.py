from cy import Y
X = 'x'
