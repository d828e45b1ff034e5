P = "ipkg"
