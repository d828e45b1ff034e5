B = "beta"
