open Printf
printf "%d items\n" 3
