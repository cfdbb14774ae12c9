let limit = 10
print_int limit
