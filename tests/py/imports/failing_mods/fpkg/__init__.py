PK = 1
