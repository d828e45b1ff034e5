# set displays: CPython folds 3+ constants into a frozenset constant (built twice by its
# compiler) and SET_UPDATEs it into an empty set; that fixes the order printed here
print({3, 1, 2})
print({100, 5, 37})
print({-1, -2, 7, 8, 16, 1000})
print({2**40, 2**50, 3, 64, 65, 8})
print({1, 2, 3} | {100, 200}, {200, 100} | {1, 2, 3})
print({5, 6, 7, 8, 9} & {9, 7, 5, 1000}, {1, 2, 3, 4} ^ {3, 4, 5, 6})
print({10, 9}, {9, 10}, {17, 1}, {1, 17})
x = 100
print({x, 5, 37}, {37, 5, x})
print(frozenset({1000, 3, 2000}), {-5, -6, -7})
print(list({7, 15, 23, 31, 39, 47, 55, 63, 71}))
print({i for i in (100, 5, 37)})
