S = "sub loaded"
