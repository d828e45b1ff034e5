U = 'util'
def helper(): return 'helped'
