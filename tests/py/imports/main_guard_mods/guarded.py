RESULT = []
def main():
    RESULT.append('main ran')
if __name__ == "__main__":
    main()
else:
    RESULT.append('imported as ' + __name__)
