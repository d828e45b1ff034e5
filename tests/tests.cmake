# Test registration (included from CMakeLists.txt).
