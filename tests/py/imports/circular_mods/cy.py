from cx import X
Y = 'y'
