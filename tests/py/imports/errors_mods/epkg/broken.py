raise ValueError("boom in sub")
