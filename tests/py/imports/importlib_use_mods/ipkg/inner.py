Q = "ipkg.inner"
